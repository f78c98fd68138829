using System.Management.Automation;
using EsmsZalo.Core.Read;

namespace EsmsZalo.Commands
{
    /// <summary>Get-EsmsBalance: the account's balance (GetBalance_json).</summary>
    [Cmdlet(VerbsCommon.Get, "EsmsBalance")]
    [OutputType(typeof(AccountBalance))]
    public sealed class GetEsmsBalanceCommand : GetCmdletBase
    {
        protected override void EndProcessing()
        {
            if (TryRun((c, t) => BalanceQuery.GetAsync(c, t), null, out var balance)) WriteObject(balance);
        }
    }
}
