#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Measures the Send-* cmdlets in PowerShell against the loops an admin writes by hand.
.DESCRIPTION
    The console benchmark (dotnet run -c Release --project tests/EsmsZalo.Benchmarks) measures
    the core without PowerShell. This script measures what a user runs: a CSV piped through
    Import-Csv into the cmdlets, against the emulator on 127.0.0.1, side by side with
    Import-Csv | Measure-Object (what the pipeline itself allows) and with the issue's
    hand-written Invoke-RestMethod loops (per row, and chunked by 500 one request at a time).

    Needs pwsh 7 and a build (dotnet build -c Release EsmsZalo.sln stages out/EsmsZalo). It
    starts its own emulator on a free loopback port and stops it at the end. Every case runs
    after a warm-up, -Repeat times, with the emulator reset before each run (so every RequestId
    is new); the median is printed. Nothing here is a test: it measures and reports.
.EXAMPLE
    pwsh tests/EsmsZalo.Benchmarks/Measure-Cmdlets.ps1
.EXAMPLE
    pwsh tests/EsmsZalo.Benchmarks/Measure-Cmdlets.ps1 -Rows 20000 -Repeat 1 -Markdown
.EXAMPLE
    pwsh tests/EsmsZalo.Benchmarks/Measure-Cmdlets.ps1 -Write
    Also writes the figures into BENCHMARKS.md, between the Measure-Cmdlets.ps1 markers (the
    console benchmark keeps that section when it rewrites the file).
#>
[CmdletBinding()]
param(
    [int]$Rows = 100000,
    [int]$Repeat = 3,
    [string]$Module,
    [switch]$Markdown,
    [switch]$Write
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $Module) { $Module = Join-Path $root 'out/EsmsZalo/EsmsZalo.psd1' }
if (-not (Test-Path $Module)) { throw "No built module at $Module. Run: dotnet build -c Release EsmsZalo.sln" }
Import-Module $Module -Force

# The Pester tests' helpers start, reset and stop the emulator (its most recent build) and know its demo account.
. (Join-Path $root 'tests/EsmsZalo.Tests/TestSupport.ps1')
$apiKey = $DemoApiKey; $secretKey = $DemoSecretKey; $oa = $DemoOaId; $template = $ZnsTemplateId
$cred = New-DemoCredential

