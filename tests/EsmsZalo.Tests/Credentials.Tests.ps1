#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Where the key pair comes from (-Credential, Connect-EsmsAccount, environment) and where it may go.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-EsmsTestModule
    Clear-EsmsAmbientCredential
    $script:Emulator = Start-TestEmulator
    $script:Zns = @{ OAID = $DemoOaId; TemplateId = $ZnsTemplateId; ParamProperty = 'Name', 'Service', 'Code', 'Date' }
}

AfterAll {
    Clear-EsmsAmbientCredential
    Stop-TestEmulator $script:Emulator
}

Describe 'Credentials' {
    BeforeEach {
        Reset-TestEmulator $Emulator
        Clear-EsmsAmbientCredential
    }
    AfterEach { Clear-EsmsAmbientCredential }

    It 'with no credential anywhere, stops with an error that names the three ways to give one' {
        $err = $null
        try {
            Get-Customers 1 | Send-EsmsZnsBulk -BaseUri $Emulator.BaseUri @Zns
        }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty -Because 'a missing credential must be a terminating error'
        $err.FullyQualifiedErrorId | Should -BeLike 'EsmsNoCredential*'
        $message = $err.ToString()
        $message | Should -BeLike '*-Credential*'
        $message | Should -BeLike '*Connect-EsmsAccount*'
        $message | Should -BeLike '*ESMS_API_KEY*'
        $message | Should -BeLike '*ESMS_SECRET_KEY*'
        (Get-EmulatorStats $Emulator).TotalRequests | Should -Be 0
    }

    It 'every Send-* stops without a credential: <Name>' -TestCases @(
        @{ Name = 'Send-EsmsZns'; Extra = @{ OAID = '1'; TemplateId = '1' } }
        @{ Name = 'Send-EsmsZnsBulk'; Extra = @{ OAID = '1'; TemplateId = '1' } }
        @{ Name = 'Send-EsmsJourney'; Extra = @{ OAID = '1'; TemplateId = '1'; OrderId = '1' } }
        @{ Name = 'Send-EsmsSmsMulti'; Extra = @{ Content = 'x'; Brandname = 'x' } }
    ) {
        param($Name, $Extra)
        { & $Name -Phone 0912345678 -BaseUri $Emulator.BaseUri @Extra } | Should -Throw -ErrorId 'EsmsNoCredential*'
    }

    It 'uses ESMS_API_KEY and ESMS_SECRET_KEY from the environment' {
        $env:ESMS_API_KEY = $DemoApiKey
        $env:ESMS_SECRET_KEY = $DemoSecretKey
        $result = Get-Customers 1 | Send-EsmsZnsBulk -BaseUri $Emulator.BaseUri @Zns
        $result.Status | Should -Be 'Accepted'
    }

    It 'uses ESMS_BASE_URI from the environment too' {
        $env:ESMS_API_KEY = $DemoApiKey
        $env:ESMS_SECRET_KEY = $DemoSecretKey
        $env:ESMS_BASE_URI = $Emulator.BaseUri
        $result = Get-Customers 1 | Send-EsmsZnsBulk @Zns
        $result.Status | Should -Be 'Accepted'
    }

    It 'an explicit -Credential wins over the environment' {
        $env:ESMS_API_KEY = 'WRONGKEY'
        $env:ESMS_SECRET_KEY = 'WRONGSECRET'
        $result = Get-Customers 1 | Send-EsmsZnsBulk -Credential (New-DemoCredential) -BaseUri $Emulator.BaseUri @Zns
        $result.Status | Should -Be 'Accepted'
    }

    It 'a wrong key pair at eSMS rejects the rows with EsmsAuthenticationFailed (101), not a crash' {
        $bad = New-DemoCredential -ApiKey 'WRONGKEY' -SecretKey 'WRONGSECRET'
        $results = @(Get-Customers 2 | Send-EsmsZnsBulk -Credential $bad -BaseUri $Emulator.BaseUri @Zns -ErrorVariable rowErrors -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 2
        $results.Status | Should -Be @('Rejected', 'Rejected')
        $results.CodeResult | Should -Be @('101', '101')
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'EsmsAuthenticationFailed*'
    }
}

Describe 'Connect-EsmsAccount and Disconnect-EsmsAccount' {
    BeforeEach {
        Reset-TestEmulator $Emulator
        Clear-EsmsAmbientCredential
    }
    AfterEach { Clear-EsmsAmbientCredential }

    It 'a wrong key stops with EsmsAuthenticationFailed and leaves the session unchanged' {
        $bad = New-DemoCredential -ApiKey 'WRONGKEY' -SecretKey 'WRONGSECRET'
        { Connect-EsmsAccount -Credential $bad -BaseUri $Emulator.BaseUri } | Should -Throw -ErrorId 'EsmsAuthenticationFailed*'
        { Get-Customers 1 | Send-EsmsZnsBulk -BaseUri $Emulator.BaseUri @Zns } | Should -Throw -ErrorId 'EsmsNoCredential*'
    }

    It 'with the right key, returns the balance and later calls need no -Credential (nor -BaseUri)' {
        $balance = Connect-EsmsAccount -Credential (New-DemoCredential) -BaseUri $Emulator.BaseUri
        $balance.PSObject.TypeNames[0] | Should -Be 'EsmsZalo.AccountBalance'
        $balance.Balance | Should -BeGreaterThan 0

        $results = @(Get-Customers 3 | Send-EsmsZnsBulk @Zns)
        $results.Status | Should -Be @('Accepted', 'Accepted', 'Accepted')
        (Get-EmulatorStats $Emulator).AcceptedCount | Should -Be 3
    }

    It 'Disconnect-EsmsAccount forgets the key pair' {
        $null = Connect-EsmsAccount -Credential (New-DemoCredential) -BaseUri $Emulator.BaseUri
        Disconnect-EsmsAccount
        { Get-Customers 1 | Send-EsmsZnsBulk -BaseUri $Emulator.BaseUri @Zns } | Should -Throw -ErrorId 'EsmsNoCredential*'
    }

    It 'a wrong Connect after a good one keeps the good session' {
        $null = Connect-EsmsAccount -Credential (New-DemoCredential) -BaseUri $Emulator.BaseUri
        $bad = New-DemoCredential -ApiKey 'WRONGKEY' -SecretKey 'WRONGSECRET'
        { Connect-EsmsAccount -Credential $bad -BaseUri $Emulator.BaseUri } | Should -Throw -ErrorId 'EsmsAuthenticationFailed*'
        (Get-Customers 1 | Send-EsmsZnsBulk @Zns).Status | Should -Be 'Accepted'
    }
}

Describe 'Base address' {
    BeforeEach { Clear-EsmsAmbientCredential }

    It 'refuses plain http to a host that is not this machine: <Uri>' -TestCases @(
        @{ Uri = 'http://rest.esms.vn/MainService.svc/json/' }
        @{ Uri = 'http://192.0.2.10:8080/MainService.svc/json/' }
    ) {
        param($Uri)
        $err = $null
        try { Send-EsmsZns -Phone 0912345678 -OAID 1 -TemplateId 1 -Credential (New-DemoCredential) -BaseUri $Uri }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'EsmsInvalidBaseUri*'
        $err.ToString() | Should -BeLike '*https*'
        { Connect-EsmsAccount -Credential (New-DemoCredential) -BaseUri $Uri } | Should -Throw
    }

    It 'allows plain http to loopback (the emulator)' {
        Reset-TestEmulator $Emulator
        $data = @{ customer_name = 'A'; service = 'B'; customer_code = 'C'; appointment_date = 'D' }
        $result = Send-EsmsZns -Phone 0912345678 -OAID $DemoOaId -TemplateId $ZnsTemplateId -TemplateData $data -Credential (New-DemoCredential) -BaseUri $Emulator.BaseUri
        $result.Status | Should -Be 'Accepted'
    }
}
