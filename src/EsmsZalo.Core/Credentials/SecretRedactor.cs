using System;

namespace EsmsZalo.Core.Credentials
{
    /// <summary>
    /// Last line of defence: every message the module builds from something it did not write
    /// itself (an exception, a server answer) passes through here before it reaches a person.
    /// </summary>
    public static class SecretRedactor
    {
        public const string Mask = "***";

        public static string Redact(string? text, EsmsCredential? credential)
        {
            if (string.IsNullOrEmpty(text) || credential == null) return text ?? string.Empty;
            string s = text!;
            s = ReplaceOrdinalIgnoreCase(s, credential.SecretKey, Mask);
            s = ReplaceOrdinalIgnoreCase(s, credential.ApiKey, Mask);
            s = ReplaceOrdinalIgnoreCase(s, Uri.EscapeDataString(credential.SecretKey), Mask);
            s = ReplaceOrdinalIgnoreCase(s, Uri.EscapeDataString(credential.ApiKey), Mask);
            return s;
        }

        private static string ReplaceOrdinalIgnoreCase(string s, string secret, string mask)
        {
            if (secret.Length == 0) return s;
            int i = s.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
            if (i < 0) return s;
            var sb = new System.Text.StringBuilder(s.Length);
            int start = 0;
            while (i >= 0)
            {
                sb.Append(s, start, i - start).Append(mask);
                start = i + secret.Length;
                i = s.IndexOf(secret, start, StringComparison.OrdinalIgnoreCase);
            }
            sb.Append(s, start, s.Length - start);
            return sb.ToString();
        }
    }
}
