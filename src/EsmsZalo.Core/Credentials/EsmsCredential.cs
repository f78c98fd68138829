using System;

namespace EsmsZalo.Core.Credentials
{
    /// <summary>
    /// The ApiKey/SecretKey pair. Both are secrets: <see cref="ToString"/> and every message the
    /// module writes name the credential's source, never its values.
    /// </summary>
    public sealed class EsmsCredential
    {
        public EsmsCredential(string apiKey, string secretKey, string source)
        {
            if (string.IsNullOrWhiteSpace(apiKey)) throw new ArgumentException("The ApiKey is empty.", nameof(apiKey));
            if (string.IsNullOrWhiteSpace(secretKey)) throw new ArgumentException("The SecretKey is empty.", nameof(secretKey));
            ApiKey = apiKey.Trim();
            SecretKey = secretKey.Trim();
            Source = source;
        }

        public string ApiKey { get; }
        public string SecretKey { get; }
        /// <summary>Where the pair came from ("-Credential", "Connect-EsmsAccount", "environment"), for diagnostics.</summary>
        public string Source { get; }

        public override string ToString() => $"eSMS credential from {Source}";
    }
}
