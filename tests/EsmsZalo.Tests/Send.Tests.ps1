#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Sending spreadsheets: Import-Csv rows bound to the Send-* cmdlets, one result per row, re-runs.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-EsmsTestModule
    Clear-EsmsAmbientCredential
    $script:Emulator = Start-TestEmulator
    $script:Cred = New-DemoCredential
    $script:Common = @{ Credential = $script:Cred; BaseUri = $script:Emulator.BaseUri; RetryIntervalSec = 0 }
    $script:Zns = @{ OAID = $DemoOaId; TemplateId = $ZnsTemplateId }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Send-EsmsZnsBulk with Import-Csv rows' {
    BeforeEach { Reset-TestEmulator $Emulator }

    It 'binds Phone and -ParamProperty columns and returns one EsmsZalo.SendResult per row, in input order' {
        $rows = Get-Customers 40
        # Small batches sent in parallel: the results must still come back in input order.
        $results = @($rows | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, Date -BatchSize 7 -ThrottleLimit 4)

        $results.Count | Should -Be 40
        for ($i = 0; $i -lt 40; $i++) {
            $results[$i].PSObject.TypeNames[0] | Should -Be 'EsmsZalo.SendResult'
            $results[$i].Row | Should -Be ($i + 1)
            $results[$i].Phone | Should -Be $rows[$i].Phone
            $results[$i].Status | Should -Be 'Accepted'
            $results[$i].CodeResult | Should -Be '100'
            $results[$i].SmsId | Should -Not -BeNullOrEmpty
            $results[$i].RequestId | Should -Not -BeNullOrEmpty
        }
        ($results.RequestId | Select-Object -Unique).Count | Should -Be 40

        $messages = @(Get-EmulatorMessages $Emulator)
        $messages.Count | Should -Be 40
        (Get-EmulatorStats $Emulator).Requests.Send_zns_bulk_v4_post_json | Should -Be 6   # ceil(40 / 7)
    }

    It 'sends the -ParamProperty values in the order given' {
        $row = Get-Customers 1
        $null = $row | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, Date
        $text = (Get-EmulatorMessages $Emulator | ConvertTo-Json -Depth 10)
        foreach ($value in $row.Name, $row.Service, $row.Code, $row.Date) { $text | Should -BeLike "*$value*" }
    }

    It 'running the same rows again gives Duplicate for every row and sends nothing new' {
        $rows = Get-Customers 5
        $first = @($rows | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, Date)
        $again = @($rows | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, Date)

        $first.Status | Should -Be (@('Accepted') * 5)
        $again.Count | Should -Be 5
        $again.Status | Should -Be (@('Duplicate') * 5)
        $again.CodeResult | Should -Be (@('124') * 5)
        $again.RequestId | Should -Be $first.RequestId
        (Get-EmulatorStats $Emulator).AcceptedCount | Should -Be 5
    }

    It 'binds the phone from a <Column> column' -TestCases @(
        @{ Column = 'SoDienThoai' }, @{ Column = 'SDT' }, @{ Column = 'PhoneNumber' }, @{ Column = 'Mobile' }
    ) {
        param($Column)
        $row = [pscustomobject]@{ $Column = '0912 345 678'; Name = 'Chị A'; Service = 'Gội đầu'; Code = "KH-$Column"; Date = '01/02/2027' }
        $result = $row | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, Date
        $result.Phone | Should -Be '0912345678'
        $result.Status | Should -Be 'Accepted'
    }

    It 'a bad phone is a non-terminating EsmsInvalidPhone error whose TargetObject is the CSV row; the other rows are Accepted' {
        $csv = Join-Path $TestDrive 'bad-phone.csv'
        $rows = @(Get-Customers 4)
        $rows[2].Phone = '12345'
        $rows | Export-Csv $csv -NoTypeInformation -Encoding utf8
        $imported = @(Import-Csv $csv -Encoding utf8)

        $results = @($imported | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, Date -ErrorVariable rowErrors -ErrorAction SilentlyContinue)

        $results.Count | Should -Be 4
        $results.Status | Should -Be @('Accepted', 'Accepted', 'Rejected', 'Accepted')
        $results[2].ErrorId | Should -Be 'EsmsInvalidPhone'
        $rowErrors.Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'EsmsInvalidPhone*'
        $rowErrors[0].TargetObject | Should -Be $imported[2]
        $rowErrors[0].TargetObject.Phone | Should -Be '12345'
        $rowErrors[0].ToString() | Should -BeLike '*12345*'
        (Get-EmulatorStats $Emulator).AcceptedCount | Should -Be 3
    }

    It 'a missing -ParamProperty column rejects the row with EsmsTemplateParamMissing and names the column' {
        $row = Get-Customers 1
        $result = $row | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, NoSuchColumn -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'Rejected'
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'EsmsTemplateParamMissing*'
        $rowErrors[0].ToString() | Should -BeLike '*NoSuchColumn*'
    }

    It 'the results export to CSV with Export-Csv' {
        $csv = Join-Path $TestDrive 'results.csv'
        Get-Customers 3 | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, Date |
            Export-Csv $csv -NoTypeInformation -Encoding utf8
        $back = @(Import-Csv $csv -Encoding utf8)
        $back.Count | Should -Be 3
        $back[0].PSObject.Properties.Name | Should -Contain 'Phone'
        $back[0].PSObject.Properties.Name | Should -Contain 'Status'
        $back[0].PSObject.Properties.Name | Should -Contain 'CodeResult'
        $back[0].PSObject.Properties.Name | Should -Contain 'SmsId'
        $back[0].PSObject.Properties.Name | Should -Contain 'RequestId'
        $back.Status | Should -Be @('Accepted', 'Accepted', 'Accepted')
        $back[0].SmsId | Should -Not -BeNullOrEmpty
    }
}

