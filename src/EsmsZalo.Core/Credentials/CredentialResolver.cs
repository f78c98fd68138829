using System;

namespace EsmsZalo.Core.Credentials
{
    /// <summary>
    /// Picks the credential and base address by precedence: explicit, then the session set by
    /// Connect-EsmsAccount, then the environment (ESMS_API_KEY/ESMS_SECRET_KEY, ESMS_BASE_URI),
    /// then, for the address only, eSMS's public one.
    /// </summary>
    public static class CredentialResolver
    {
        public const string ApiKeyVariable = "ESMS_API_KEY";
        public const string SecretKeyVariable = "ESMS_SECRET_KEY";
        public const string BaseUriVariable = "ESMS_BASE_URI";

        public const string NoCredentialMessage =
            "No eSMS credentials were found. Give them in one of three ways: " +
            "-Credential (user name = ApiKey, password = SecretKey), " +
            "Connect-EsmsAccount -Credential for the session, " +
            "or the environment variables ESMS_API_KEY and ESMS_SECRET_KEY.";

        public static EsmsCredential? Resolve(EsmsCredential? explicitCredential, EsmsCredential? session,
            Func<string, string?>? environment = null)
        {
            if (explicitCredential != null) return explicitCredential;
            if (session != null) return session;
            environment ??= Environment.GetEnvironmentVariable;
            string? key = environment(ApiKeyVariable);
            string? secret = environment(SecretKeyVariable);
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(secret))
                return new EsmsCredential(key!, secret!, "environment variables ESMS_API_KEY/ESMS_SECRET_KEY");
            return null;
        }

        /// <summary>Base address by precedence; validated by <see cref="Http.EsmsBaseAddress"/>.</summary>
        public static Uri ResolveBaseUri(Uri? explicitUri, Uri? session, Func<string, string?>? environment = null)
        {
            if (explicitUri != null) return Http.EsmsBaseAddress.Normalize(explicitUri);
            if (session != null) return Http.EsmsBaseAddress.Normalize(session);
            environment ??= Environment.GetEnvironmentVariable;
            string? env = environment(BaseUriVariable);
            if (!string.IsNullOrWhiteSpace(env))
            {
                if (!Uri.TryCreate(env!.Trim(), UriKind.Absolute, out var u))
                    throw new ArgumentException($"The environment variable {BaseUriVariable} holds '{env}', which is not an absolute address such as https://rest.esms.vn/MainService.svc/json/.");
                return Http.EsmsBaseAddress.Normalize(u);
            }
            return Http.EsmsBaseAddress.Default;
        }
    }
}
