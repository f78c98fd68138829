using System.Management.Automation;

namespace EsmsZalo.Commands
{
    /// <summary>
    /// The parameters the three ZNS Send-* cmdlets share: the phone (with the column names people
    /// use), the OA and template (tab-completed from the account), and -ValidateTemplate.
    /// </summary>
    public abstract class ZnsSendCmdletBase : SendCmdletBase
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OA", "ZaloOAID")]
        [ArgumentCompleter(typeof(Completers.OAIDCompleter))]
        public string? OAID { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TempID", "Template")]
        [ArgumentCompleter(typeof(Completers.TemplateIdCompleter))]
        public string? TemplateId { get; set; }

        /// <summary>Check each row against the template's parameters (fetched once) before sending; rows that break it are rejected here.</summary>
        [Parameter]
        public SwitchParameter ValidateTemplate { get; set; }
    }
}
