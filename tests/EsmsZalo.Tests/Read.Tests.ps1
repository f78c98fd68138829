#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The read side: balance, OAs, templates, quota, message status, brandnames, delivery callbacks,
# -ValidateTemplate on the sends, and the keys kept out of every stream of the Get-* cmdlets.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-EsmsTestModule
    Clear-EsmsAmbientCredential
    $script:Emulator = Start-TestEmulator
    $script:Cred = New-DemoCredential
    $script:Common = @{ Credential = $script:Cred; BaseUri = $script:Emulator.BaseUri }

    # A loopback port nobody listens on right now (the OS picks it, then it is released).
    function Get-FreeLoopbackPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }

}

AfterAll {
    Clear-EsmsAmbientCredential
    Stop-TestEmulator $script:Emulator
}

Describe 'Get-EsmsBalance' {
    BeforeEach { Reset-TestEmulator $Emulator }

    It 'returns one EsmsZalo.AccountBalance with the demo balance' {
        $balance = @(Get-EsmsBalance @Common)
        $balance.Count | Should -Be 1
        $balance[0].PSObject.TypeNames[0] | Should -Be 'EsmsZalo.AccountBalance'
        $balance[0].Balance | Should -Be 1000000000
        $balance[0].UserId | Should -Be '12345'
        $balance[0].CodeResult | Should -Be '100'
    }

    It 'wrong keys stop the command with EsmsAuthenticationFailed' {
        { Get-EsmsBalance -Credential (New-DemoCredential -SecretKey 'WRONG') -BaseUri $Emulator.BaseUri -ErrorAction Stop } |
            Should -Throw -ErrorId 'EsmsAuthenticationFailed*'
    }
}

Describe 'Get-EsmsZaloOA' {
    It 'lists OA 4097311281936189049 "Salon Demo"' {
        $oas = @(Get-EsmsZaloOA @Common)
        $oas | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'EsmsZalo.ZaloOA' }
        $salon = @($oas | Where-Object OAID -eq $DemoOaId)
        $salon.Count | Should -Be 1
        $salon[0].Name | Should -Be 'Salon Demo'
    }

    It '-Name filters with wildcards' {
        $oas = @(Get-EsmsZaloOA @Common -Name 'salon*')
        $oas.Count | Should -Be 1
        $oas[0].OAID | Should -Be $DemoOaId
    }
}

Describe 'Get-EsmsZnsTemplate' {
    It '-OAID lists the templates 267247, 267248 and 267249' {
        $templates = @(Get-EsmsZnsTemplate @Common -OAID $DemoOaId)
        $templates | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'EsmsZalo.ZnsTemplate' }
        $ids = @($templates.TemplateId | Sort-Object)
        $ids | Should -Be @('267247', '267248', '267249')
        ($templates | Where-Object TemplateId -eq '267247').Name | Should -Not -BeNullOrEmpty
    }

    It '-TemplateId 267247 returns its 4 parameters with names and max lengths, in template order' {
        $template = @(Get-EsmsZnsTemplate @Common -OAID $DemoOaId -TemplateId $ZnsTemplateId)
        $template.Count | Should -Be 1
        $template[0].TemplateId | Should -Be '267247'
        $template[0].Detailed | Should -BeTrue
        $template[0].Name | Should -Not -BeNullOrEmpty -Because 'the name is filled in from the OA template list'
        $parameters = @($template[0].Parameters)
        $parameters.Count | Should -Be 4
        $parameters.Name | Should -Be @('customer_name', 'service', 'customer_code', 'appointment_date')
        $parameters.MaxLength | Should -Be @(30, 30, 30, 20)
        $parameters | ForEach-Object { $_.Required | Should -BeTrue }
    }

    It 'an unknown template id is a non-terminating EsmsNotFound error; the other ids are still read' {
        $templates = @(Get-EsmsZnsTemplate @Common -OAID $DemoOaId -TemplateId '999999', $ZnsTemplateId -ErrorVariable readErrors -ErrorAction SilentlyContinue)
        $templates.TemplateId | Should -Be @($ZnsTemplateId)
        $readErrors.Count | Should -Be 1
        $readErrors[0].FullyQualifiedErrorId | Should -BeLike 'EsmsNotFound*'
        $readErrors[0].TargetObject | Should -Be '999999'
    }
}

