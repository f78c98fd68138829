using System;
using System.Management.Automation;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Read;
using EsmsZalo.Session;

namespace EsmsZalo.Commands
{
    /// <summary>
    /// Connect-EsmsAccount: checks a key pair with GetBalance_json and keeps it for the session, so
    /// later commands need no -Credential. Writes the balance it found.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "EsmsAccount")]
    [OutputType(typeof(AccountBalance))]
    public sealed class ConnectEsmsAccountCommand : PSCmdlet
    {
        /// <summary>UserName = ApiKey, Password = SecretKey.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        [Parameter]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        private System.Threading.CancellationTokenSource? _cts;

        protected override void EndProcessing()
        {
            EsmsCredential credential;
            Uri baseUri;
            try
            {
                credential = EsmsCmdletBase.FromPSCredential(Credential, "Connect-EsmsAccount");
                baseUri = CredentialResolver.ResolveBaseUri(BaseUri, null);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "EsmsInvalidArgument", ErrorCategory.InvalidArgument, null));
                return;
            }

            var client = new EsmsClient(baseUri, credential) { Timeout = TimeSpan.FromSeconds(TimeoutSec) };
            _cts = new System.Threading.CancellationTokenSource();
            AccountBalance balance;
            try
            {
                balance = BalanceQuery.GetAsync(client, _cts.Token).GetAwaiter().GetResult();
            }
            catch (EsmsApiException ex) when (ex.Code == "101")
            {
                ThrowTerminatingError(new ErrorRecord(new UnauthorizedAccessException(
                    "eSMS refused the ApiKey/SecretKey pair (101). Check that the user name is the ApiKey and the password the SecretKey, as shown in the eSMS account's API page. The session was not changed.", ex),
                    "EsmsAuthenticationFailed", ErrorCategory.AuthenticationError, null));
                return;
            }
            catch (Exception ex) when (ex is EsmsApiException || ex is EsmsTransportException)
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                    $"The key pair could not be checked: {SecretRedactor.Redact(ex.Message, credential)} The session was not changed.", ex),
                    "EsmsConnectFailed", ErrorCategory.ConnectionError, baseUri));
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            EsmsSessionState.Set(credential, BaseUri == null ? null : baseUri);
            WriteVerbose($"Connected to eSMS at {baseUri}; later EsmsZalo commands in this session use this key pair unless given -Credential.");
            WriteObject(balance);
        }

        protected override void StopProcessing() => _cts?.Cancel();
    }

    /// <summary>Disconnect-EsmsAccount: forgets the key pair Connect-EsmsAccount kept.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "EsmsAccount")]
    [OutputType(typeof(void))]
    public sealed class DisconnectEsmsAccountCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            EsmsSessionState.Clear();
            WriteVerbose("The eSMS key pair of this session was forgotten.");
        }
    }
}
