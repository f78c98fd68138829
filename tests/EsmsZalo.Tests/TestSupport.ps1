# Shared by the *.Tests.ps1 files: dot-source it inside BeforeAll.
# Builds nothing. It imports the module staged by `dotnet build` in out/EsmsZalo/ and starts the
# already-built emulator on a free 127.0.0.1 port, so the tests exercise what a user would load.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModuleManifest = Join-Path $script:RepoRoot 'out/EsmsZalo/EsmsZalo.psd1'
$script:CustomersCsv = Join-Path $script:RepoRoot 'examples/customers.csv'

# The emulator's demo account (printed by the emulator itself; not a real key).
$script:DemoApiKey = 'DEMOAPIKEY0123456789'
$script:DemoSecretKey = 'DEMOSECRETKEY0123456789'
$script:DemoOaId = '4097311281936189049'
$script:ZnsTemplateId = '267247'      # customer_name, service, customer_code, appointment_date
$script:JourneyTemplateId = '267248'  # 2 params
$script:Brandname = 'Baotrixemay'

function Import-EsmsTestModule {
    if (-not (Test-Path $script:ModuleManifest)) {
        throw "The built module is missing: $script:ModuleManifest. Build first: ./build.ps1 (or dotnet build EsmsZalo.sln), then run the tests again."
    }
    Import-Module $script:ModuleManifest -Force -ErrorAction Stop
}

function New-DemoCredential {
    param([string]$ApiKey = $script:DemoApiKey, [string]$SecretKey = $script:DemoSecretKey)
    [pscredential]::new($ApiKey, (ConvertTo-SecureString $SecretKey -AsPlainText -Force))
}

function Find-EmulatorDll {
    $candidates = Get-ChildItem -Path (Join-Path $script:RepoRoot 'src/EsmsZalo.Emulator/bin') -Filter 'EsmsZalo.Emulator.dll' -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.Directory.Name -like 'net*' } |
        Sort-Object LastWriteTimeUtc -Descending
    if (-not $candidates) {
        throw "The emulator is not built (no src/EsmsZalo.Emulator/bin/*/net*/EsmsZalo.Emulator.dll). Build first: ./build.ps1 (or dotnet build EsmsZalo.sln)."
    }
    $candidates[0].FullName
}

# Starts the emulator on a free port (--port 0 lets the OS pick) and waits until it answers.
# Returns an object with Process, BaseUri (the eSMS base address) and Root (for /_emulator/...).
function Start-TestEmulator {
    $dll = Find-EmulatorDll
    $log = [System.IO.Path]::GetTempFileName()
    $err = [System.IO.Path]::GetTempFileName()
    $process = Start-Process -FilePath 'dotnet' -ArgumentList @($dll, '--port', '0', '--no-callbacks') `
        -RedirectStandardOutput $log -RedirectStandardError $err -PassThru -NoNewWindow
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    $base = $null
    while (-not $base) {
        if ($process.HasExited) {
            throw "The emulator exited at once (code $($process.ExitCode)): $(Get-Content $log, $err -Raw -ErrorAction SilentlyContinue)"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -ErrorAction SilentlyContinue
            throw "The emulator did not print its address within 60 s: $(Get-Content $log -Raw -ErrorAction SilentlyContinue)"
        }
        $m = Select-String -Path $log -Pattern 'Base address\s*:\s*(\S+)' -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($m) { $base = $m.Matches[0].Groups[1].Value } else { Start-Sleep -Milliseconds 100 }
    }
    $root = ([Uri]$base).GetLeftPart([UriPartial]::Authority) + '/'
    # It printed its address; make sure it answers before any test sends.
    for ($i = 0; ; $i++) {
        try { $null = Invoke-RestMethod -Uri "${root}_emulator/stats" -TimeoutSec 5; break }
        catch { if ($i -ge 50) { throw "The emulator at $root does not answer: $_" }; Start-Sleep -Milliseconds 100 }
    }
    [pscustomobject]@{ Process = $process; BaseUri = $base; Root = $root; Log = $log; ErrLog = $err }
}

function Stop-TestEmulator {
    param($Emulator)
    if (-not $Emulator) { return }
    if (-not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill()
        $null = $Emulator.Process.WaitForExit(10000)
    }
    Remove-Item $Emulator.Log, $Emulator.ErrLog -ErrorAction SilentlyContinue
}

function Reset-TestEmulator { param($Emulator) $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Root)_emulator/reset" }
function Get-EmulatorStats { param($Emulator) Invoke-RestMethod -Uri "$($Emulator.Root)_emulator/stats" }
# Invoke-RestMethod writes a JSON array as one object; assigning and writing it enumerates it.
function Get-EmulatorMessages { param($Emulator) $all = Invoke-RestMethod -Uri "$($Emulator.Root)_emulator/messages"; $all }
function Set-EmulatorFaults {
    param($Emulator, [hashtable]$Faults)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Root)_emulator/faults" -Body ($Faults | ConvertTo-Json) -ContentType 'application/json'
}

# Tests must not inherit credentials from the machine or from another test file.
function Clear-EsmsAmbientCredential {
    Disconnect-EsmsAccount
    foreach ($name in 'ESMS_API_KEY', 'ESMS_SECRET_KEY', 'ESMS_BASE_URI') {
        [Environment]::SetEnvironmentVariable($name, $null)
    }
}

# The first $Count customers of examples/customers.csv, as Import-Csv gives them.
function Get-Customers { param([int]$Count = 40) Import-Csv $script:CustomersCsv -Encoding utf8 | Select-Object -First $Count }

# Everything a person or a log could see of a run, as one string, for the secrets checks: each
# record and error with all its properties, inner exceptions, error details, target objects, and
# the journal file when one was written.
function ConvertTo-EvidenceText {
    param([object[]]$Records, [object[]]$Errors, [string]$JournalPath)
    $sb = [System.Text.StringBuilder]::new()
    foreach ($r in @($Records) + @($Errors)) {
        if ($null -eq $r) { continue }
        $null = $sb.AppendLine([string]$r)
        $null = $sb.AppendLine(($r | Format-List * -Force | Out-String -Width 4096))
        if ($r -is [System.Management.Automation.ErrorRecord]) {
            $null = $sb.AppendLine($r.Exception.ToString())
            $null = $sb.AppendLine([string]$r.ErrorDetails)
            $null = $sb.AppendLine(($r.ErrorDetails | Format-List * -Force | Out-String -Width 4096))
            $null = $sb.AppendLine(($r.TargetObject | Out-String -Width 4096))
            $e = $r.Exception
            while ($e) { $null = $sb.AppendLine(($e | Format-List * -Force | Out-String -Width 4096)); $e = $e.InnerException }
        }
        elseif ($r -is [System.Management.Automation.InformationalRecord]) {
            $null = $sb.AppendLine($r.Message)
        }
        else {
            $null = $sb.AppendLine(($r | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue))
        }
    }
    if ($JournalPath -and (Test-Path $JournalPath)) { $null = $sb.AppendLine((Get-Content $JournalPath -Raw)) }
    $sb.ToString()
}
