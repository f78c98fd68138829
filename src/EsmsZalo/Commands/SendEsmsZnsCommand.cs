using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using EsmsZalo.Binding;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Commands
{
    /// <summary>Send-EsmsZns: one ZNS message per row (SendZaloMessage_V5_post), template values as TempData.</summary>
    [Cmdlet(VerbsCommunications.Send, "EsmsZns", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SendResult))]
    public sealed class SendEsmsZnsCommand : ZnsSendCmdletBase
    {
        /// <summary>Template values by name: @{ customer_name = 'Chị A'; service = 'Gội đầu' }; also read from a TemplateData property.</summary>
        [Parameter]
        [Alias("TempData")]
        public IDictionary? TemplateData { get; set; }

        /// <summary>Input properties that become TempData entries (name = key), in this order.</summary>
        [Parameter]
        public string[]? TemplateDataProperty { get; set; }

        /// <summary>Normal (default) or ExceedQuota (whitelisted OAs only); also read from a SendingMode column.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SendingModeCompleter))]
        public string? SendingMode { get; set; }

        protected override MessageKind Kind => MessageKind.Zns;

        private protected override void RegisterColumns(RowColumns columns, InvocationInfo invocation)
        {
            base.RegisterColumns(columns, invocation);
            columns.Add(invocation, nameof(TemplateData), v => TemplateData = RowColumns.Table(v));
            columns.Add(invocation, nameof(SendingMode), v => SendingMode = RowColumns.Text(v));
            if (TemplateDataProperty != null && TemplateDataProperty.Length > 0) _dataSlots = columns.AddProperties(TemplateDataProperty);
        }

        private int[]? _dataSlots;

        protected override MessageRow BuildRow()
        {
            var row = new MessageRow
            {
                Phone = Phone, OAID = OAID, TemplateId = TemplateId, CampaignId = CampaignId, SendDate = InputValues.Unwrap(SendDate),
                CallbackUrl = CallbackUrl, RequestId = RequestId, SendingMode = SendingMode, Sandbox = Sandbox.IsPresent,
            };
            var data = new List<KeyValuePair<string, object?>>();
            if (TemplateData != null)
                foreach (DictionaryEntry e in TemplateData)
                    data.Add(new KeyValuePair<string, object?>(e.Key?.ToString() ?? "", InputValues.Unwrap(e.Value)));
            if (TemplateDataProperty != null && _dataSlots != null)
            {
                var values = new object?[TemplateDataProperty.Length];
                int missing = Columns.ReadProperties(_dataSlots, values);
                int found = missing >= 0 ? missing : values.Length;
                for (int i = 0; i < found; i++)
                    data.Add(new KeyValuePair<string, object?>(TemplateDataProperty[i], values[i]));
                if (missing >= 0)
                {
                    row.PresetErrorId = ErrorIds.TemplateParamMissing;
                    row.PresetError = $"the input has no property '{TemplateDataProperty[missing]}' named in -TemplateDataProperty. Check the CSV header (names must match), or fill TemplateData another way.";
                }
            }
            row.TemplateData = data;
            if (ValidateTemplate) CheckTemplate(row);
            return row;
        }

        protected override string DescribeAction(MessageRow row)
        {
            var values = new List<object?>();
            foreach (var kv in row.TemplateData!) values.Add($"{kv.Key}={kv.Value}");
            return $"Send ZNS template {row.TemplateId} from OA {row.OAID} ({Summarize(values)}){SandboxNote}";
        }
    }
}
