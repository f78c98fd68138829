@{
    RootModule           = 'EsmsZalo.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0b8c4e-2f6a-4f0e-9a57-3d1f7e2c9a41'
    Author               = 'EsmsZalo'
    CompanyName          = 'EsmsZalo'
    Copyright            = '(c) EsmsZalo. All rights reserved.'
    Description          = 'Send Zalo ZNS and SMS through eSMS.vn from PowerShell: pipe spreadsheets into bulk sends, one result per row, safe re-runs.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('EsmsZalo.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-EsmsAccount'
        'ConvertFrom-EsmsCallback'
        'Disconnect-EsmsAccount'
        'Get-EsmsBalance'
        'Get-EsmsBrandname'
        'Get-EsmsMessageStatus'
        'Get-EsmsZaloOA'
        'Get-EsmsZnsQuota'
        'Get-EsmsZnsTemplate'
        'Receive-EsmsCallback'
        'Send-EsmsJourney'
        'Send-EsmsSmsMulti'
        'Send-EsmsZns'
        'Send-EsmsZnsBulk'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('eSMS', 'Zalo', 'ZNS', 'SMS', 'Vietnam', 'PSEdition_Desktop', 'PSEdition_Core')
            ProjectUri   = ''
            ReleaseNotes = 'First release: Send-EsmsZns, Send-EsmsZnsBulk, Send-EsmsJourney, Send-EsmsSmsMulti, Connect/Disconnect-EsmsAccount.'
        }
    }
}
