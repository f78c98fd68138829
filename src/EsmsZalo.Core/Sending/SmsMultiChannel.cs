using System;
using System.Collections.Generic;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Idempotency;
using EsmsZalo.Core.Payloads;
using EsmsZalo.Core.Phones;

namespace EsmsZalo.Core.Sending
{
    /// <summary>
    /// SendMultipleMessage_V4: one content to 30..5000 numbers a request, XML body, one RequestId a
    /// request. Numbers repeated in a run are sent once. Requests are cut so that none falls under
    /// 30 numbers: rows are held until 5000 + 30 are waiting, and what is left at the end is split
    /// evenly (5,020 numbers go as 2 x 2,510, not 5,000 + 20).
    /// </summary>
    internal sealed class SmsMultiChannel : SendChannel
    {
        /// <summary>Three concatenated segments, the telcos' limit for brandname SMS.</summary>
        internal const int CustomerCareMaxLength = 459;
        internal const int AdvertisingMaxLength = 422;

        private readonly int _batchSize;
        private readonly Dictionary<SmsSettings, SmsSettings> _interned = new Dictionary<SmsSettings, SmsSettings>(SettingsComparer.Instance);
        private readonly Dictionary<SmsSettings, Dictionary<string, long>> _phonesSeen = new Dictionary<SmsSettings, Dictionary<string, long>>();
        private readonly Dictionary<SmsSettings, string> _explicitRequestIds = new Dictionary<SmsSettings, string>();
        private readonly Dictionary<SmsSettings, int> _requestsCut = new Dictionary<SmsSettings, int>();
        private MessageRow? _lastRaw;
        private SmsSettings? _lastSettings;

        public SmsMultiChannel(EsmsClient client, SendOptions options, Action<string> verbose) : base(client, options, verbose)
        {
            int size = options.BatchSize ?? SmsMultiXmlPayload.MaxNumbers;
            if (size < SmsMultiXmlPayload.MinNumbers || size > SmsMultiXmlPayload.MaxNumbers)
                throw new ArgumentOutOfRangeException(nameof(options), $"BatchSize {size} is out of range: an SMS request carries {SmsMultiXmlPayload.MinNumbers} to {SmsMultiXmlPayload.MaxNumbers} numbers.");
            _batchSize = size;
        }

        public override string Path => EsmsPaths.SendSmsMulti;
        protected override string MediaType => "text/plain";
        public override int BatchSize => _batchSize;

        public override SendResult? Prepare(MessageRow row, long index, out PreparedRow? prepared)
        {
            prepared = null;
            if (row.PresetErrorId != null) return RowRules.Reject(row, index, Endpoint, row.PresetErrorId, row.PresetError ?? "the row could not be read.");
            if (!RowRules.TryPhone(row, out var phone, out var error)) return RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidPhone, error);
            if (!TrySettings(row, index, phone, out var settings, out var rejection)) return rejection;

            prepared = new PreparedRow
            {
                Row = index,
                InputObject = row.InputObject,
                Phone = phone,
                Sms = settings,
                RequestId = "",
                JournalKey = RequestIdGenerator.Derive(new[] { Endpoint, settings.Brandname, settings.SmsType, settings.Content, settings.SendDate, settings.CampaignId, phone }),
            };
            return null;
        }

