using System;
using System.Collections.Generic;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Payloads;

namespace EsmsZalo.Core.Sending
{
    /// <summary>SendZaloMessage_V4_post_json with IsJourney: one journey ZNS a request, tied to an OrderId.</summary>
    internal sealed class JourneyChannel : ZnsChannelBase
    {
        public JourneyChannel(EsmsClient client, SendOptions options, Action<string> verbose) : base(client, options, verbose) { }

        public override string Path => EsmsPaths.SendJourney;
        public override int BatchSize => 1;

        public override SendResult? Prepare(MessageRow row, long index, out PreparedRow? prepared)
        {
            prepared = null;
            if (row.PresetErrorId != null) return RowRules.Reject(row, index, Endpoint, row.PresetErrorId, row.PresetError ?? "the row could not be read.");
            if (!RowRules.TryPhone(row, out var phone, out var error)) return RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidPhone, error);
            if (!TrySettings(row, index, out var settings, out var rejection)) return rejection;
            if (string.IsNullOrWhiteSpace(row.OrderId))
                return RowRules.Reject(row, index, Endpoint, ErrorIds.MissingOrderId, "OrderId is empty. A journey message needs the order it belongs to: give -OrderId or an OrderId column.", phone);
            if (!RowRules.TryParams(row, out var values, out var errorId, out error)) return RowRules.Reject(row, index, Endpoint, errorId, error, phone);
            if (!RowRules.TryRequestId(row, out error)) return RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidRequestId, error, phone);

            var p = new PreparedRow { Row = index, InputObject = row.InputObject, Phone = phone, Params = values, OrderId = row.OrderId!.Trim(), Zns = settings };
            AssignRequestId(row, p, settings, values, null);
            prepared = p;
            return null;
        }

        protected override void WritePayload(PooledBufferWriter buffer, IReadOnlyList<PreparedRow> rows)
        {
            var r = rows[0];
            JourneyPayload.Write(buffer, Client.Credential, r.Zns!, r.Phone, r.Params!, r.OrderId!, r.RequestId);
        }
    }
}