# ---- emulator -----------------------------------------------------------------------------------
$work = Join-Path ([IO.Path]::GetTempPath()) "esms-bench-$PID"
$emulator = $null
try {
    $emulator = Start-TestEmulator
    $base = $emulator.BaseUri
    # The cmdlet cases send their results to Out-Null (as cheap as the pipeline allows) and are
    # checked afterwards against the emulator's own count of accepted messages.
    function Get-Accepted { (Get-EmulatorStats $emulator).AcceptedCount }
    function Reset-Emulator([int]$LatencyMs) {
        Reset-TestEmulator $emulator
        Set-EmulatorFaults $emulator @{ LatencyMs = $LatencyMs }
    }

    # ---- input: an admin's CSV ----------------------------------------------------------------------
    $null = New-Item -ItemType Directory -Path $work -Force
    $names = 'Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hoàng Nam', 'Phạm Thu Hà', 'Võ Minh Tuấn', 'Đặng Ngọc Lan'
    $services = 'Cắt tóc nam', 'Gội đầu dưỡng sinh', 'Nhuộm tóc', 'Uốn tóc', 'Chăm sóc da mặt'
    # One file per size, so no Select-Object -First sits in the measured pipelines.
    function Get-Csv([int]$Count) {
        $path = Join-Path $work "customers-$Count.csv"
        if (-not (Test-Path $path)) {
            $writer = [IO.StreamWriter]::new($path, $false, [Text.UTF8Encoding]::new($false))
            $writer.WriteLine('Phone,customer_name,service,customer_code,appointment_date')
            for ($i = 0; $i -lt $Count; $i++) {
                $writer.WriteLine(('09{0:D8},{1},{2},KH{3:D7},25/12/2026 09:{4:D2}' -f (10000000 + $i), $names[$i % 6], $services[$i % 5], $i, ($i % 60)))
            }
            $writer.Dispose()
        }
        $path
    }

    # ---- the cases ---------------------------------------------------------------------------------
    $bulkUrl = $base + 'Send_zns_bulk_v4_post_json/'
    $singleUrl = $base + 'SendZaloMessage_V5_post/'
    $columns = 'customer_name', 'service', 'customer_code', 'appointment_date'
    $common = @{ Credential = $cred; BaseUri = $base; OAID = $oa; TemplateId = $template; ProgressAction = 'SilentlyContinue' }

    # The issue's hand-chunked loop: 500 rows per request, one request at a time.
    $handChunked = {
        param($Path)
        $all = @(Import-Csv $Path)
        $ok = 0
        for ($s = 0; $s -lt $all.Count; $s += 500) {
            $chunk = $all[$s..([Math]::Min($s + 499, $all.Count - 1))]
            $data = foreach ($r in $chunk) { @{ Phone = $r.Phone; RequestId = "hc-$($r.customer_code)"; Params = @($r.customer_name, $r.service, $r.customer_code, $r.appointment_date) } }
            $body = @{ ApiKey = $apiKey; SecretKey = $secretKey; OAID = $oa; TempID = $template; campaignid = ''; Sandbox = '0'; CallbackUrl = ''; Data = @($data) } | ConvertTo-Json -Depth 4 -Compress
            $answer = Invoke-RestMethod -Method Post -Uri $bulkUrl -Body ([Text.Encoding]::UTF8.GetBytes($body)) -ContentType 'application/json; charset=utf-8'
            $ok += @($answer.detail | Where-Object { $_.CodeResult -eq '100' }).Count
        }
        $ok
    }
    # The issue's per-row loop: one V5 request per row.
    $perRow = {
        param($Path)
        $ok = 0
        foreach ($r in (Import-Csv $Path)) {
            $body = @{ ApiKey = $apiKey; SecretKey = $secretKey; OAID = $oa; TempID = $template; Phone = $r.Phone; RequestId = "pr-$($r.customer_code)"; Sandbox = '0'; campaignid = ''; CallbackUrl = ''; SendingMode = '1'
                TempData = @(@{ key = 'customer_name'; value = $r.customer_name }, @{ key = 'service'; value = $r.service }, @{ key = 'customer_code'; value = $r.customer_code }, @{ key = 'appointment_date'; value = $r.appointment_date }) } | ConvertTo-Json -Depth 4 -Compress
            $answer = Invoke-RestMethod -Method Post -Uri $singleUrl -Body ([Text.Encoding]::UTF8.GetBytes($body)) -ContentType 'application/json; charset=utf-8'
            if ($answer.CodeResult -eq '100') { $ok++ }
        }
        $ok
    }
    $cases = @(
        @{ Name = 'Import-Csv | Measure-Object'; Latency = 0; Count = $Rows; Run = { param($p) (Import-Csv $p | Measure-Object).Count } }
        @{ Name = 'Import-Csv | Send-EsmsZnsBulk'; Latency = 0; Count = $Rows; Run = { param($p) Import-Csv $p | Send-EsmsZnsBulk @common -ParamProperty $columns | Out-Null; Get-Accepted } }
        @{ Name = 'Hand-chunked Invoke-RestMethod loop'; Latency = 0; Count = [Math]::Min($Rows, 50000); Run = $handChunked }
        @{ Name = 'Import-Csv | Send-EsmsZnsBulk'; Latency = 50; Count = $Rows; Run = { param($p) Import-Csv $p | Send-EsmsZnsBulk @common -ParamProperty $columns | Out-Null; Get-Accepted } }
        @{ Name = 'Import-Csv | Send-EsmsZnsBulk -ThrottleLimit 8'; Latency = 50; Count = $Rows; Run = { param($p) Import-Csv $p | Send-EsmsZnsBulk @common -ThrottleLimit 8 -ParamProperty $columns | Out-Null; Get-Accepted } }
        @{ Name = 'Hand-chunked Invoke-RestMethod loop'; Latency = 50; Count = [Math]::Min($Rows, 20000); Run = $handChunked }
        @{ Name = 'Import-Csv | Send-EsmsZns -ThrottleLimit 16'; Latency = 50; Count = [Math]::Min($Rows, 2000); Run = { param($p) Import-Csv $p | Send-EsmsZns @common -ThrottleLimit 16 -TemplateDataProperty $columns | Out-Null; Get-Accepted } }
        @{ Name = 'Per-row Invoke-RestMethod loop'; Latency = 50; Count = [Math]::Min($Rows, 100); Run = $perRow }
    )

    $results = foreach ($case in $cases) {
        Reset-Emulator $case.Latency
        $null = & $case.Run (Get-Csv ([Math]::Min($case.Count, 1000)))   # warm-up: JIT, connections, emulator
        $csv = Get-Csv $case.Count
        $rates = for ($r = 0; $r -lt $Repeat; $r++) {
            Reset-Emulator $case.Latency
            [GC]::Collect()
            $done = 0
            $t = Measure-Command { $done = & $case.Run $csv }
            if ($done -ne $case.Count) { Write-Warning "$($case.Name): $done of $($case.Count) rows done" }
            $case.Count / $t.TotalSeconds
        }
        $sorted = @($rates | Sort-Object)
        [pscustomobject]@{ Case = $case.Name; LatencyMs = $case.Latency; Rows = $case.Count; RowsPerSecond = [Math]::Round($sorted[[int][Math]::Floor($sorted.Count / 2)]) }
    }
}
finally {
    Stop-TestEmulator $emulator
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

function Get-Rate([string]$Case, [int]$Latency) { ($results | Where-Object { $_.Case -eq $Case -and $_.LatencyMs -eq $Latency }).RowsPerSecond }
$load = if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg) -split ' ')[0..2] -join ' / ' } else { 'n/a' }
$header = "pwsh $($PSVersionTable.PSVersion), $([Environment]::ProcessorCount) logical cores, $([Runtime.InteropServices.RuntimeInformation]::OSDescription); $Rows rows, median of $Repeat; load average after: $load"
$bulk0 = Get-Rate 'Import-Csv | Send-EsmsZnsBulk' 0
$ratios = @(
    '- `Import-Csv | Send-EsmsZnsBulk` at 0 ms: {0:P0} of `Import-Csv | Measure-Object` (what the pipeline itself allows), {1:N1}x the hand-chunked `Invoke-RestMethod` loop.' -f ($bulk0 / (Get-Rate 'Import-Csv | Measure-Object' 0)), ($bulk0 / (Get-Rate 'Hand-chunked Invoke-RestMethod loop' 0))
    '- At 50 ms: `Send-EsmsZnsBulk` {0:N1}x the hand-chunked loop ({1:N1}x with `-ThrottleLimit 8`); `Send-EsmsZns -ThrottleLimit 16` {2:N1}x the per-row loop.' -f ((Get-Rate 'Import-Csv | Send-EsmsZnsBulk' 50) / (Get-Rate 'Hand-chunked Invoke-RestMethod loop' 50)), ((Get-Rate 'Import-Csv | Send-EsmsZnsBulk -ThrottleLimit 8' 50) / (Get-Rate 'Hand-chunked Invoke-RestMethod loop' 50)), ((Get-Rate 'Import-Csv | Send-EsmsZns -ThrottleLimit 16' 50) / (Get-Rate 'Per-row Invoke-RestMethod loop' 50))
)
$table = @('| Case | Latency | Rows | Rows/s |', '|---|---:|---:|---:|') + @(foreach ($r in $results) { '| {0} | {1} ms | {2:N0} | {3:N0} |' -f ($r.Case -replace '\|', '\|'), $r.LatencyMs, $r.Rows, $r.RowsPerSecond })

