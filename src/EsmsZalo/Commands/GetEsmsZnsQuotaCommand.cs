using System.Management.Automation;
using EsmsZalo.Completers;
using EsmsZalo.Core.Read;

namespace EsmsZalo.Commands
{
    /// <summary>Get-EsmsZnsQuota: how many ZNS an OA may still send today (ZNS/GetQuota).</summary>
    [Cmdlet(VerbsCommon.Get, "EsmsZnsQuota")]
    [OutputType(typeof(ZnsQuota))]
    public sealed class GetEsmsZnsQuotaCommand : GetCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OA", "ZaloOAID")]
        [ArgumentCompleter(typeof(OAIDCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] OAID { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            foreach (string raw in OAID)
            {
                if (string.IsNullOrWhiteSpace(raw)) continue;
                string oa = raw.Trim();
                if (TryRun((c, t) => ZnsQuotaQuery.GetAsync(c, oa, t), oa, out var quota)) WriteObject(quota);
            }
        }
    }
}
