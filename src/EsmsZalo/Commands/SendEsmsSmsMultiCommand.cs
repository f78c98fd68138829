using System.Management.Automation;
using EsmsZalo.Binding;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Commands
{
    /// <summary>Send-EsmsSmsMulti: one SMS content to many numbers, 30 to 5000 a request (SendMultipleMessage_V4, XML).</summary>
    [Cmdlet(VerbsCommunications.Send, "EsmsSmsMulti", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SendResult))]
    public sealed class SendEsmsSmsMultiCommand : SendCmdletBase
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Message", "NoiDung")]
        [AllowEmptyString]
        public string? Content { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sender")]
        public string? Brandname { get; set; }

        /// <summary>CustomerCare (2, default) or Advertising (1); also read from an SmsType column.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SmsTypeCompleter))]
        public string SmsType { get; set; } = "CustomerCare";

        /// <summary>Numbers per request, 30 to 5000.</summary>
        [Parameter]
        [ValidateRange(30, 5000)]
        public int BatchSize { get; set; } = 5000;

        protected override MessageKind Kind => MessageKind.SmsMulti;

        private protected override void RegisterColumns(RowColumns columns, InvocationInfo invocation)
        {
            base.RegisterColumns(columns, invocation);
            columns.Add(invocation, nameof(SmsType), v => SmsType = RowColumns.Text(v) ?? "CustomerCare");
        }
        protected override int? RequestBatchSize => BatchSize;

        protected override MessageRow BuildRow() => new MessageRow
        {
            Phone = Phone ?? PlainNumber(InputObject?.BaseObject), Content = Content, Brandname = Brandname, SmsType = SmsType, CampaignId = CampaignId,
            SendDate = InputValues.Unwrap(SendDate), CallbackUrl = CallbackUrl, RequestId = RequestId, Sandbox = Sandbox.IsPresent,
        };

        /// <summary>A plain string or number piped in is the phone itself (a spreadsheet number column may arrive as a number).</summary>
        private static string? PlainNumber(object? value) => value switch
        {
            string s => s,
            int or long or decimal or double => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };

        protected override string DescribeAction(MessageRow row)
        {
            string content = row.Content ?? "";
            if (content.Length > 60) content = content.Substring(0, 57) + "...";
            return $"Send {row.SmsType} SMS from brandname {row.Brandname}: \"{content}\"{SandboxNote}";
        }
    }
}
