using System.Management.Automation;
using EsmsZalo.Binding;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Commands
{
    /// <summary>Send-EsmsJourney: one journey ZNS per row, tied to an order (SendZaloMessage_V4_post_json, IsJourney).</summary>
    [Cmdlet(VerbsCommunications.Send, "EsmsJourney", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SendResult))]
    public sealed class SendEsmsJourneyCommand : SendCmdletBase
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, Position = 0)]
        [Alias(PhoneAliases.A1, PhoneAliases.A2, PhoneAliases.A3, PhoneAliases.A4, PhoneAliases.A5, PhoneAliases.A6, PhoneAliases.A7, PhoneAliases.A8,
               PhoneAliases.A9, PhoneAliases.A10, PhoneAliases.A11, PhoneAliases.A12, PhoneAliases.A13, PhoneAliases.A14, PhoneAliases.A15)]
        [AllowEmptyString, AllowNull]
        public string? Phone { get; set; }

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

        /// <summary>The order (journey) this message belongs to.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrderCode", "MaDonHang")]
        [AllowEmptyString, AllowNull]
        public string? OrderId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyCollection]
        public object[]? Params { get; set; }

        [Parameter]
        public string[]? ParamProperty { get; set; }

        protected override MessageKind Kind => MessageKind.Journey;

        protected override MessageRow BuildRow()
        {
            var row = new MessageRow
            {
                Phone = Phone, OAID = OAID, TemplateId = TemplateId, OrderId = OrderId, CampaignId = CampaignId,
                SendDate = InputValues.Unwrap(SendDate), CallbackUrl = CallbackUrl, RequestId = RequestId, Sandbox = Sandbox.IsPresent,
            };
            ParamsBinding.Fill(row, Params, ParamProperty, InputObject);
            if (ValidateTemplate) CheckTemplate(row);
            return row;
        }

        protected override string DescribeAction(MessageRow row)
            => $"Send journey ZNS template {row.TemplateId} from OA {row.OAID} for order {row.OrderId} ({Summarize(row.Params)}){SandboxNote}";
    }
}
