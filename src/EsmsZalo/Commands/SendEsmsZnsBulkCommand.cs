using System.Management.Automation;
using EsmsZalo.Binding;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Commands
{
    /// <summary>Send-EsmsZnsBulk: up to 500 rows per request (Send_zns_bulk_v4_post_json), one result per row.</summary>
    [Cmdlet(VerbsCommunications.Send, "EsmsZnsBulk", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SendResult))]
    public sealed class SendEsmsZnsBulkCommand : ZnsSendCmdletBase
    {
        /// <summary>Template values in template order.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyCollection]
        public object[]? Params { get; set; }

        /// <summary>Input properties, in template order, whose values become Params.</summary>
        [Parameter]
        public string[]? ParamProperty { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SendingModeCompleter))]
        public string? SendingMode { get; set; }

        /// <summary>Rows per request, 1 to 500.</summary>
        [Parameter]
        [ValidateRange(1, 500)]
        public int BatchSize { get; set; } = 500;

        protected override MessageKind Kind => MessageKind.ZnsBulk;
        protected override int? RequestBatchSize => BatchSize;

        protected override MessageRow BuildRow()
        {
            var row = new MessageRow
            {
                Phone = Phone, OAID = OAID, TemplateId = TemplateId, CampaignId = CampaignId, SendDate = InputValues.Unwrap(SendDate),
                CallbackUrl = CallbackUrl, RequestId = RequestId, SendingMode = SendingMode, Sandbox = Sandbox.IsPresent,
            };
            ParamsBinding.Fill(row, Params, ParamProperty, InputObject);
            if (ValidateTemplate) CheckTemplate(row);
            return row;
        }

        protected override string DescribeAction(MessageRow row)
            => $"Send ZNS template {row.TemplateId} from OA {row.OAID} in a bulk request ({Summarize(row.Params)}){SandboxNote}";
    }
}
