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
        /// <summary>Template values in template order; also read from a Params column.</summary>
        [Parameter]
        [AllowEmptyCollection]
        public object[]? Params { get; set; }

        /// <summary>Input properties, in template order, whose values become Params.</summary>
        [Parameter]
        public string[]? ParamProperty { get; set; }

        /// <summary>Normal (default) or ExceedQuota; also read from a SendingMode column.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SendingModeCompleter))]
        public string? SendingMode { get; set; }

        /// <summary>Rows per request, 1 to 500.</summary>
        [Parameter]
        [ValidateRange(1, 500)]
        public int BatchSize { get; set; } = 500;

        private int[]? _paramSlots;

        protected override MessageKind Kind => MessageKind.ZnsBulk;

        private protected override void RegisterColumns(RowColumns columns, InvocationInfo invocation)
        {
            base.RegisterColumns(columns, invocation);
            if (ParamProperty != null && ParamProperty.Length > 0) _paramSlots = columns.AddProperties(ParamProperty);
            else columns.Add(invocation, nameof(Params), v => Params = RowColumns.List(v));
            columns.Add(invocation, nameof(SendingMode), v => SendingMode = RowColumns.Text(v));
        }

        protected override int? RequestBatchSize => BatchSize;

        protected override MessageRow BuildRow()
        {
            var row = new MessageRow
            {
                Phone = Phone, OAID = OAID, TemplateId = TemplateId, CampaignId = CampaignId, SendDate = InputValues.Unwrap(SendDate),
                CallbackUrl = CallbackUrl, RequestId = RequestId, SendingMode = SendingMode, Sandbox = Sandbox.IsPresent,
            };
            ParamsBinding.Fill(row, Params, ParamProperty, Columns, _paramSlots);
            if (ValidateTemplate) CheckTemplate(row);
            return row;
        }

        protected override string DescribeAction(MessageRow row)
            => $"Send ZNS template {row.TemplateId} from OA {row.OAID} in a bulk request ({Summarize(row.Params)}){SandboxNote}";
    }
}