Describe 'Send-EsmsZns' {
    BeforeEach { Reset-TestEmulator $Emulator }

    It 'maps columns to template keys with -TemplateDataProperty and returns one result per row' {
        $rows = Get-Customers 3 | Select-Object Phone,
            @{ n = 'customer_name'; e = { $_.Name } }, @{ n = 'service'; e = { $_.Service } },
            @{ n = 'customer_code'; e = { $_.Code } }, @{ n = 'appointment_date'; e = { $_.Date } }
        $results = @($rows | Send-EsmsZns @Common @Zns -TemplateDataProperty customer_name, service, customer_code, appointment_date)
        $results.Count | Should -Be 3
        $results.Phone | Should -Be $rows.Phone
        $results.Status | Should -Be @('Accepted', 'Accepted', 'Accepted')
        $results | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'EsmsZalo.SendResult' }
        (Get-EmulatorStats $Emulator).Requests.SendZaloMessage_V5_post | Should -Be 3
    }

    It 'takes -TemplateData as a hashtable for a single message' {
        $data = [ordered]@{ customer_name = 'Chị B'; service = 'Cắt tóc'; customer_code = 'KH900'; appointment_date = '03/03/2027' }
        $result = Send-EsmsZns -Phone '+84 912 000 111' @Common @Zns -TemplateData $data
        $result.Phone | Should -Be '0912000111'
        $result.Status | Should -Be 'Accepted'
    }
}

