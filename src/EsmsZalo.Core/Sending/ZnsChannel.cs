using System;
using System.Collections.Generic;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Payloads;

namespace EsmsZalo.Core.Sending
{
    /// <summary>SendZaloMessage_V5_post: one ZNS message a request, TempData as [{key,value}].</summary>
    internal sealed class ZnsChannel : ZnsChannelBase
    {
        public ZnsChannel(EsmsClient client, SendOptions options, Action<string> verbose) : base(client, options, verbose) { }

        public override string Path => EsmsPaths.SendZns;
        public override int BatchSize => 1;

        public override SendResult? Prepare(MessageRow row, long index, out PreparedRow? prepared)
        {
            prepared = null;
            if (row.PresetErrorId != null) return RowRules.Reject(row, index, Endpoint, row.PresetErrorId, row.PresetError ?? "the row could not be read.");
            if (!RowRules.TryPhone(row, out var phone, out var error)) return RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidPhone, error);
            if (!TrySettings(row, index, out var settings, out var rejection)) return rejection;

            var raw = row.TemplateData ?? Array.Empty<KeyValuePair<string, object?>>();
            var data = new KeyValuePair<string, string>[raw.Count];
            for (int i = 0; i < raw.Count; i++)
            {
                string key = raw[i].Key;
                if (string.IsNullOrWhiteSpace(key))
                    return RowRules.Reject(row, index, Endpoint, ErrorIds.TemplateParamInvalid, "a TemplateData entry has an empty name. Every entry needs the template parameter's name as its key.", phone);
                if (!ValueText.TryConvert(raw[i].Value, out var text, out var problem))
                    return RowRules.Reject(row, index, Endpoint, ErrorIds.TemplateParamInvalid, $"TemplateData '{key}' {problem}", phone);
                if (string.IsNullOrWhiteSpace(text))
                    return RowRules.Reject(row, index, Endpoint, ErrorIds.TemplateParamEmpty, $"TemplateData '{key}' is empty. Fill it in: eSMS refuses ZNS messages with empty template values.", phone);
                data[i] = new KeyValuePair<string, string>(key, text!);
            }
            if (!RowRules.TryRequestId(row, out error)) return RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidRequestId, error, phone);

            var p = new PreparedRow { Row = index, InputObject = row.InputObject, Phone = phone, TemplateData = data, Zns = settings };
            AssignRequestId(row, p, settings, null, data);
            prepared = p;
            return null;
        }

        protected override void WritePayload(PooledBufferWriter buffer, IReadOnlyList<PreparedRow> rows)
        {
            var r = rows[0];
            ZnsPayload.Write(buffer, Client.Credential, r.Zns!, r.Phone, r.TemplateData!, r.RequestId);
        }
    }
}
