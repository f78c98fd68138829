using System.Management.Automation;
using EsmsZalo.Core.Read;

namespace EsmsZalo.Commands
{
    /// <summary>Get-EsmsZaloOA: the Zalo Official Accounts on the eSMS account (ZNS/GetListZOA).</summary>
    [Cmdlet(VerbsCommon.Get, "EsmsZaloOA")]
    [OutputType(typeof(ZaloOA))]
    public sealed class GetEsmsZaloOACommand : GetCmdletBase
    {
        /// <summary>Only OAs whose name matches (wildcards allowed).</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void EndProcessing()
        {
            if (!TryRun((c, t) => ZaloOAQuery.GetAsync(c, t), null, out var list)) return;
            var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            foreach (var oa in list)
                if (pattern == null || pattern.IsMatch(oa.Name ?? "") || pattern.IsMatch(oa.OAID))
                    WriteObject(oa);
        }
    }
}
