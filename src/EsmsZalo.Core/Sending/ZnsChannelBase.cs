using System;
using System.Collections.Generic;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Idempotency;
using EsmsZalo.Core.Payloads;

namespace EsmsZalo.Core.Sending
{
    /// <summary>
    /// What the three ZNS endpoints share: per-request settings (OAID, template, campaign, send
    /// date, callback, mode, sandbox) checked once and shared by every row that has the same
    /// values; RequestIds given or derived from the message; repeats inside a run caught before
    /// any request.
    /// </summary>
    internal abstract class ZnsChannelBase : SendChannel
    {
        private readonly Dictionary<ZnsSettings, ZnsSettings> _interned = new Dictionary<ZnsSettings, ZnsSettings>(SettingsComparer.Instance);
        private readonly HashSet<ulong> _seenRequestIds = new HashSet<ulong>();
        private readonly List<string?> _parts = new List<string?>(16);
        private MessageRow? _lastRaw;
        private ZnsSettings? _lastSettings;

        protected ZnsChannelBase(EsmsClient client, SendOptions options, Action<string> verbose) : base(client, options, verbose) { }

        protected override string MediaType => "application/json";

        /// <summary>Checks the request-level fields of <paramref name="row"/>, reusing the previous row's result when they are the same.</summary>
        protected bool TrySettings(MessageRow row, long index, out ZnsSettings settings, out SendResult? rejection)
        {
            rejection = null;
            if (_lastRaw != null && _lastSettings != null && SameRawSettings(_lastRaw, row))
            {
                settings = _lastSettings;
                return true;
            }

            settings = null!;
            if (string.IsNullOrWhiteSpace(row.OAID))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.MissingOAID, "OAID is empty. Give -OAID (Get-EsmsZaloOA lists the account's OAs) or an OAID column.");
                return false;
            }
            if (string.IsNullOrWhiteSpace(row.TemplateId))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.MissingTemplateId, "TemplateId is empty. Give -TemplateId (Get-EsmsZnsTemplate -OAID lists the templates) or a TemplateId column.");
                return false;
            }
            if (!RowRules.TryCampaign(row.CampaignId, out var error))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidCampaignId, error);
                return false;
            }
            if (!RowRules.TrySendDate(row.SendDate, Options.Now(), out var sendDate, out error))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidSendDate, error);
                return false;
            }
            if (!RowRules.TryCallbackUrl(row.CallbackUrl, out error))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidCallbackUrl, error);
                return false;
            }
            if (!RowRules.TrySendingMode(row.SendingMode, out var mode, out error))
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidSendingMode, error);
                return false;
            }
            if (mode == "3" && sendDate.Length > 0)
            {
                rejection = RowRules.Reject(row, index, Endpoint, ErrorIds.InvalidSendingMode, "SendingMode ExceedQuota cannot be scheduled (eSMS code 801). Drop SendDate or use SendingMode Normal.");
                return false;
            }

            var fresh = new ZnsSettings
            {
                OAID = row.OAID!.Trim(),
                TemplateId = row.TemplateId!.Trim(),
                CampaignId = string.IsNullOrEmpty(row.CampaignId) ? null : row.CampaignId,
                Sandbox = row.Sandbox,
                CallbackUrl = string.IsNullOrWhiteSpace(row.CallbackUrl) ? null : row.CallbackUrl!.Trim(),
                SendDate = sendDate.Length == 0 ? null : sendDate,
                SendingMode = mode,
            };
            if (_interned.TryGetValue(fresh, out var existing)) fresh = existing;
            else _interned[fresh] = fresh;
            _lastRaw = row;
            _lastSettings = fresh;
            settings = fresh;
            return true;
        }

        private static bool SameRawSettings(MessageRow a, MessageRow b)
            => a.OAID == b.OAID && a.TemplateId == b.TemplateId && a.CampaignId == b.CampaignId && a.Sandbox == b.Sandbox
               && a.CallbackUrl == b.CallbackUrl && a.SendingMode == b.SendingMode && Equals(a.SendDate, b.SendDate);

        /// <summary>Sets the row's RequestId: the given one, or one derived from what the message is.</summary>
        protected void AssignRequestId(MessageRow row, PreparedRow p, ZnsSettings s, string[]? values, KeyValuePair<string, string>[]? data)
        {
            if (!string.IsNullOrEmpty(row.RequestId))
            {
                p.RequestId = row.RequestId!;
                p.RequestIdDerived = false;
            }
            else
            {
                // Prepare runs on the pipeline thread only, so one scratch list serves every row.
                var parts = _parts;
                parts.Clear();
                parts.Add(Endpoint); parts.Add(s.OAID); parts.Add(s.TemplateId); parts.Add(p.Phone); parts.Add(s.CampaignId); parts.Add(s.SendDate); parts.Add(p.OrderId);
                if (values != null) parts.AddRange(values);
                if (data != null)
                    foreach (var kv in data) { parts.Add(kv.Key); parts.Add(kv.Value); }
                p.RequestId = RequestIdGenerator.Derive(parts);
                parts.Clear(); // holds no row's strings between rows
                p.RequestIdDerived = true;
            }
            p.JournalKey = p.RequestId;
        }

        public override SendResult? CheckRepeat(PreparedRow row)
        {
            if (_seenRequestIds.Add(RequestIdGenerator.Fingerprint(row.RequestId))) return null;
            if (row.RequestIdDerived)
                return Repeat(row, SendStatus.Duplicate, null,
                    $"Not sent: row {row.Row} is the same message to the same phone as an earlier row of this run. To send it twice on purpose, give each row its own RequestId.");
            return Repeat(row, SendStatus.Rejected, ErrorIds.DuplicateRequestId,
                $"Row {row.Row}: RequestId '{row.RequestId}' was already used by an earlier row of this run; eSMS would block it as a repeat (124). Give every row its own RequestId, or leave RequestId empty.");
        }

        private SendResult Repeat(PreparedRow row, SendStatus status, string? errorId, string message)
            => new SendResult
            {
                Row = row.Row, Phone = row.Phone, Status = status, ErrorId = errorId, Message = message, RequestId = row.RequestId,
                Endpoint = Endpoint, Sandbox = row.Zns?.Sandbox ?? false, InputObject = row.InputObject,
            };

        private sealed class SettingsComparer : IEqualityComparer<ZnsSettings>
        {
            public static readonly SettingsComparer Instance = new SettingsComparer();
            public bool Equals(ZnsSettings? x, ZnsSettings? y) => ReferenceEquals(x, y) || (x != null && y != null && x.SameRequestAs(y));
            public int GetHashCode(ZnsSettings obj) => obj.RequestHash();
        }
    }
}
