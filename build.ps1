#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds EsmsZalo, runs its tests, or runs the demo against the local eSMS emulator.
.DESCRIPTION
    Build: dotnet build EsmsZalo.sln, which also stages an importable module in out/EsmsZalo/.
    Test:  Build, then the xunit tests (dotnet test), then the Pester tests in tests/EsmsZalo.Tests
           in a child pwsh (so the binary module never locks files in this session). Fails when any
           test fails. Without Pester 5 the Pester tests are skipped with a warning.
    Demo:  Build, start the emulator on a free 127.0.0.1 port, pipe examples/customers.csv through
           every Send-* cmdlet, show the results, re-run one to show Duplicate, stop the emulator.
.EXAMPLE
    ./build.ps1 -Task Test
.EXAMPLE
    ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo')]
    [string]$Task = 'Build',
    [string]$Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
# The pwsh running this script runs the child processes too.
$pwsh = (Get-Process -Id $PID).Path

function Invoke-Native {
    param([string]$What, [scriptblock]$Action)
    Write-Host "==> $What" -ForegroundColor Cyan
    & $Action
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Invoke-Build {
    Invoke-Native "dotnet build EsmsZalo.sln -c $Configuration" { dotnet build (Join-Path $root 'EsmsZalo.sln') -c $Configuration }
    if (-not (Test-Path (Join-Path $root 'out/EsmsZalo/EsmsZalo.psd1'))) { throw 'The build did not stage out/EsmsZalo/EsmsZalo.psd1.' }
    Write-Host "Module staged in $(Join-Path $root 'out/EsmsZalo')" -ForegroundColor Green
}

function Invoke-Test {
    Invoke-Build
    Invoke-Native 'dotnet test (xunit)' { dotnet test (Join-Path $root 'EsmsZalo.sln') -c $Configuration --no-build }

    $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -ge ([version]'5.0') | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning ('Pester 5 is not installed, so the Pester tests in tests/EsmsZalo.Tests were NOT run. ' +
            'Install it with: Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser -SkipPublisherCheck')
        return
    }
    $testPath = Join-Path $root 'tests/EsmsZalo.Tests'
    $childScript = @"
`$ErrorActionPreference = 'Stop'
Import-Module Pester -RequiredVersion $($pester.Version)
`$c = New-PesterConfiguration
`$c.Run.Path = '$($testPath -replace "'", "''")'
`$c.Run.Exit = `$true
`$c.Output.Verbosity = 'Detailed'
Invoke-Pester -Configuration `$c
"@
    Invoke-Native "Pester $($pester.Version): tests/EsmsZalo.Tests (child pwsh)" { & $pwsh -NoProfile -NonInteractive -Command $childScript }
    Write-Host 'All tests passed.' -ForegroundColor Green
}

function Invoke-Demo {
    Invoke-Build
    # In a child pwsh: the demo loads the module, and a loaded binary module would lock
    # out/EsmsZalo/*.dll in this session (Windows) until it ends.
    $demo = {
        $ErrorActionPreference = 'Stop'
        . (Join-Path $RepoRoot 'tests/EsmsZalo.Tests/TestSupport.ps1')   # Start-TestEmulator and the demo account
        Import-EsmsTestModule
        $emulator = Start-TestEmulator
        try {
            function Show([string]$Title) { Write-Host "`n### $Title" -ForegroundColor Cyan }
            Write-Host "eSMS emulator at $($emulator.BaseUri)"

            Show 'Connect-EsmsAccount (the demo key pair; later commands need no -Credential)'
            Connect-EsmsAccount -Credential (New-DemoCredential) -BaseUri $emulator.BaseUri | Format-Table | Out-Host

            Show 'Send-EsmsZnsBulk: all 40 rows of customers.csv, template 267247, -ParamProperty Name, Service, Code, Date'
            $bulk = { Import-Csv $CustomersCsv -Encoding utf8 | Send-EsmsZnsBulk -OAID $DemoOaId -TemplateId $ZnsTemplateId -ParamProperty Name, Service, Code, Date }
            & $bulk | Format-Table | Out-Host

            Show 'Send-EsmsZns: first 10 rows, columns mapped to the template''s variable names with -TemplateDataProperty'
            Import-Csv $CustomersCsv -Encoding utf8 | Select-Object -First 10 |
                Select-Object Phone, @{ n = 'customer_name'; e = { $_.Name } }, @{ n = 'service'; e = { $_.Service } },
                    @{ n = 'customer_code'; e = { $_.Code } }, @{ n = 'appointment_date'; e = { $_.Date } } |
                Send-EsmsZns -OAID $DemoOaId -TemplateId $ZnsTemplateId -TemplateDataProperty customer_name, service, customer_code, appointment_date |
                Format-Table | Out-Host

            Show 'Send-EsmsJourney: first 10 rows, journey template 267248, order id built from Code'
            Import-Csv $CustomersCsv -Encoding utf8 | Select-Object -First 10 |
                Send-EsmsJourney -OAID $DemoOaId -TemplateId $JourneyTemplateId -OrderId { 'DH-' + $_.Code } -ParamProperty Name, Code |
                Format-Table | Out-Host

            Show 'Send-EsmsSmsMulti: one SMS to all 40 numbers (one request; eSMS needs at least 30)'
            Import-Csv $CustomersCsv -Encoding utf8 |
                Send-EsmsSmsMulti -Brandname $Brandname -Content 'Salon Demo: nhac lich hen cua quy khach. Tu choi nhan tin: TC gui 8xxx' |
                Format-Table | Out-Host

            Show 'Send-EsmsZnsBulk again with the same file: eSMS answers 124, every row is Duplicate, nothing is sent twice'
            $again = @(& $bulk)
            $again | Format-Table | Out-Host
            $again | Group-Object Status -NoElement | Format-Table Name, Count | Out-Host

            Show 'What the emulator accepted'
            $stats = Get-EmulatorStats $emulator
            [pscustomobject]@{ Requests = $stats.TotalRequests; MessagesAccepted = $stats.AcceptedCount } | Format-Table | Out-Host
            $stats.Requests | Format-List | Out-Host
        }
        finally {
            Disconnect-EsmsAccount
            Stop-TestEmulator $emulator
            Write-Host 'Emulator stopped.'
        }
    }
    $childScript = "`$RepoRoot = '$($root -replace "'", "''")'`n" + $demo.ToString()
    Invoke-Native 'Demo (child pwsh)' { & $pwsh -NoProfile -NonInteractive -Command $childScript }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
}
