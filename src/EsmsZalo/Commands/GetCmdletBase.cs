using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Read;

namespace EsmsZalo.Commands
{
    /// <summary>
    /// What the Get-Esms* cmdlets share: one client per run (credentials resolved up front, so a
    /// missing key pair stops the command before any request), Ctrl+C cancels the request in
    /// flight, and eSMS's refusals become error records that say what to do.
    /// </summary>
    public abstract class GetCmdletBase : EsmsCmdletBase
    {
        private readonly CancellationTokenSource _cts = new CancellationTokenSource();
        private EsmsClient? _client;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        protected EsmsClient Client => _client ?? throw new InvalidOperationException("BeginProcessing has not run.");
        protected CancellationToken Token => _cts.Token;

        protected override void BeginProcessing()
        {
            _client = CreateClient();
            _client.Timeout = TimeSpan.FromSeconds(TimeoutSec);
        }

        protected override void StopProcessing() => _cts.Cancel();

        /// <summary>
        /// Runs one query on the pipeline thread. A refusal about this input (not found, unknown OA)
        /// is a non-terminating error; wrong keys stop the command, since every later call would fail too.
        /// </summary>
        protected bool TryRun<T>(Func<EsmsClient, CancellationToken, Task<T>> query, object? target, out T result)
        {
            result = default!;
            try
            {
                result = query(Client, Token).GetAwaiter().GetResult();
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (EsmsApiException ex) when (ex.Code == ErrorCodes.WrongCredentials)
            {
                ThrowTerminatingError(new ErrorRecord(new UnauthorizedAccessException(Redact(ex.Message), ex), ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError, target));
                return false;
            }
            catch (EsmsApiException ex)
            {
                bool notFound = ex.Code == "105" || ex.Code == "854";
                var record = new ErrorRecord(new InvalidOperationException(Redact(ex.Message), ex),
                    notFound ? ErrorIds.NotFound : ErrorIds.Rejected,
                    notFound ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidResult, target);
                if (ex.Code != null) record.ErrorDetails = new ErrorDetails(Redact(ex.Message)) { RecommendedAction = ErrorCodes.Lookup(ex.Code).Advice };
                WriteError(record);
                return false;
            }
            catch (EsmsTransportException ex)
            {
                WriteError(new ErrorRecord(new InvalidOperationException(Redact(ex.Message) + " Check the network and -BaseUri, then run the command again.", ex),
                    ErrorIds.HttpError, ErrorCategory.ConnectionError, target));
                return false;
            }
        }

        private string Redact(string text) => SecretRedactor.Redact(text, _client?.Credential);
    }
}
