using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Payloads;

namespace EsmsZalo
{
    /// <summary>The account's balance (GetBalance_json).</summary>
    public sealed class AccountBalance
    {
        public decimal Balance { get; set; }
        public string? UserId { get; set; }
        public string? CodeResult { get; set; }
        public string? BaseUri { get; set; }
    }
}

namespace EsmsZalo.Core.Read
{
    /// <summary>Balance query, also how Connect-EsmsAccount proves a key pair works.</summary>
    public static class BalanceQuery
    {
        public static async Task<AccountBalance> GetAsync(EsmsClient client, CancellationToken cancellationToken)
        {
            using var buffer = new PooledBufferWriter(256);
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("ApiKey", client.Credential.ApiKey);
                w.WriteString("SecretKey", client.Credential.SecretKey);
                w.WriteEndObject();
            }
            var answer = await client.PostAsync(EsmsPaths.GetBalance, buffer.RawBuffer, buffer.WrittenCount, "application/json", cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccess)
                throw new EsmsApiException($"eSMS answered HTTP {answer.StatusCode} to GetBalance_json: {SecretRedactor.Redact(answer.Excerpt(), client.Credential)}", null);
            JsonDocument doc;
            try { doc = JsonDocument.Parse(answer.Body); }
            catch (JsonException) { throw new EsmsApiException($"eSMS's answer to GetBalance_json is not JSON: {SecretRedactor.Redact(answer.Excerpt(), client.Credential)}", null); }
            using (doc)
            {
                var root = doc.RootElement;
                string? code = ReadCode(root);
                if (code != "100")
                {
                    string meaning = Errors.ErrorCodes.Lookup(code).Meaning;
                    string advice = Errors.ErrorCodes.Lookup(code).Advice;
                    throw new EsmsApiException($"eSMS refused GetBalance_json with {code ?? "no code"} ({meaning}). {advice}".TrimEnd(), code);
                }
                var result = new AccountBalance { CodeResult = code, BaseUri = client.BaseAddress.ToString() };
                foreach (var p in root.EnumerateObject())
                {
                    if (p.NameEquals("Balance") || string.Equals(p.Name, "Balance", StringComparison.OrdinalIgnoreCase))
                        result.Balance = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDecimal()
                            : decimal.TryParse(p.Value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0;
                    else if (string.Equals(p.Name, "UserID", StringComparison.OrdinalIgnoreCase))
                        result.UserId = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
                }
                return result;
            }
        }

        /// <summary>The result code under any of eSMS's spellings.</summary>
        public static string? ReadCode(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) return null;
            foreach (var p in root.EnumerateObject())
            {
                if (string.Equals(p.Name, "CodeResult", StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, "CodeResponse", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(p.Name, "Code", StringComparison.OrdinalIgnoreCase))
                    return p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
            }
            return null;
        }
    }

    /// <summary>eSMS gave a final answer that is not success; <see cref="Code"/> is its result code.</summary>
    public sealed class EsmsApiException : Exception
    {
        public EsmsApiException(string message, string? code) : base(message) { Code = code; }
        public string? Code { get; }
    }
}
