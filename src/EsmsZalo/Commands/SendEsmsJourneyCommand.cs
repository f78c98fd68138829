using System.Management.Automation;
using EsmsZalo.Binding;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Commands
{
    /// <summary>Send-EsmsJourney: one journey ZNS per row, tied to an order (SendZaloMessage_V4_post_json, IsJourney).</summary>
    [Cmdlet(VerbsCommunications.Send, "EsmsJourney", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SendResult))]
    public sealed class SendEsmsJourneyCommand : ZnsSendCmdletBase
    {
        /// <summary>The order (journey) this message belongs to; also read from an OrderId/OrderCode/MaDonHang column. A row without one is rejected (EsmsMissingOrderId).</summary>
        [Parameter]
        [Alias("OrderCode", "MaDonHang")]
        [AllowEmptyString, AllowNull]
        public string? OrderId { get; set; }

        /// <summary>Template values in template order; also read from a Params column.</summary>
        [Parameter]
        [AllowEmptyCollection]
        public object[]? Params { get; set; }

        [Parameter]
        public string[]? ParamProperty { get; set; }

        private int[]? _paramSlots;

        protected override MessageKind Kind => MessageKind.Journey;

        private protected override void RegisterColumns(RowColumns columns, InvocationInfo invocation)
        {
            base.RegisterColumns(columns, invocation);
            columns.Add(invocation, nameof(OrderId), v => OrderId = RowColumns.Text(v));
            if (ParamProperty != null && ParamProperty.Length > 0) _paramSlots = columns.AddProperties(ParamProperty);
            else columns.Add(invocation, nameof(Params), v => Params = RowColumns.List(v));
        }

        protected override MessageRow BuildRow()
        {
            var row = new MessageRow
            {
                Phone = Phone, OAID = OAID, TemplateId = TemplateId, OrderId = OrderId, CampaignId = CampaignId,
                SendDate = InputValues.Unwrap(SendDate), CallbackUrl = CallbackUrl, RequestId = RequestId, Sandbox = Sandbox.IsPresent,
            };
            ParamsBinding.Fill(row, Params, ParamProperty, Columns, _paramSlots);
            if (ValidateTemplate) CheckTemplate(row);
            return row;
        }

        protected override string DescribeAction(MessageRow row)
            => $"Send journey ZNS template {row.TemplateId} from OA {row.OAID} for order {row.OrderId} ({Summarize(row.Params)}){SandboxNote}";
    }
}
