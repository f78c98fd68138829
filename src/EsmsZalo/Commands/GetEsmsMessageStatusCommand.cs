using System.Management.Automation;
using EsmsZalo.Core.Read;

namespace EsmsZalo.Commands
{
    /// <summary>
    /// Get-EsmsMessageStatus: where a sent message stands (GetSendStatus), or with -Detailed one row
    /// per receiver (GetSmsReceiverStatus_get). Takes SmsId by property name, so the results of the
    /// Send-* cmdlets pipe straight in; results without an SmsId (rejected rows) are skipped.
    /// eSMS keeps status for 7 days.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsmsMessageStatus")]
    [OutputType(typeof(MessageStatus))]
    [OutputType(typeof(ReceiverStatus))]
    public sealed class GetEsmsMessageStatusCommand : GetCmdletBase
    {
        // By property name only: by value, PowerShell would turn a result without SmsId into its ToString() text.
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("RefId", "MessageId")]
        [AllowNull, AllowEmptyString]
        public string? SmsId { get; set; }

        /// <summary>One row per receiver instead of the message's totals.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        /// <summary>Bound from a send result so a skipped row can be named.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        [AllowNull, AllowEmptyString]
        public string? Phone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        [AllowNull, AllowEmptyString]
        public string? Status { get; set; }

        protected override void ProcessRecord()
        {
            if (string.IsNullOrWhiteSpace(SmsId))
            {
                string who = string.IsNullOrEmpty(Phone) ? "An input object" : $"The result for {Phone}";
                string status = string.IsNullOrEmpty(Status) ? "" : $" (status {Status})";
                WriteVerbose($"{who}{status} has no SmsId and was skipped: eSMS gives an SmsId only to messages it accepted.");
                return;
            }
            string id = SmsId!.Trim();
            if (Detailed)
            {
                if (TryRun((c, t) => MessageStatusQuery.GetReceiversAsync(c, id, t), id, out var receivers))
                    foreach (var r in receivers) WriteObject(r);
                return;
            }
            if (TryRun((c, t) => MessageStatusQuery.GetAsync(c, id, t), id, out var s)) WriteObject(s);
        }
    }
}