Describe 'Get-EsmsZnsQuota' {
    BeforeEach { Reset-TestEmulator $Emulator }

    It 'returns the daily and remaining ZNS quota of the OA' {
        $quota = @(Get-EsmsZnsQuota @Common -OAID $DemoOaId)
        $quota.Count | Should -Be 1
        $quota[0].PSObject.TypeNames[0] | Should -Be 'EsmsZalo.ZnsQuota'
        $quota[0].OAID | Should -Be $DemoOaId
        $quota[0].DailyQuota | Should -BeGreaterThan 0
        $quota[0].RemainingQuota | Should -BeGreaterThan 0
        $quota[0].RemainingQuota | Should -BeLessOrEqual $quota[0].DailyQuota
    }

    It 'takes OAIDs from Get-EsmsZaloOA through the pipeline' {
        $quotas = @(Get-EsmsZaloOA @Common -Name 'Salon Demo' | Get-EsmsZnsQuota @Common)
        $quotas.OAID | Should -Be @($DemoOaId)
    }
}

Describe 'Get-EsmsMessageStatus' {
    BeforeEach { Reset-TestEmulator $Emulator }

    It 'Send-EsmsZnsBulk ... | Get-EsmsMessageStatus returns one status per SmsId; a rejected row (no SmsId) is skipped' {
        $rows = @(Get-Customers 4)
        $rows[1].Phone = '12345'
        $sent = @($rows | Send-EsmsZnsBulk @Common -OAID $DemoOaId -TemplateId $ZnsTemplateId -ParamProperty Name, Service, Code, Date -RetryIntervalSec 0 -ErrorAction SilentlyContinue)
        $sent.Status | Should -Be @('Accepted', 'Rejected', 'Accepted', 'Accepted')
        $accepted = @($sent | Where-Object SmsId)
        $accepted.Count | Should -Be 3

        $statuses = @($sent | Get-EsmsMessageStatus @Common -ErrorVariable statusErrors)

        $statusErrors.Count | Should -Be 0
        $statuses.Count | Should -Be 3
        $statuses.SmsId | Should -Be $accepted.SmsId
        foreach ($s in $statuses) {
            $s.PSObject.TypeNames[0] | Should -Be 'EsmsZalo.MessageStatus'
            $s.SendStatus | Should -Not -BeNullOrEmpty
            $s.SendStatusName | Should -Not -BeNullOrEmpty
            $s.TotalReceiver | Should -Be 1
        }
    }

    It '-Detailed returns one row per receiver with the phone' {
        $sent = Get-Customers 1 | Send-EsmsZnsBulk @Common -OAID $DemoOaId -TemplateId $ZnsTemplateId -ParamProperty Name, Service, Code, Date
        $receivers = @($sent | Get-EsmsMessageStatus @Common -Detailed)
        $receivers.Count | Should -Be 1
        $receivers[0].PSObject.TypeNames[0] | Should -Be 'EsmsZalo.ReceiverStatus'
        $receivers[0].SmsId | Should -Be $sent.SmsId
        $receivers[0].Phone | Should -Be $sent.Phone
    }
}

Describe 'Get-EsmsBrandname' {
    It 'lists the demo brandnames' {
        $brands = @(Get-EsmsBrandname @Common)
        $brands | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'EsmsZalo.Brandname' }
        $brands.Name | Should -Contain $Brandname
    }
}

