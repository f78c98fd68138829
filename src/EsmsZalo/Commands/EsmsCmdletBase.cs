using System;
using System.Management.Automation;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;
using EsmsZalo.Session;

namespace EsmsZalo.Commands
{
    /// <summary>
    /// What every EsmsZalo cmdlet shares: -Credential and -BaseUri, resolved by precedence
    /// (explicit, then Connect-EsmsAccount, then environment), with missing credentials and unsafe
    /// addresses stopping the command before any request.
    /// </summary>
    public abstract class EsmsCmdletBase : PSCmdlet
    {
        /// <summary>UserName = ApiKey, Password = SecretKey.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>eSMS base address; default https://rest.esms.vn/MainService.svc/json/.</summary>
        [Parameter]
        public Uri? BaseUri { get; set; }

        /// <summary>The credential to use, or a terminating error that says the three ways to give one.</summary>
        protected EsmsCredential ResolveCredential()
        {
            EsmsCredential? explicitCredential = null;
            if (Credential != null && Credential != PSCredential.Empty)
                explicitCredential = FromPSCredential(Credential, "-Credential");
            var credential = CredentialResolver.Resolve(explicitCredential, EsmsSessionState.Credential);
            if (credential == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException(CredentialResolver.NoCredentialMessage),
                    "EsmsNoCredential", ErrorCategory.AuthenticationError, null));
            }
            WriteDebug($"Using the eSMS credential from {credential!.Source}.");
            return credential;
        }

        protected Uri ResolveBaseUri()
        {
            try
            {
                var uri = CredentialResolver.ResolveBaseUri(BaseUri, EsmsSessionState.BaseUri);
                WriteDebug($"Using the eSMS base address {uri}.");
                return uri;
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "EsmsInvalidBaseUri", ErrorCategory.InvalidArgument, BaseUri));
                throw; // not reached
            }
        }

        protected EsmsClient CreateClient() => new EsmsClient(ResolveBaseUri(), ResolveCredential());

        internal static EsmsCredential FromPSCredential(PSCredential credential, string source)
        {
            string apiKey = credential.UserName ?? "";
            string secret = credential.GetNetworkCredential().Password ?? "";
            if (apiKey.Length > 0 && apiKey[0] == '\\') apiKey = apiKey.Substring(1); // Get-Credential may prefix a domain separator
            if (string.IsNullOrWhiteSpace(apiKey) || string.IsNullOrWhiteSpace(secret))
                throw new PSArgumentException($"The credential given with {source} needs the ApiKey as user name and the SecretKey as password; one of them is empty.");
            return new EsmsCredential(apiKey, secret, source);
        }
    }
}