        private bool TrySettings(MessageRow row, long index, string phone, out SmsSettings settings, out SendResult? rejection)
        {
            rejection = null;
            if (_lastRaw != null && _lastSettings != null && SameRaw(_lastRaw, row))
            {
                settings = _lastSettings;
                return true;
            }
            settings = null!;

            string content = row.Content ?? "";
            if (string.IsNullOrWhiteSpace(content))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.ContentEmpty, "the SMS content is empty. Give -Content or a Content column.", phone);
                return false;
            }
            if (SmsMultiXmlPayload.HasCharacterXmlCannotCarry(content, out int at))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.ContentInvalidCharacter, $"the SMS content holds a control character (U+{(int)content[at]:X4}) at position {at + 1} that cannot be sent. Remove it.", phone);
                return false;
            }
            string? type = row.SmsType?.Trim();
            string smsType;
            if (string.IsNullOrEmpty(type) || type == "2" || type!.Equals("CustomerCare", StringComparison.OrdinalIgnoreCase)) smsType = "2";
            else if (type == "1" || type.Equals("Advertising", StringComparison.OrdinalIgnoreCase)) smsType = "1";
            else
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidSmsType, $"SmsType '{PhoneNumber.Shorten(type)}' is not known. Use CustomerCare (2) or Advertising (1).", phone);
                return false;
            }
            int max = Options.MaxSmsContentLength ?? (smsType == "1" ? AdvertisingMaxLength : CustomerCareMaxLength);
            if (content.Length > max)
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.ContentTooLong, $"the SMS content is {content.Length:N0} characters long; at most {max} fit in the three segments telcos carry. Shorten it.", phone);
                return false;
            }
            if (string.IsNullOrWhiteSpace(row.Brandname))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.MissingBrandname, "Brandname is empty. Give -Brandname with a brandname registered on the account.", phone);
                return false;
            }
            if (!RowRules.TryCampaign(row.CampaignId, out var error))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidCampaignId, error, phone);
                return false;
            }
            if (!RowRules.TrySendDate(row.SendDate, Options.Now(), out var sendDate, out error))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidSendDate, error, phone);
                return false;
            }
            if (!RowRules.TryCallbackUrl(row.CallbackUrl, out error))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidCallbackUrl, error, phone);
                return false;
            }
            if (!RowRules.TryRequestId(row, out error) || (row.RequestId?.Length > RequestIdGenerator.MaxLength - 5))
            {
                if (error.Length == 0) error = $"RequestId '{row.RequestId}' is too long for SMS: the module adds '-N' per request, so it may be at most {RequestIdGenerator.MaxLength - 5} characters.";
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidRequestId, error, phone);
                return false;
            }

            var fresh = new SmsSettings
            {
                Content = content,
                SmsType = smsType,
                Brandname = row.Brandname!.Trim(),
                SendDate = sendDate.Length == 0 ? null : sendDate,
                CallbackUrl = string.IsNullOrWhiteSpace(row.CallbackUrl) ? null : row.CallbackUrl!.Trim(),
                CampaignId = string.IsNullOrEmpty(row.CampaignId) ? null : row.CampaignId,
                Sandbox = row.Sandbox,
            };
            if (_interned.TryGetValue(fresh, out var existing)) fresh = existing;
            else _interned[fresh] = fresh;
            if (!string.IsNullOrEmpty(row.RequestId) && !_explicitRequestIds.ContainsKey(fresh)) _explicitRequestIds[fresh] = row.RequestId!;
            _lastRaw = row;
            _lastSettings = fresh;
            settings = fresh;
            return true;
        }

        private static bool SameRaw(MessageRow a, MessageRow b)
            => a.Content == b.Content && a.SmsType == b.SmsType && a.Brandname == b.Brandname && a.CallbackUrl == b.CallbackUrl
               && a.CampaignId == b.CampaignId && a.Sandbox == b.Sandbox && a.RequestId == b.RequestId && Equals(a.SendDate, b.SendDate);

        public override SendResult? CheckRepeat(PreparedRow row)
        {
            if (!_phonesSeen.TryGetValue(row.Sms!, out var seen)) _phonesSeen[row.Sms!] = seen = new Dictionary<string, long>(StringComparer.Ordinal);
            if (!seen.TryGetValue(row.Phone, out long first))
            {
                seen[row.Phone] = row.Row;
                return null;
            }
            return new SendResult
            {
                Row = row.Row, Phone = row.Phone, Status = SendStatus.Duplicate, Endpoint = Endpoint, Sandbox = row.Sms!.Sandbox,
                InputObject = row.InputObject, JournalKey = null,
                Message = $"Not sent again: {row.Phone} already gets this SMS from row {first} of this run.",
            };
        }

        // Hold back 30 so the tail can never fall under eSMS's minimum.
        public override int CutNow(int open) => open >= _batchSize + SmsMultiXmlPayload.MinNumbers ? _batchSize : 0;

        public override IEnumerable<int> CutAtEnd(int open)
        {
            if (open == 0) yield break;
            // As few parts as BatchSize allows, but never so many that one falls under 30: with a
            // small BatchSize, 30..59 numbers go as one request (still within eSMS's 5000), not two
            // unsendable halves. open < BatchSize + 30 here, so one part never exceeds 5000 + 29
            // unless BatchSize is 5000, where two parts are always possible.
            int parts = Math.Max(1, Math.Min((open + _batchSize - 1) / _batchSize, open / SmsMultiXmlPayload.MinNumbers));
            int size = open / parts, extra = open % parts;
            for (int i = 0; i < parts; i++) yield return size + (i < extra ? 1 : 0);
        }

        public override SendResult[]? RejectUnsendable(IReadOnlyList<PreparedRow> rows)
        {
            if (rows.Count >= SmsMultiXmlPayload.MinNumbers) return null;
            var results = new SendResult[rows.Count];
            for (int i = 0; i < rows.Count; i++)
                results[i] = Result(rows[i], SendStatus.Rejected, null, ErrorIds.TooFewNumbers, 0,
                    $"Row {rows[i].Row}: not sent: this SMS has only {rows.Count} distinct number(s) and eSMS needs at least {SmsMultiXmlPayload.MinNumbers} per request (code 107). Add numbers, or send these with an OTP/customer-care single-SMS tool.");
            return results;
        }

        public override void BeginRequest(IReadOnlyList<PreparedRow> rows)
        {
            var s = rows[0].Sms!;
            int n = _requestsCut.TryGetValue(s, out int c) ? c + 1 : 1;
            _requestsCut[s] = n;
            string id;
            if (_explicitRequestIds.TryGetValue(s, out var given)) id = n == 1 ? given : given + "-" + n;
            else
            {
                var parts = new List<string?>(rows.Count + 7) { Endpoint, s.Brandname, s.SmsType, s.Content, s.SendDate, s.CampaignId, s.CallbackUrl };
                foreach (var r in rows) parts.Add(r.Phone);
                id = RequestIdGenerator.Derive(parts);
            }
            foreach (var r in rows) r.RequestId = id;
        }

        protected override void WritePayload(PooledBufferWriter buffer, IReadOnlyList<PreparedRow> rows)
        {
            var phones = new string[rows.Count];
            for (int i = 0; i < rows.Count; i++) phones[i] = rows[i].Phone;
            SmsMultiXmlPayload.Write(buffer, Client.Credential, rows[0].Sms!, phones, rows[0].RequestId);
        }

        private sealed class SettingsComparer : IEqualityComparer<SmsSettings>
        {
            public static readonly SettingsComparer Instance = new SettingsComparer();
            public bool Equals(SmsSettings? x, SmsSettings? y) => ReferenceEquals(x, y) || (x != null && y != null && x.SameRequestAs(y));
            public int GetHashCode(SmsSettings obj) => obj.RequestHash();
        }
    }
}
