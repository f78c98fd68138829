using System;
using System.Collections.Generic;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Idempotency;
using EsmsZalo.Core.Phones;
using EsmsZalo.Core.Scheduling;

namespace EsmsZalo.Core.Sending
{
    /// <summary>Checks shared by every endpoint; each failure names the row, the field and what to do.</summary>
    internal static class RowRules
    {
        internal const int MaxCampaignLength = 254;

        internal static SendResult Reject(MessageRow row, long index, string endpoint, string errorId, string message, string? phone = null)
            => new SendResult
            {
                Row = index,
                Phone = phone ?? row.Phone,
                Status = SendStatus.Rejected,
                ErrorId = errorId,
                Message = $"Row {index}: {message}",
                Endpoint = endpoint,
                RequestId = row.RequestId,
                Sandbox = row.Sandbox,
                Attempts = 0,
                InputObject = row.InputObject,
            };

        internal static bool TryPhone(MessageRow row, out string phone, out string error)
            => PhoneNumber.TryNormalize(row.Phone, out phone, out error);

        internal static bool TryRequestId(MessageRow row, out string error)
        {
            error = "";
            if (string.IsNullOrEmpty(row.RequestId)) return true;
            return RequestIdGenerator.IsValid(row.RequestId!, out error);
        }

        internal static bool TryCallbackUrl(string? url, out string error)
        {
            error = "";
            if (string.IsNullOrWhiteSpace(url)) return true;
            if (Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(u.Host))
                return true;
            error = $"CallbackUrl '{PhoneNumber.Shorten(url)}' is not an absolute http(s) address. Give a full address such as https://example.vn/esms/callback, or leave it empty.";
            return false;
        }

        internal static bool TryCampaign(string? campaign, out string error)
        {
            error = "";
            if (campaign == null || campaign.Length <= MaxCampaignLength) return true;
            error = $"CampaignId is {campaign.Length} characters long; eSMS allows at most {MaxCampaignLength}. Shorten it.";
            return false;
        }

        /// <summary>"1"/"Normal" → "1", "3"/"ExceedQuota" → "3", empty → null.</summary>
        internal static bool TrySendingMode(string? mode, out string? code, out string error)
        {
            error = "";
            code = null;
            if (string.IsNullOrWhiteSpace(mode)) return true;
            string m = mode!.Trim();
            if (m == "1" || m.Equals("Normal", StringComparison.OrdinalIgnoreCase)) { code = "1"; return true; }
            if (m == "3" || m.Equals("ExceedQuota", StringComparison.OrdinalIgnoreCase)) { code = "3"; return true; }
            error = $"SendingMode '{PhoneNumber.Shorten(m)}' is not known. Use Normal (1) or ExceedQuota (3, whitelisted OAs only).";
            return false;
        }

        internal static bool TrySendDate(object? value, DateTimeOffset now, out string formatted, out string error)
            => SendDate.TryFormat(value, now, out formatted, out error);

        /// <summary>Template values, converted and checked one by one.</summary>
        internal static bool TryParams(MessageRow row, out string[] values, out string errorId, out string error)
        {
            var raw = row.Params;
            errorId = "";
            error = "";
            if (raw == null || raw.Count == 0)
            {
                values = Array.Empty<string>();
                return true;
            }
            values = new string[raw.Count];
            for (int i = 0; i < raw.Count; i++)
            {
                if (!ValueText.TryConvert(raw[i], out var text, out var problem))
                {
                    errorId = ErrorIds.TemplateParamInvalid;
                    error = $"template parameter {ParamName(row, i)} {problem}";
                    return false;
                }
                if (string.IsNullOrWhiteSpace(text))
                {
                    errorId = ErrorIds.TemplateParamEmpty;
                    error = $"template parameter {ParamName(row, i)} is empty. Fill it in: eSMS refuses ZNS messages with empty template values.";
                    return false;
                }
                values[i] = text!;
            }
            return true;
        }

        // Only built for an error message: a valid row costs no string here.
        private static string ParamName(MessageRow row, int i)
            => row.ParamNames != null && i < row.ParamNames.Count ? $"'{row.ParamNames[i]}'" : $"#{i + 1}";
    }
}
