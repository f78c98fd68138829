#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The ApiKey and SecretKey must never show up in any stream, error record or journal, even with
# -Verbose -Debug, retries, rejected rows and malformed answers.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-EsmsTestModule
    Clear-EsmsAmbientCredential
    $script:Emulator = Start-TestEmulator
}

AfterAll {
    Clear-EsmsAmbientCredential
    Stop-TestEmulator $script:Emulator
}

Describe 'Secrets stay secret' {
    BeforeEach { Reset-TestEmulator $Emulator }
    AfterEach { Clear-EsmsAmbientCredential }

    It '<Name> -Verbose -Debug writes neither key to any stream, $Error or the journal' -TestCases @(
        @{ Name = 'Send-EsmsZnsBulk'; Extra = @{ OAID = '4097311281936189049'; TemplateId = '267247'; ParamProperty = 'Name', 'Service', 'Code', 'Date'; BatchSize = 10 } }
        @{ Name = 'Send-EsmsZns'; Extra = @{ OAID = '4097311281936189049'; TemplateId = '267247'; TemplateData = @{ customer_name = 'A'; service = 'B'; customer_code = 'C'; appointment_date = 'D' } } }
        @{ Name = 'Send-EsmsJourney'; Extra = @{ OAID = '4097311281936189049'; TemplateId = '267248'; OrderId = 'DH1'; ParamProperty = 'Name', 'Code' } }
        # One request only: keep to faults that are retried, so the run is sure to get through.
        @{ Name = 'Send-EsmsSmsMulti'; Extra = @{ Content = 'Xin chào'; Brandname = 'Baotrixemay' }; Faults = @{ Http5xxRate = 0.3 } }
    ) {
        param($Name, $Extra, $Faults)
        # Retries, 429s and malformed answers make the module say more; none of it may carry a key.
        if (-not $Faults) { $Faults = @{ Http5xxRate = 0.25; Http429Rate = 0.1; HtmlErrorRate = 0.1; InvalidRequestRate = 0.1 } }
        Set-EmulatorFaults $Emulator $Faults
        $journal = Join-Path $TestDrive "$Name.jsonl"
        $rows = @(Get-Customers 40)
        $rows[3].Phone = 'not-a-phone'   # a rejected row: its error record must not carry the keys either
        $Error.Clear()
        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
        try {
            $records = @($rows | & $Name -Credential (New-DemoCredential) -BaseUri $Emulator.BaseUri -MaximumRetryCount 8 -RetryIntervalSec 0 `
                    -JournalPath $journal @Extra -Verbose -Debug -ErrorAction Continue *>&1)
        }
        finally {
            $DebugPreference = 'SilentlyContinue'
            $VerbosePreference = 'SilentlyContinue'
        }
        $errors = @($Error)

        # The run really happened and said things: otherwise the test proves nothing.
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        @($records | Where-Object { $_.PSObject.TypeNames[0] -eq 'EsmsZalo.SendResult' }).Count | Should -Be 40
        $errors.Count | Should -BeGreaterThan 0
        $sent = @($records | Where-Object { $_.Status -in 'Accepted', 'Duplicate' })
        $sent.Count | Should -BeGreaterThan 0 -Because 'with retries some rows get through the faults'
        (Get-Item $journal).Length | Should -BeGreaterThan 0
        (Get-EmulatorStats $Emulator).TotalRequests | Should -BeGreaterThan 0

        $text = ConvertTo-EvidenceText -Records $records -Errors $errors -JournalPath $journal
        $text | Should -Not -BeNullOrEmpty
        $text.Contains($DemoApiKey) | Should -BeFalse -Because 'the ApiKey must never be printed, logged or journaled'
        $text.Contains($DemoSecretKey) | Should -BeFalse -Because 'the SecretKey must never be printed, logged or journaled'
    }

    It 'Connect-EsmsAccount -Verbose -Debug, right and wrong key, writes neither key' {
        $Error.Clear()
        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
        try {
            $records = @(Connect-EsmsAccount -Credential (New-DemoCredential) -BaseUri $Emulator.BaseUri -Verbose -Debug *>&1)
            $records += @(& { try { Connect-EsmsAccount -Credential (New-DemoCredential -ApiKey $DemoApiKey -SecretKey 'WRONG') -BaseUri $Emulator.BaseUri -Verbose -Debug } catch { $_ } } *>&1)
        }
        finally {
            $DebugPreference = 'SilentlyContinue'
            $VerbosePreference = 'SilentlyContinue'
        }
        $text = ConvertTo-EvidenceText -Records $records -Errors @($Error)
        $records.Count | Should -BeGreaterThan 1
        $text.Contains($DemoApiKey) | Should -BeFalse
        $text.Contains($DemoSecretKey) | Should -BeFalse
    }
}
