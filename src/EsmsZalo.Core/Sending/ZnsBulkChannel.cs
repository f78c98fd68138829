using System;
using System.Collections.Generic;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Payloads;

namespace EsmsZalo.Core.Sending
{
    /// <summary>Send_zns_bulk_v4_post_json: up to 500 rows a request, a result per row.</summary>
    internal sealed class ZnsBulkChannel : ZnsChannelBase
    {
        private readonly int _batchSize;

        public ZnsBulkChannel(EsmsClient client, SendOptions options, Action<string> verbose) : base(client, options, verbose)
        {
            int size = options.BatchSize ?? ZnsBulkPayload.MaxItems;
            if (size < 1 || size > ZnsBulkPayload.MaxItems)
                throw new ArgumentOutOfRangeException(nameof(options), $"BatchSize {size} is out of range: a ZNS bulk request carries 1 to {ZnsBulkPayload.MaxItems} rows.");
            _batchSize = size;
        }

        public override string Path => EsmsPaths.SendZnsBulk;
        public override int BatchSize => _batchSize;
        protected override bool PerItemAnswers => true;

        public override SendResult? Prepare(MessageRow row, long index, out PreparedRow? prepared)
        {
            prepared = null;
            if (row.PresetErrorId != null) return RowRules.Reject(row, index, Endpoint, row.PresetErrorId, row.PresetError ?? "the row could not be read.");
            if (!RowRules.TryPhone(row, out var phone, out var error)) return RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidPhone, error);
            if (!TrySettings(row, index, out var settings, out var rejection)) return rejection;
            if (!RowRules.TryParams(row, out var values, out var errorId, out error)) return RowRules.Reject(row, index, Endpoint, errorId, error, phone);
            if (!RowRules.TryRequestId(row, out error)) return RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidRequestId, error, phone);

            var p = new PreparedRow { Row = index, InputObject = row.InputObject, Phone = phone, Params = values, Zns = settings };
            AssignRequestId(row, p, settings, values, null);
            prepared = p;
            return null;
        }

        protected override void WritePayload(PooledBufferWriter buffer, IReadOnlyList<PreparedRow> rows)
        {
            // Requests run in parallel, so the item list is per request.
            var items = new BulkItem[rows.Count];
            for (int i = 0; i < rows.Count; i++) items[i] = new BulkItem(rows[i].Phone, rows[i].RequestId, rows[i].Params!);
            ZnsBulkPayload.Write(buffer, Client.Credential, rows[0].Zns!, items);
        }
    }
}
