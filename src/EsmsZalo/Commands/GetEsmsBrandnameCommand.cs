using System.Management.Automation;
using EsmsZalo.Core.Read;

namespace EsmsZalo.Commands
{
    /// <summary>Get-EsmsBrandname: the SMS brandnames of the account (GetListBrandname).</summary>
    [Cmdlet(VerbsCommon.Get, "EsmsBrandname")]
    [OutputType(typeof(Brandname))]
    public sealed class GetEsmsBrandnameCommand : GetCmdletBase
    {
        protected override void EndProcessing()
        {
            if (!TryRun((c, t) => BrandnameQuery.GetAsync(c, t), null, out var list)) return;
            foreach (var b in list) WriteObject(b);
        }
    }
}
