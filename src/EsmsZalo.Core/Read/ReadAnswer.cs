using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Payloads;

namespace EsmsZalo.Core.Read
{
    /// <summary>
    /// What every read query shares: build the request (keys in a JSON body or an escaped query
    /// string), read the result code under any of its spellings (CodeResult, CodeResponse, Code,
    /// {"error":...}), and turn anything but success into an <see cref="EsmsApiException"/> whose
    /// message never carries the keys.
    /// </summary>
    internal static class ReadAnswer
    {
        internal static async Task<JsonDocument> PostAsync(EsmsClient client, string path, IEnumerable<KeyValuePair<string, string?>> fields, CancellationToken cancellationToken)
        {
            using var buffer = new PooledBufferWriter(256);
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("ApiKey", client.Credential.ApiKey);
                w.WriteString("SecretKey", client.Credential.SecretKey);
                foreach (var f in fields) w.WriteString(f.Key, f.Value ?? "");
                w.WriteEndObject();
            }
            var answer = await client.PostAsync(path, buffer.RawBuffer, buffer.WrittenCount, "application/json", cancellationToken).ConfigureAwait(false);
            return Parse(answer, EsmsPaths.NameOf(path), client.Credential);
        }

        internal static async Task<JsonDocument> GetAsync(EsmsClient client, string path, IEnumerable<KeyValuePair<string, string?>> query, CancellationToken cancellationToken)
        {
            var answer = await client.GetAsync(path + QueryString(query, client.Credential), cancellationToken).ConfigureAwait(false);
            return Parse(answer, EsmsPaths.NameOf(path), client.Credential);
        }

        /// <summary>"?a=1&amp;ApiKey=..&amp;SecretKey=.." with every value escaped.</summary>
        internal static string QueryString(IEnumerable<KeyValuePair<string, string?>> query, EsmsCredential credential)
        {
            var sb = new StringBuilder("?");
            foreach (var q in query) Append(sb, q.Key, q.Value);
            Append(sb, "ApiKey", credential.ApiKey);
            Append(sb, "SecretKey", credential.SecretKey);
            return sb.ToString();
        }

        private static void Append(StringBuilder sb, string name, string? value)
        {
            if (sb.Length > 1) sb.Append('&');
            sb.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
        }

        internal static JsonDocument Parse(HttpAnswer answer, string endpoint, EsmsCredential? credential)
        {
            if (!answer.IsSuccess)
                throw new EsmsApiException($"eSMS answered HTTP {answer.StatusCode} to {endpoint}: {SecretRedactor.Redact(answer.Excerpt(), credential)}", null);
            try
            {
                return JsonDocument.Parse(answer.Body);
            }
            catch (JsonException)
            {
                throw new EsmsApiException($"eSMS's answer to {endpoint} is not JSON: {SecretRedactor.Redact(answer.Excerpt(), credential)}", null);
            }
        }

        /// <summary>
        /// Throws unless the answer is a success. An answer with no code at all counts as success
        /// (several read endpoints are documented with their data only).
        /// </summary>
        internal static void EnsureSuccess(JsonElement root, string endpoint, string subject, EsmsCredential? credential, string? notFoundAdvice = null)
        {
            if (root.ValueKind != JsonValueKind.Object)
                throw new EsmsApiException($"eSMS's answer to {endpoint} is not a JSON object.", null);
            string? code = BalanceQuery.ReadCode(root);
            if (code == null)
            {
                // {"error":"Invalid request"} : a malformed request, no numeric code.
                string? error = Str(root, "error");
                if (error != null)
                    throw new EsmsApiException($"eSMS refused {endpoint} for {subject}: {SecretRedactor.Redact(error, credential)}. The request was malformed; check the values given.", null);
                return;
            }
            code = code.Trim();
            if (code == "100") return;
            string? serverText = Str(root, "ErrorMessage") ?? Str(root, "Message");
            string said = serverText == null ? "" : $" eSMS said: \"{SecretRedactor.Redact(serverText, credential)}\".";
            if (code == "105" || code == "854")
                throw new EsmsApiException($"eSMS found no data for {subject} ({code}: {(code == "105" ? "message not found" : "no data found")}).{said} {notFoundAdvice ?? "Check the ids given."}", code);
            var known = ErrorCodes.Lookup(code);
            throw new EsmsApiException($"eSMS refused {endpoint} for {subject} with {code} ({known.Meaning}).{said} {known.Advice}".TrimEnd(), code);
        }

        // ---- tolerant field readers: eSMS sends numbers as strings and vice versa -----------------

        internal static bool TryGet(JsonElement obj, string name, out JsonElement value)
        {
            value = default;
            if (obj.ValueKind != JsonValueKind.Object) return false;
            if (obj.TryGetProperty(name, out value)) return true;
            foreach (var p in obj.EnumerateObject())
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = p.Value;
                    return true;
                }
            }
            return false;
        }

        internal static string? Str(JsonElement obj, string name)
        {
            if (!TryGet(obj, name, out var v)) return null;
            switch (v.ValueKind)
            {
                case JsonValueKind.String: return v.GetString();
                case JsonValueKind.Null:
                case JsonValueKind.Undefined: return null;
                default: return v.GetRawText();
            }
        }

        internal static long? Long(JsonElement obj, string name)
        {
            if (!TryGet(obj, name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var dn)) return (long)dn;
            if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString()?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)) return s;
            return null;
        }

        internal static int? Int(JsonElement obj, string name)
        {
            long? l = Long(obj, name);
            return l.HasValue && l.Value >= int.MinValue && l.Value <= int.MaxValue ? (int)l.Value : (int?)null;
        }

        internal static decimal? Decimal(JsonElement obj, string name)
        {
            if (!TryGet(obj, name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var n)) return n;
            if (v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString()?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var s)) return s;
            return null;
        }

        /// <summary>true/false, "true"/"false", 1/0, "1"/"0".</summary>
        internal static bool? Bool(JsonElement obj, string name)
        {
            if (!TryGet(obj, name, out var v)) return null;
            switch (v.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Number: return v.TryGetInt64(out var n) ? n != 0 : (bool?)null;
                case JsonValueKind.String:
                    string s = (v.GetString() ?? "").Trim();
                    if (s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
                    if (s == "0" || s.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
                    return null;
                default: return null;
            }
        }

        /// <summary>The array under <paramref name="name"/>, or none (a missing list reads as empty).</summary>
        internal static IEnumerable<JsonElement> Array(JsonElement obj, string name)
        {
            if (TryGet(obj, name, out var v) && v.ValueKind == JsonValueKind.Array)
                foreach (var e in v.EnumerateArray()) yield return e;
        }

        internal static KeyValuePair<string, string?> F(string name, string? value) => new KeyValuePair<string, string?>(name, value);
    }
}
