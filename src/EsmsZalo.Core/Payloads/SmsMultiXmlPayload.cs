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
            var sb = new StringBuilder(256 + settings.Content.Length + phones.Count * 42);
            sb.Append("<RQST>\n");
            Element(sb, "APIKEY", credential.ApiKey);
            Element(sb, "SECRETKEY", credential.SecretKey);
            Element(sb, "CONTENT", settings.Content);
            Element(sb, "SMSTYPE", settings.SmsType);
            Element(sb, "BRANDNAME", settings.Brandname);
            Element(sb, "SENDDATE", settings.SendDate ?? "");
            Element(sb, "CALLBACKURL", settings.CallbackUrl ?? "");
            Element(sb, "REQUESTID", requestId);
            if (!string.IsNullOrEmpty(settings.CampaignId)) Element(sb, "CAMPAIGNID", settings.CampaignId!);
            if (settings.Sandbox) Element(sb, "SANDBOX", "1");
            sb.Append("<CONTACTS>\n");
            for (int i = 0; i < phones.Count; i++)
            {
                sb.Append("<CUSTOMER><PHONE>");
                Escape(sb, phones[i]);
                sb.Append("</PHONE></CUSTOMER>\n");
            }
            sb.Append("</CONTACTS>\n</RQST>");

            string text = sb.ToString();
            int max = Utf8.GetMaxByteCount(text.Length);
            var span = buffer.GetSpan(max);
            int written;
            unsafe
            {
                fixed (char* c = text)
                fixed (byte* b = span)
                    written = Utf8.GetBytes(c, text.Length, b, span.Length);
            }
            buffer.Advance(written);
        }

        private static void Element(StringBuilder sb, string name, string value)
        {
            sb.Append('<').Append(name).Append('>');
            Escape(sb, value);
            sb.Append("</").Append(name).Append(">\n");
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
