#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Every exported cmdlet has real help (en-US/EsmsZalo.dll-Help.xml), not the generated stub.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $manifest = Import-PowerShellDataFile (Join-Path $RepoRoot 'EsmsZalo.psd1')
    $cmdletCases = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-EsmsTestModule
    $script:CommonNames = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'Help for <Name>' -ForEach $cmdletCases {
    BeforeAll {
        $script:Command = Get-Command $Name -Module EsmsZalo -ErrorAction Stop
        $script:Help = Get-Help $Name -Full
    }

    It 'is exported by the module' {
        $Command.CommandType | Should -Be 'Cmdlet'
    }

    It 'has a synopsis of its own (not the generated syntax)' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis.Trim() | Should -Not -BeLike "$Name *"
        $Help.Synopsis.Trim() | Should -Not -Be $Name
    }

    It 'has a description' {
        ($Help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code and remarks' {
        $examples = @($Help.Examples.Example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($e in $examples) {
            $e.Code | Should -Not -BeNullOrEmpty
            ($e.Remarks | Out-String).Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'describes every parameter' {
        $documented = @{}
        foreach ($p in @($Help.Parameters.Parameter | Where-Object { $_ })) { $documented[$p.Name] = ($p.Description | Out-String).Trim() }
        # Disconnect-EsmsAccount has none of its own; the loop is then empty.
        $parameters = @($Command.Parameters.Keys | Where-Object { $_ -notin $CommonNames })
        foreach ($name in $parameters) {
            $documented.ContainsKey($name) | Should -BeTrue -Because "-$name of $Name needs help"
            $documented[$name] | Should -Not -BeNullOrEmpty -Because "-$name of $Name needs a description"
        }
    }

    It 'documents only parameters that exist' {
        foreach ($p in @($Help.Parameters.Parameter | Where-Object { $_ })) {
            $Command.Parameters.Keys | Should -Contain $p.Name
        }
    }

    It 'names its output' {
        ($Help.ReturnValues | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }
}
