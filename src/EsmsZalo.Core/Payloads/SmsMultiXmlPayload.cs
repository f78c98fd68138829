using System;
using System.Collections.Generic;
using System.Text;
using EsmsZalo.Core.Credentials;

namespace EsmsZalo.Core.Payloads
{
    /// <summary>
    /// The text/plain XML body of SendMultipleMessage_V4, laid out as eSMS's sample (one element a
    /// line) with the sample's typo corrected. Every value is XML-escaped: content is the admin's
    /// text and may hold &lt; &gt; &amp; quotes or even "&lt;/CONTENT&gt;".
    /// </summary>
    public static class SmsMultiXmlPayload
    {
        /// <summary>eSMS: at most 5000 numbers a request.</summary>
        public const int MaxNumbers = 5000;
        /// <summary>eSMS: at least 30 distinct numbers a request (107 otherwise).</summary>
        public const int MinNumbers = 30;

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        public static void Write(PooledBufferWriter buffer, EsmsCredential credential, SmsSettings settings,
            IReadOnlyList<string> phones, string requestId)
        {
            // Written straight into the buffer as UTF-8: the same bytes as building the text and
            // encoding it, without a StringBuilder and a string the size of the body.
            Markup(buffer, "<RQST>\n");
            Element(buffer, "APIKEY", credential.ApiKey);
            Element(buffer, "SECRETKEY", credential.SecretKey);
            Element(buffer, "CONTENT", settings.Content);
            Element(buffer, "SMSTYPE", settings.SmsType);
            Element(buffer, "BRANDNAME", settings.Brandname);
            Element(buffer, "SENDDATE", settings.SendDate ?? "");
            Element(buffer, "CALLBACKURL", settings.CallbackUrl ?? "");
            Element(buffer, "REQUESTID", requestId);
            if (!string.IsNullOrEmpty(settings.CampaignId)) Element(buffer, "CAMPAIGNID", settings.CampaignId!);
            if (settings.Sandbox) Element(buffer, "SANDBOX", "1");
            Markup(buffer, "<CONTACTS>\n");
            for (int i = 0; i < phones.Count; i++)
            {
                Markup(buffer, "<CUSTOMER><PHONE>");
                Text(buffer, phones[i]);
                Markup(buffer, "</PHONE></CUSTOMER>\n");
            }
            Markup(buffer, "</CONTACTS>\n</RQST>");
        }

        private static void Element(PooledBufferWriter buffer, string name, string value)
        {
            Markup(buffer, "<");
            Markup(buffer, name);
            Markup(buffer, ">");
            Text(buffer, value);
            Markup(buffer, "</");
            Markup(buffer, name);
            Markup(buffer, ">\n");
        }

        /// <summary>ASCII markup, one byte a character.</summary>
        private static void Markup(PooledBufferWriter buffer, string ascii)
        {
            var span = buffer.GetSpan(ascii.Length);
            for (int i = 0; i < ascii.Length; i++) span[i] = (byte)ascii[i];
            buffer.Advance(ascii.Length);
        }

        /// <summary>A value, XML-escaped as <see cref="Escape"/> does, encoded as UTF-8.</summary>
        private static void Text(PooledBufferWriter buffer, string value)
        {
            int start = 0;
            for (int i = 0; i < value.Length; i++)
            {
                string? entity;
                switch (value[i])
                {
                    case '<': entity = "&lt;"; break;
                    case '>': entity = "&gt;"; break;
                    case '&': entity = "&amp;"; break;
                    case '"': entity = "&quot;"; break;
                    case '\'': entity = "&apos;"; break;
                    default: continue;
                }
                // Cut only at ASCII characters, so a surrogate pair is never split.
                Utf8Run(buffer, value, start, i - start);
                Markup(buffer, entity);
                start = i + 1;
            }
            Utf8Run(buffer, value, start, value.Length - start);
        }

        private static void Utf8Run(PooledBufferWriter buffer, string value, int index, int count)
        {
            if (count == 0) return;
            var span = buffer.GetSpan(Utf8.GetMaxByteCount(count));
            int written;
            unsafe
            {
                fixed (char* c = value)
                fixed (byte* b = span)
                    written = Utf8.GetBytes(c + index, count, b, span.Length);
            }
            buffer.Advance(written);
        }

        /// <summary>XML 1.0 escaping of text content and attribute values.</summary>
        public static void Escape(StringBuilder sb, string value)
        {
            foreach (char c in value)
            {
                switch (c)
                {
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '&': sb.Append("&amp;"); break;
                    case '"': sb.Append("&quot;"); break;
                    case '\'': sb.Append("&apos;"); break;
                    default: sb.Append(c); break;
                }
            }
        }

        /// <summary>True when <paramref name="value"/> holds a character XML 1.0 cannot carry at all.</summary>
        public static bool HasCharacterXmlCannotCarry(string value, out int index)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                bool ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                          || (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                          || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]));
                if (!ok) { index = i; return true; }
            }
            index = -1;
            return false;
        }
    }
}
