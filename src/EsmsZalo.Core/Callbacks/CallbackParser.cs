using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EsmsZalo.Core.Read;

namespace EsmsZalo.Core.Callbacks
{
    /// <summary>
    /// Reads an eSMS delivery callback (a GET query string) into an <see cref="EsmsCallback"/>:
    /// names matched case-insensitively, values URL-decoded, error_info's Zalo JSON split into
    /// code and message, numeric codes given their names.
    /// </summary>
    public static class CallbackParser
    {
        /// <summary>A query string ("SMSID=..&amp;..", with or without '?') or a whole URL.</summary>
        public static EsmsCallback Parse(string? queryOrUrl)
        {
            string q = (queryOrUrl ?? "").Trim();
            int mark = q.IndexOf('?');
            if (mark >= 0) q = q.Substring(mark + 1);
            else if (q.IndexOf('=') < 0 && Uri.TryCreate(q, UriKind.Absolute, out _)) q = ""; // a URL without a query
            int hash = q.IndexOf('#');
            if (hash >= 0) q = q.Substring(0, hash);
            return FromPairs(SplitQuery(q), q);
        }

        /// <summary>Name/value pairs, decoded ('+' is a space, as browsers and eSMS encode it).</summary>
        public static IEnumerable<KeyValuePair<string, string>> SplitQuery(string query)
        {
            foreach (string part in query.Split('&'))
            {
                if (part.Length == 0) continue;
                int eq = part.IndexOf('=');
                string name = Decode(eq < 0 ? part : part.Substring(0, eq));
                string value = eq < 0 ? "" : Decode(part.Substring(eq + 1));
                if (name.Length > 0) yield return new KeyValuePair<string, string>(name, value);
            }
        }

        private static string Decode(string s)
        {
            s = s.Replace('+', ' ');
            try { return Uri.UnescapeDataString(s); }
            catch (UriFormatException) { return s; }
        }

        public static EsmsCallback FromPairs(IEnumerable<KeyValuePair<string, string>> pairs, string? rawQuery = null)
        {
            var c = new EsmsCallback { Query = rawQuery };
            foreach (var kv in pairs)
            {
                string v = kv.Value;
                switch (kv.Key.ToLowerInvariant())
                {
                    case "smsid": c.SmsId = Empty(v); break;
                    case "requestid": c.RequestId = Empty(v); break;
                    case "sendstatus": c.SendStatus = Int(v); break;
                    case "sendsuccess": c.SendSuccess = Int(v); break;
                    case "sendfailed": c.SendFailed = Int(v); break;
                    case "totalreceiver": c.TotalReceiver = Int(v); break;
                    case "totalsent": c.TotalSent = Int(v); break;
                    case "totalprice": c.TotalPrice = decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null; break;
                    case "typeid": c.TypeId = Int(v); break;
                    case "telcoid": c.TelcoId = Int(v); break;
                    case "phonenumber":
                    case "phone": c.Phone = Empty(v); break;
                    case "partnerids":
                    case "partnerid": c.ZaloMsgId = Empty(v); break;
                    case "error_info":
                    case "errorinfo": c.ErrorInfo = Empty(v); break;
                    case "oaid": c.OAID = Empty(v); break;
                    case "tempid":
                    case "templateid": c.TemplateId = Empty(v); break;
                    default: c.Other[kv.Key] = v; break;
                }
            }
            c.SendStatusName = StatusNames.SendStatus(c.SendStatus);
            c.TypeName = StatusNames.MessageType(c.TypeId);
            c.TelcoName = StatusNames.Telco(c.TelcoId);
            if (c.SendFailed > 0) c.Delivered = false;
            else if (c.SendSuccess > 0) c.Delivered = true;
            if (c.ErrorInfo != null) ReadErrorInfo(c);
            return c;
        }

        private static void ReadErrorInfo(EsmsCallback c)
        {
            string text = c.ErrorInfo!;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    c.ErrorCode = ReadAnswer.Int(root, "error");
                    c.ErrorMessage = ReadAnswer.Str(root, "message");
                    return;
                }
            }
            catch (JsonException)
            {
            }
            c.ErrorMessage = text;
        }

        private static string? Empty(string v) => v.Length == 0 ? null : v;

        private static int? Int(string v)
            => int.TryParse(v.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
    }
}