Describe 'ConvertFrom-EsmsCallback' {
    It 'parses a query string with a URL-encoded error_info into ErrorCode -114 and Delivered false' {
        $errorInfo = [Uri]::EscapeDataString('{"error":-114,"message":"User is inactive or has blocked the OA"}')
        $query = "SMSID=a1b2c3&RequestId=req-1&SendStatus=5&SendSuccess=0&SendFailed=1&TypeId=24&telcoid=1&phonenumber=0901888484&error_info=$errorInfo"
        $query | Should -BeLike '*%7B%22error%22%3A-114*' -Because 'the test must give the JSON URL-encoded'

        $callback = @($query | ConvertFrom-EsmsCallback)

        $callback.Count | Should -Be 1
        $callback[0].PSObject.TypeNames[0] | Should -Be 'EsmsZalo.EsmsCallback'
        $callback[0].SmsId | Should -Be 'a1b2c3'
        $callback[0].RequestId | Should -Be 'req-1'
        $callback[0].Phone | Should -Be '0901888484'
        $callback[0].SendStatus | Should -Be 5
        $callback[0].ErrorCode | Should -Be -114
        $callback[0].ErrorMessage | Should -Be 'User is inactive or has blocked the OA'
        $callback[0].ErrorInfo | Should -Be '{"error":-114,"message":"User is inactive or has blocked the OA"}'
        $callback[0].Delivered | Should -BeFalse
        $callback[0].Delivered | Should -Not -BeNullOrEmpty -Because 'a finished report with a failure is false, not unknown'
    }

    It 'reads a whole URL and reports Delivered true when every receiver got it' {
        $callback = ConvertFrom-EsmsCallback 'https://callbacks.example.vn/esms/abc/?SMSID=x9&SendStatus=5&SendSuccess=1&SendFailed=0'
        $callback.SmsId | Should -Be 'x9'
        $callback.Delivered | Should -BeTrue
    }

    It 'text without callback fields is a non-terminating EsmsCallbackUnreadable error' {
        $out = @('hello=world' | ConvertFrom-EsmsCallback -ErrorVariable parseErrors -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 0
        $parseErrors[0].FullyQualifiedErrorId | Should -BeLike 'EsmsCallbackUnreadable*'
    }
}

Describe 'Receive-EsmsCallback' {
    It 'receives a GET made to the prefix and returns it as a callback object' {
        $port = Get-FreeLoopbackPort
        $prefix = "http://127.0.0.1:$port/esms/"
        $url = "${prefix}cb?SMSID=recv-1&RequestId=req-recv&SendStatus=5&SendSuccess=1&SendFailed=0&phonenumber=0912345678&TypeId=24"

        # The GET comes from another runspace, started before the listener: it retries until the
        # listener answers (connection refused until then) and stops at the first answer.
        $sender = [powershell]::Create()
        $null = $sender.AddScript({
                param($Url)
                $deadline = [DateTime]::UtcNow.AddSeconds(10)
                while ($true) {
                    try { return (Invoke-WebRequest -Uri $Url -UseBasicParsing -TimeoutSec 5).StatusCode }
                    catch { if ([DateTime]::UtcNow -gt $deadline) { throw }; Start-Sleep -Milliseconds 100 }
                }
            }).AddArgument($url)
        $handle = $sender.BeginInvoke()
        try {
            $received = @(Receive-EsmsCallback -Prefix $prefix -Count 1 -TimeoutSec 10 -WarningVariable receiveWarnings)
            $statusCodes = @($sender.EndInvoke($handle))
        }
        finally {
            $sender.Dispose()
        }

        $statusCodes | Should -Be @(200)
        $receiveWarnings.Count | Should -Be 0
        $received.Count | Should -Be 1
        $received[0].PSObject.TypeNames[0] | Should -Be 'EsmsZalo.EsmsCallback'
        $received[0].SmsId | Should -Be 'recv-1'
        $received[0].RequestId | Should -Be 'req-recv'
        $received[0].Phone | Should -Be '0912345678'
        $received[0].Delivered | Should -BeTrue
        $received[0].ReceivedAt | Should -Not -BeNullOrEmpty
        $received[0].RemoteAddress | Should -Not -BeNullOrEmpty
    }

    It 'refuses a prefix that is not loopback without -AllowRemote' {
        { Receive-EsmsCallback -Prefix 'http://+:18080/esms/' -Count 1 -TimeoutSec 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'EsmsCallbackPrefixRefused*'
    }
}

Describe '-ValidateTemplate' {
    BeforeEach { Reset-TestEmulator $Emulator }

    It 'Send-EsmsZnsBulk rejects a row whose service is over 30 characters with EsmsTemplateParam*; only the valid rows reach the emulator' {
        $rows = @(Get-Customers 3)
        $rows[1].Service = 'Gội đầu, cắt tóc, nhuộm và hấp dầu phục hồi'   # 43 characters; template 267247 allows 30
        $rows[1].Service.Length | Should -BeGreaterThan 30

        $results = @($rows | Send-EsmsZnsBulk @Common -OAID $DemoOaId -TemplateId $ZnsTemplateId -ParamProperty Name, Service, Code, Date `
                -ValidateTemplate -RetryIntervalSec 0 -ErrorVariable rowErrors -ErrorAction SilentlyContinue)

        $results.Count | Should -Be 3
        $results.Status | Should -Be @('Accepted', 'Rejected', 'Accepted')
        $results[1].ErrorId | Should -BeLike 'EsmsTemplateParam*'
        $rowErrors.Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'EsmsTemplateParam*'
        $rowErrors[0].TargetObject | Should -Be $rows[1]
        $rowErrors[0].ToString() | Should -BeLike '*service*'

        $messages = @(Get-EmulatorMessages $Emulator)
        $messages.Count | Should -Be 2
        (Get-EmulatorStats $Emulator).AcceptedCount | Should -Be 2
        ($messages | ConvertTo-Json -Depth 10) | Should -Not -BeLike "*$($rows[1].Code)*"
    }

    It 'without -ValidateTemplate the same row is sent (the check is opt-in)' {
        $rows = @(Get-Customers 1)
        $rows[0].Service = 'x' * 31
        # The emulator, like eSMS, takes the request: without the switch nothing stops the row here.
        $result = $rows | Send-EsmsZnsBulk @Common -OAID $DemoOaId -TemplateId $ZnsTemplateId -ParamProperty Name, Service, Code, Date -RetryIntervalSec 0 -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'Accepted'
        (Get-EmulatorStats $Emulator).AcceptedCount | Should -Be 1
    }
}

Describe 'Secrets stay secret on the read side' {
    BeforeEach { Reset-TestEmulator $Emulator }
    AfterEach { Clear-EsmsAmbientCredential }

    It '<Name> -Verbose -Debug writes neither key to any stream or $Error (<Case>)' -TestCases @(
        @{ Name = 'Get-EsmsBalance'; Extra = @{}; Case = 'answered' }
        @{ Name = 'Get-EsmsZnsTemplate'; Extra = @{ OAID = '4097311281936189049' }; Case = 'answered' }
        @{ Name = 'Get-EsmsZnsTemplate'; Extra = @{ OAID = '4097311281936189049'; TemplateId = '267247', '999999' }; Case = 'answered' }
        @{ Name = 'Get-EsmsBrandname'; Extra = @{}; Case = 'answered' }
        # Every request fails: the error records must not carry the keys either (GetZnsTemplateInfo
        # is a GET with the keys in its query string).
        @{ Name = 'Get-EsmsBalance'; Extra = @{}; Case = 'faults'; Faults = @{ HtmlErrorRate = 1 } }
        @{ Name = 'Get-EsmsZnsTemplate'; Extra = @{ OAID = '4097311281936189049'; TemplateId = '267247' }; Case = 'faults'; Faults = @{ Http5xxRate = 1 } }
        @{ Name = 'Get-EsmsZnsTemplate'; Extra = @{ OAID = '4097311281936189049'; TemplateId = '267247' }; Case = 'faults'; Faults = @{ DropConnectionRate = 1 } }
        @{ Name = 'Get-EsmsBrandname'; Extra = @{}; Case = 'faults'; Faults = @{ InvalidRequestRate = 1 } }
    ) {
        param($Name, $Extra, $Case, $Faults)
        if ($Faults) { Set-EmulatorFaults $Emulator $Faults }
        $Error.Clear()
        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
        try {
            $records = @(& $Name -Credential (New-DemoCredential) -BaseUri $Emulator.BaseUri -TimeoutSec 10 @Extra -Verbose -Debug -ErrorAction Continue *>&1)
        }
        finally {
            $DebugPreference = 'SilentlyContinue'
            $VerbosePreference = 'SilentlyContinue'
        }
        $errors = @($Error)

        # The run really happened and said things: otherwise the test proves nothing.
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        (Get-EmulatorStats $Emulator).TotalRequests | Should -BeGreaterThan 0
        $objects = @($records | Where-Object { $_.PSObject.TypeNames[0] -like 'EsmsZalo.*' })
        if ($Case -eq 'faults') {
            $objects.Count | Should -Be 0
            $errors.Count | Should -BeGreaterThan 0
        }
        else {
            $objects.Count | Should -BeGreaterThan 0
        }

        $text = ConvertTo-EvidenceText -Records $records -Errors $errors
        $text | Should -Not -BeNullOrEmpty
        $text.Contains($DemoApiKey) | Should -BeFalse -Because 'the ApiKey must never be printed or logged'
        $text.Contains($DemoSecretKey) | Should -BeFalse -Because 'the SecretKey must never be printed or logged'
    }

    It 'wrong keys: the terminating error of <Name> carries neither key' -TestCases @(
        @{ Name = 'Get-EsmsBalance'; Extra = @{} }
        @{ Name = 'Get-EsmsZnsTemplate'; Extra = @{ OAID = '4097311281936189049'; TemplateId = '267247' } }
        @{ Name = 'Get-EsmsBrandname'; Extra = @{} }
    ) {
        param($Name, $Extra)
        $Error.Clear()
        $wrong = New-DemoCredential -ApiKey $DemoApiKey -SecretKey 'WRONGSECRET'
        $records = @(& { try { & $Name -Credential $wrong -BaseUri $Emulator.BaseUri @Extra -Verbose -Debug } catch { $_ } } *>&1)
        $failure = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $failure.Count | Should -BeGreaterThan 0
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'EsmsAuthenticationFailed*'
        $text = ConvertTo-EvidenceText -Records $records -Errors @($Error)
        $text.Contains($DemoApiKey) | Should -BeFalse
        $text.Contains('WRONGSECRET') | Should -BeFalse
    }
}
