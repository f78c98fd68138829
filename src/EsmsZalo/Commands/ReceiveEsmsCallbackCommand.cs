using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Threading;
using EsmsZalo.Core.Callbacks;

namespace EsmsZalo.Commands
{
    /// <summary>
    /// Receive-EsmsCallback: listens for eSMS delivery callbacks on this machine and writes each as
    /// an EsmsCallback object, until -Count callbacks arrived, -TimeoutSec passed, or Ctrl+C.
    /// Every request is answered 200 at once (eSMS retries a slow receiver).
    ///
    /// The listener takes loopback addresses only (127.0.0.1, ::1, localhost). eSMS reaches it
    /// from the internet through a reverse proxy on this machine that terminates TLS (IIS ARR,
    /// nginx, Caddy) and forwards one path to the prefix, e.g. nginx
    /// <c>location /esms/ { proxy_pass http://127.0.0.1:8080/esms/; }</c>; give eSMS the
    /// https address as CallbackUrl. eSMS signs nothing, so keep the path hard to guess and
    /// check SmsId/RequestId against what you sent. -AllowRemote listens on other addresses
    /// without TLS: only inside a trusted network. See about_EsmsZalo_Callbacks.
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "EsmsCallback")]
    [OutputType(typeof(EsmsCallback))]
    public sealed class ReceiveEsmsCallbackCommand : PSCmdlet
    {
        /// <summary>HttpListener prefix, e.g. http://127.0.0.1:8080/esms/ (the CallbackUrl's path below it).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Prefix { get; set; } = "http://127.0.0.1:8080/esms/";

        /// <summary>Stop after this many callbacks; 0 = no limit.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Count { get; set; }

        /// <summary>Stop after this many seconds; 0 = until Ctrl+C or -Count.</summary>
        [Parameter]
        [ValidateRange(0, 7 * 24 * 3600)]
        public int TimeoutSec { get; set; }

        /// <summary>Accept a prefix that is not loopback (+, *, a host name or address). No TLS: trusted networks only.</summary>
        [Parameter]
        public SwitchParameter AllowRemote { get; set; }

        private readonly CancellationTokenSource _cts = new CancellationTokenSource();

        protected override void EndProcessing()
        {
            CallbackReceiver receiver;
            try
            {
                receiver = new CallbackReceiver(Prefix, AllowRemote.IsPresent);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "EsmsCallbackPrefixRefused", ErrorCategory.InvalidArgument, Prefix));
                return;
            }
            using (receiver)
            {
                try
                {
                    receiver.Start();
                }
                catch (HttpListenerException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                        $"Cannot listen on {receiver.Prefix}: {ex.Message}. Pick a free port; on Windows a prefix other than localhost may need 'netsh http add urlacl url={receiver.Prefix} user=%USERNAME%' run once as administrator.", ex),
                        "EsmsCallbackListenFailed", ErrorCategory.ResourceUnavailable, Prefix));
                    return;
                }
                if (AllowRemote && !CallbackReceiver.IsLoopbackPrefix(receiver.Prefix))
                    WriteWarning($"Listening on {receiver.Prefix} beyond this machine without TLS. Anyone who can reach it can post fake reports; prefer a loopback prefix behind a TLS reverse proxy.");
                WriteVerbose($"Listening for eSMS callbacks on {receiver.Prefix}{(Count > 0 ? $" until {Count} arrive" : "")}{(TimeoutSec > 0 ? $" for at most {TimeoutSec} s" : "")}; Ctrl+C stops.");
                Listen(receiver);
            }
        }

        private void Listen(CallbackReceiver receiver)
        {
            var clock = Stopwatch.StartNew();
            int received = 0;
            while (!_cts.IsCancellationRequested)
            {
                TimeSpan slice = TimeSpan.FromMilliseconds(250);
                if (TimeoutSec > 0)
                {
                    var left = TimeSpan.FromSeconds(TimeoutSec) - clock.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        if (Count > 0) WriteWarning($"{received} of {Count} callback(s) arrived within {TimeoutSec} s.");
                        else WriteVerbose($"{received} callback(s) arrived within {TimeoutSec} s.");
                        break;
                    }
                    if (left < slice) slice = left;
                }
                bool got = receiver.TryTake(out var callback, slice, _cts.Token);
                // Notes come from the listener thread; they are written here, on the pipeline thread.
                while (receiver.TryTakeNote(out var note)) WriteVerbose(note);
                if (got)
                {
                    WriteObject(callback);
                    received++;
                    if (Count > 0 && received >= Count) break;
                }
                else if (receiver.IsCompleted)
                {
                    if (receiver.Fault != null)
                        WriteError(new ErrorRecord(new InvalidOperationException($"The listener on {receiver.Prefix} stopped: {receiver.Fault.Message}", receiver.Fault),
                            "EsmsCallbackListenerStopped", ErrorCategory.ConnectionError, Prefix));
                    break;
                }
            }
        }

        protected override void StopProcessing() => _cts.Cancel();
    }
}