# The optional per-row parameters (CampaignId, SendDate, CallbackUrl, RequestId, SendingMode, Params,
# TemplateData, SmsType) are read from each row's columns in one pass, not by PowerShell's
# by-property-name binding; these pin the rules a spreadsheet relies on.
Describe 'Per-row columns' {
    BeforeEach { Reset-TestEmulator $Emulator }

    It 'reads CampaignId, SendDate, CallbackUrl, RequestId, SendingMode and Params from each row' {
        $rows = @(
            [pscustomobject]@{ Phone = '0912000001'; CampaignId = 'camp-A'; SendDate = '25/12/2027 09:00'; CallbackUrl = 'http://127.0.0.1:9/cb'; RequestId = 'given-1'; SendingMode = 'Normal'; Params = @('A1', 'B1', 'C1', 'D1') }
            [pscustomobject]@{ Phone = '0912000002'; CampaignId = 'camp-B'; SendDate = '26/12/2027 10:30'; CallbackUrl = 'http://127.0.0.1:9/cb2'; RequestId = 'given-2'; SendingMode = 'Normal'; Params = @('A2', 'B2', 'C2', 'D2') }
        )
        $results = @($rows | Send-EsmsZnsBulk @Common @Zns)
        $results.Status | Should -Be @('Accepted', 'Accepted')
        $results.RequestId | Should -Be @('given-1', 'given-2')
        $sent = @(Get-EmulatorMessages $Emulator | Sort-Object Phone)
        $sent.CampaignId | Should -Be @('camp-A', 'camp-B')
        $sent.SendDate | Should -Be @('2027-12-25 09:00:00', '2027-12-26 10:30:00')
        $sent.CallbackUrl | Should -Be @('http://127.0.0.1:9/cb', 'http://127.0.0.1:9/cb2')
        $sent.RequestId | Should -Be @('given-1', 'given-2')
        $sent[0].Params | Should -Be @('A1', 'B1', 'C1', 'D1')
        $sent[1].Params | Should -Be @('A2', 'B2', 'C2', 'D2')
    }

    It 'reads a column by an alias (Campaign, ScheduleTime), and the parameter''s own name wins over an alias' {
        $rows = @(
            [pscustomobject]@{ Phone = '0912000011'; Campaign = 'by-alias'; ScheduleTime = '25/12/2027 08:00'; Name = 'A'; Service = 'B'; Code = 'C'; Date = 'D' }
            [pscustomobject]@{ Phone = '0912000012'; CampaignName = 'alias-loses'; CampaignId = 'name-wins'; Name = 'A'; Service = 'B'; Code = 'C'; Date = 'D' }
        )
        $results = @($rows | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, Date)
        $results.Status | Should -Be @('Accepted', 'Accepted')
        $sent = @(Get-EmulatorMessages $Emulator | Sort-Object Phone)
        $sent.CampaignId | Should -Be @('by-alias', 'name-wins')
        $sent[0].SendDate | Should -Be '2027-12-25 08:00:00'
    }

    It 'a value given on the command line is used for every row and the column is not read' {
        $rows = @(Get-Customers 3 | Select-Object *, @{ n = 'CampaignId'; e = { "column-$($_.Code)" } })
        $results = @($rows | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, Date -CampaignId 'from-command-line')
        $results.Status | Should -Be (@('Accepted') * 3)
        @(Get-EmulatorMessages $Emulator).CampaignId | Should -Be (@('from-command-line') * 3)
    }

    It 'rows of different shapes in one pipeline each get their own columns, and a missing column means the default' {
        $rows = @(
            [pscustomobject]@{ Phone = '0912000021'; Name = 'A'; Service = 'B'; Code = 'C'; Date = 'D' }
            [pscustomobject]@{ Phone = '0912000022'; Name = 'A'; Service = 'B'; Code = 'C'; Date = 'D'; CampaignId = 'second-only' }
            [pscustomobject]@{ Name = 'A'; Service = 'B'; Code = 'C'; Date = 'D'; SDT = '0912000023' }
        )
        $results = @($rows | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, Date)
        $results.Status | Should -Be (@('Accepted') * 3)
        $sent = @(Get-EmulatorMessages $Emulator | Sort-Object Phone)
        $sent.Phone | Should -Be @('0912000021', '0912000022', '0912000023')
        $sent[0].CampaignId | Should -BeNullOrEmpty
        $sent[1].CampaignId | Should -Be 'second-only'
        $sent[2].CampaignId | Should -BeNullOrEmpty
    }

    It 'Send-EsmsZns reads TemplateData from a property that holds a hashtable' {
        $row = [pscustomobject]@{ Phone = '0912000031'; TemplateData = @{ customer_name = 'Chị C'; service = 'Gội'; customer_code = 'KH31'; appointment_date = '01/01/2028' } }
        $result = $row | Send-EsmsZns @Common @Zns
        $result.Status | Should -Be 'Accepted'
        (Get-EmulatorMessages $Emulator).TempData.customer_code | Should -Be 'KH31'
    }

    It 'a TemplateData cell that is not a table rejects that row with EsmsInvalidColumn, naming the column; the other rows go' {
        $rows = @(
            [pscustomobject]@{ Phone = '0912000041'; TemplateData = @{ customer_name = 'A'; service = 'B'; customer_code = 'C'; appointment_date = 'D' } }
            [pscustomobject]@{ Phone = '0912000042'; TemplateData = 'customer_name=A' }
            [pscustomobject]@{ Phone = '0912000043'; TemplateData = @{ customer_name = 'A'; service = 'B'; customer_code = 'E'; appointment_date = 'D' } }
        )
        $results = @($rows | Send-EsmsZns @Common @Zns -ErrorVariable rowErrors -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 3
        $results.Status | Should -Be @('Accepted', 'Rejected', 'Accepted')
        $results[1].ErrorId | Should -Be 'EsmsInvalidColumn'
        $rowErrors.Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'EsmsInvalidColumn*'
        $rowErrors[0].TargetObject | Should -Be $rows[1]
        $rowErrors[0].ToString() | Should -BeLike '*TemplateData*'
        $rowErrors[0].ToString() | Should -BeLike '*row 2*'
        (Get-EmulatorStats $Emulator).AcceptedCount | Should -Be 2
    }

    It 'a row without a phone column gets a Rejected result and an EsmsInvalidPhone error naming the row; the others go' {
        $rows = @(
            [pscustomobject]@{ Phone = '0912000051'; Name = 'A'; Service = 'B'; Code = 'C'; Date = 'D' }
            [pscustomobject]@{ Name = 'A'; Service = 'B'; Code = 'C'; Date = 'D'; Email = 'a@example.vn' }
            [pscustomobject]@{ Receiver = '0912000053'; Name = 'A'; Service = 'B'; Code = 'C'; Date = 'D' }
        )
        $results = @($rows | Send-EsmsZnsBulk @Common @Zns -ParamProperty Name, Service, Code, Date -ErrorVariable rowErrors -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 3
        $results.Status | Should -Be @('Accepted', 'Rejected', 'Accepted')
        $results[1].ErrorId | Should -Be 'EsmsInvalidPhone'
        $rowErrors.Count | Should -Be 1
        $rowErrors[0].TargetObject | Should -Be $rows[1]
        $rowErrors[0].ToString() | Should -BeLike '*row 2*'
        $rowErrors[0].ToString() | Should -BeLike '*phone column*'
        (Get-EmulatorStats $Emulator).AcceptedCount | Should -Be 2
    }

    It 'Send-EsmsZns with neither -Phone nor pipeline input returns one Rejected result that says to give -Phone' {
        $data = @{ customer_name = 'A'; service = 'B'; customer_code = 'C'; appointment_date = 'D' }
        $result = Send-EsmsZns @Common @Zns -TemplateData $data -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'Rejected'
        $result.ErrorId | Should -Be 'EsmsInvalidPhone'
        $rowErrors[0].ToString() | Should -BeLike '*-Phone*'
        (Get-EmulatorStats $Emulator).TotalRequests | Should -Be 0
    }

    It 'Send-EsmsJourney: a row without an order id is rejected with EsmsMissingOrderId; the others go' {
        $rows = @(
            [pscustomobject]@{ Phone = '0912000061'; MaDonHang = 'DH-61'; Name = 'A'; Code = 'C' }
            [pscustomobject]@{ Phone = '0912000062'; Name = 'A'; Code = 'C' }
        )
        $results = @($rows | Send-EsmsJourney @Common -OAID $DemoOaId -TemplateId $JourneyTemplateId -ParamProperty Name, Code -ErrorAction SilentlyContinue)
        $results.Status | Should -Be @('Accepted', 'Rejected')
        $results[1].ErrorId | Should -Be 'EsmsMissingOrderId'
        @(Get-EmulatorMessages $Emulator).OrderId | Should -Be 'DH-61'
    }

    It 'Send-EsmsSmsMulti reads SmsType from a column and still takes plain numbers' {
        $numbers = @(1..30 | ForEach-Object { '0912{0:D6}' -f (100 + $_) })
        $rows = @($numbers | ForEach-Object { [pscustomobject]@{ Phone = $_; SmsType = 'Advertising' } })
        $results = @($rows | Send-EsmsSmsMulti @Common -Content 'Ưu đãi tháng 12' -Brandname $Brandname)
        $results.Status | Should -Be (@('Accepted') * 30)
        @(Get-EmulatorMessages $Emulator).SmsType | Select-Object -Unique | Should -Be '1'
        Reset-TestEmulator $Emulator
        $plain = @($numbers | Send-EsmsSmsMulti @Common -Content 'Nhắc lịch' -Brandname $Brandname)
        $plain.Status | Should -Be (@('Accepted') * 30)
        @(Get-EmulatorMessages $Emulator).SmsType | Select-Object -Unique | Should -Be '2'
        Reset-TestEmulator $Emulator
        # Numbers from a spreadsheet may arrive as numbers, without the leading 0.
        $numeric = @($numbers | ForEach-Object { [long]$_ } | Send-EsmsSmsMulti @Common -Content 'Nhắc lịch' -Brandname $Brandname)
        $numeric.Phone | Should -Be $numbers
        $numeric.Status | Should -Be (@('Accepted') * 30)
    }
}

Describe 'Send-EsmsJourney' {
    BeforeEach { Reset-TestEmulator $Emulator }

    It 'sends one journey message per row with the order id from a column' {
        $rows = Get-Customers 4 | Select-Object *, @{ n = 'OrderId'; e = { "DH-$($_.Code)" } }
        $results = @($rows | Send-EsmsJourney @Common -OAID $DemoOaId -TemplateId $JourneyTemplateId -ParamProperty Name, Code)
        $results.Count | Should -Be 4
        $results.Phone | Should -Be $rows.Phone
        $results.Status | Should -Be (@('Accepted') * 4)
        (Get-EmulatorStats $Emulator).Requests.SendZaloMessage_V4_post_json | Should -Be 4
    }
}

Describe 'Send-EsmsSmsMulti' {
    BeforeEach { Reset-TestEmulator $Emulator }

    It 'sends 40 numbers in one request, one result per number' {
        $rows = Get-Customers 40
        $results = @($rows | Send-EsmsSmsMulti @Common -Content 'Salon nhắc lịch hẹn & ưu đãi <10%>' -Brandname $Brandname)
        $results.Count | Should -Be 40
        $results.Phone | Should -Be $rows.Phone
        $results.Status | Should -Be (@('Accepted') * 40)
        (Get-EmulatorStats $Emulator).Requests.SendMultipleMessage_V4 | Should -Be 1
    }

    It 'fewer than 30 numbers: every row is rejected with EsmsTooFewNumbers and nothing is sent' {
        $results = @(Get-Customers 5 | Send-EsmsSmsMulti @Common -Content 'Xin chào' -Brandname $Brandname -ErrorVariable rowErrors -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 5
        $results.Status | Should -Be (@('Rejected') * 5)
        $results.ErrorId | Should -Be (@('EsmsTooFewNumbers') * 5)
        $rowErrors.Count | Should -Be 5
        $rowErrors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'EsmsTooFewNumbers*' }
        (Get-EmulatorStats $Emulator).TotalRequests | Should -Be 0
    }

    # With a small -BatchSize the tail must not be split into parts under eSMS's minimum of 30.
    It 'with -BatchSize 30, 40 numbers are still sent (no request may fall under 30)' {
        $results = @(Get-Customers 40 | Send-EsmsSmsMulti @Common -Content 'Xin chào' -Brandname $Brandname -BatchSize 30 -ErrorAction SilentlyContinue)
        $results.Status | Should -Be (@('Accepted') * 40)
    }
}

Describe '-WhatIf' {
    BeforeEach { Reset-TestEmulator $Emulator }

    It '<Name> -WhatIf sends nothing and returns nothing' -TestCases @(
        @{ Name = 'Send-EsmsZnsBulk'; Extra = @{ OAID = '4097311281936189049'; TemplateId = '267247'; ParamProperty = 'Name', 'Service', 'Code', 'Date' } }
        @{ Name = 'Send-EsmsZns'; Extra = @{ OAID = '4097311281936189049'; TemplateId = '267247'; TemplateDataProperty = 'Name' } }
        @{ Name = 'Send-EsmsJourney'; Extra = @{ OAID = '4097311281936189049'; TemplateId = '267248'; OrderId = 'DH1'; ParamProperty = 'Name', 'Code' } }
        @{ Name = 'Send-EsmsSmsMulti'; Extra = @{ Content = 'Xin chào'; Brandname = 'Baotrixemay' } }
    ) {
        param($Name, $Extra)
        $before = Get-EmulatorStats $Emulator
        $out = @(Get-Customers 3 | & $Name @Common @Extra -WhatIf)
        $out.Count | Should -Be 0
        $after = Get-EmulatorStats $Emulator
        $after.TotalRequests | Should -Be $before.TotalRequests
        $after.AcceptedCount | Should -Be 0
        @(Get-EmulatorMessages $Emulator).Count | Should -Be 0
    }

    It 'prints what would be sent, row by row' {
        # What-if text goes straight to the host, so run it in a child pwsh and read its output.
        $pwsh = (Get-Process -Id $PID).Path
        $script = @"
Import-Module '$ModuleManifest'
`$c = [pscredential]::new('$DemoApiKey', (ConvertTo-SecureString '$DemoSecretKey' -AsPlainText -Force))
Import-Csv '$CustomersCsv' -Encoding utf8 | Select-Object -First 3 |
    Send-EsmsZnsBulk -Credential `$c -BaseUri '$($Emulator.BaseUri)' -OAID $DemoOaId -TemplateId $ZnsTemplateId -ParamProperty Name, Service, Code, Date -WhatIf
"@
        $text = (& $pwsh -NoProfile -NonInteractive -Command $script 2>&1 | Out-String)
        $rows = Get-Customers 3
        $whatIfLines = @($text -split "`r?`n" | Where-Object { $_ -like 'What if:*' })
        $whatIfLines.Count | Should -Be 3
        for ($i = 0; $i -lt 3; $i++) {
            $whatIfLines[$i] | Should -BeLike "*$($rows[$i].Phone)*"
            $whatIfLines[$i] | Should -BeLike "*$ZnsTemplateId*"
            $whatIfLines[$i] | Should -BeLike "*$($rows[$i].Name)*"
        }
        $text | Should -Not -BeLike "*$DemoSecretKey*"
        (Get-EmulatorStats $Emulator).TotalRequests | Should -Be 0
    }
}