$header
if ($Markdown -or $Write) { $table } else { $results | Format-Table -AutoSize | Out-String -Width 200 }
$ratios

if ($Write) {
    $begin = '<!-- BEGIN Measure-Cmdlets.ps1 -->'; $end = '<!-- END Measure-Cmdlets.ps1 -->'
    $section = @(
        $begin
        '## In PowerShell: the cmdlets'
        ''
        'The figures above measure the core without PowerShell. These measure what a user runs: a CSV file piped through `Import-Csv` into the cmdlets, in pwsh, against the emulator on 127.0.0.1 (its own process, sharing the 2 cores), beside `Import-Csv | Measure-Object` and the hand-written `Invoke-RestMethod` loops the issue describes (per row; chunked by 500, one request at a time).'
        ''
        '```'
        "pwsh tests/EsmsZalo.Benchmarks/Measure-Cmdlets.ps1 -Rows $Rows -Repeat $Repeat -Write"
        '```'
        ''
        "- $header, $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd')) UTC"
        ''
        $table
        ''
        $ratios
        ''
        'The cmdlets run on the pipeline thread: Import-Csv, binding, reading the row (one pass over its properties), the row checks and the SHA-256 RequestId, and writing every result; the requests run beside it on other threads. Where the network is fast (0 ms) or wide (50 ms with more than 4 in flight), that one thread, with the garbage collection its rows cause, sets the pace, and the emulator takes the second core.'
        $end
    ) -join [Environment]::NewLine
    $path = Join-Path $root 'BENCHMARKS.md'
    $text = if (Test-Path $path) { Get-Content $path -Raw } else { '' }
    $i = $text.IndexOf($begin); $j = $text.IndexOf($end)
    $text = if ($i -ge 0 -and $j -gt $i) { $text.Substring(0, $i) + $section + $text.Substring($j + $end.Length) } else { $text.TrimEnd() + [Environment]::NewLine + [Environment]::NewLine + $section + [Environment]::NewLine }
    [IO.File]::WriteAllText($path, $text)
    "Wrote $path"
}
