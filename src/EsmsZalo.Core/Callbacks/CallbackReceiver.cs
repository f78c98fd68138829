using System;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EsmsZalo.Core.Callbacks
{
    /// <summary>
    /// Listens for eSMS delivery callbacks with <see cref="HttpListener"/>: answers every request
    /// 200 at once (eSMS retries a slow receiver), parses its query string and queues the result
    /// for one consumer. Loopback only unless the caller allows otherwise: a receiver reachable from
    /// outside belongs behind a reverse proxy that terminates TLS.
    /// </summary>
    public sealed class CallbackReceiver : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly BlockingCollection<EsmsCallback> _queue = new BlockingCollection<EsmsCallback>(new ConcurrentQueue<EsmsCallback>());
        private readonly ConcurrentQueue<string> _notes = new ConcurrentQueue<string>();
        private Task? _loop;
        private int _disposed;
        private int _ignored;

        public CallbackReceiver(string prefix, bool allowRemote = false)
        {
            Prefix = NormalizePrefix(prefix);
            if (!allowRemote && !IsLoopbackPrefix(Prefix))
                throw new ArgumentException($"The prefix '{Prefix}' listens beyond this machine. Use http://127.0.0.1:PORT/path/ (or localhost) and put a reverse proxy with TLS in front of it, or allow remote listening explicitly.");
            _listener.Prefixes.Add(Prefix);
        }

        public string Prefix { get; }

        /// <summary>Requests answered but not queued (no query string: health checks, browsers).</summary>
        public int Ignored => Volatile.Read(ref _ignored);

        /// <summary>Set when the listener stopped on an error; the queue is then completed.</summary>
        public Exception? Fault { get; private set; }

        /// <summary>Ends with '/', as HttpListener requires.</summary>
        public static string NormalizePrefix(string prefix)
        {
            if (string.IsNullOrWhiteSpace(prefix)) throw new ArgumentException("The listener prefix is empty. Give one such as http://127.0.0.1:8080/esms/.");
            string p = prefix.Trim();
            if (!p.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"The listener prefix '{p}' must start with http:// (for example http://127.0.0.1:8080/esms/).");
            if (!p.EndsWith("/", StringComparison.Ordinal)) p += "/";
            return p;
        }

        /// <summary>127.0.0.1, ::1 or localhost; '+', '*' and names are not.</summary>
        public static bool IsLoopbackPrefix(string prefix)
        {
            int start = prefix.IndexOf("://", StringComparison.Ordinal);
            if (start < 0) return false;
            string rest = prefix.Substring(start + 3);
            int slash = rest.IndexOf('/');
            string hostPort = slash < 0 ? rest : rest.Substring(0, slash);
            string host;
            if (hostPort.StartsWith("[", StringComparison.Ordinal))
            {
                int close = hostPort.IndexOf(']');
                host = close < 0 ? hostPort : hostPort.Substring(1, close - 1);
            }
            else
            {
                int colon = hostPort.LastIndexOf(':');
                host = colon < 0 ? hostPort : hostPort.Substring(0, colon);
            }
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
            return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
        }

        /// <summary>Starts listening; throws <see cref="HttpListenerException"/> when the prefix cannot be taken.</summary>
        public void Start()
        {
            _listener.Start();
            _loop = Task.Run(AcceptLoopAsync);
        }

        private async Task AcceptLoopAsync()
        {
            try
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context = await _listener.GetContextAsync().ConfigureAwait(false);
                    Handle(context);
                }
            }
            catch (Exception ex) when (ex is ObjectDisposedException || ex is HttpListenerException || ex is InvalidOperationException)
            {
                if (Volatile.Read(ref _disposed) == 0) Fault = ex;
            }
            finally
            {
                _queue.CompleteAdding();
            }
        }

        private void Handle(HttpListenerContext context)
        {
            string query = context.Request.Url?.Query ?? "";
            string? remote = context.Request.RemoteEndPoint?.Address?.ToString();
            try
            {
                // Answer first: eSMS counts a slow receiver as down and retries.
                byte[] ok = Encoding.ASCII.GetBytes("OK");
                context.Response.StatusCode = 200;
                context.Response.ContentType = "text/plain";
                context.Response.ContentLength64 = ok.Length;
                context.Response.OutputStream.Write(ok, 0, ok.Length);
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is System.IO.IOException || ex is ObjectDisposedException)
            {
                _notes.Enqueue($"A callback from {remote} could not be answered: {ex.Message}");
            }
            if (query.Length <= 1)
            {
                Interlocked.Increment(ref _ignored);
                _notes.Enqueue($"A {context.Request.HttpMethod} request from {remote} to {context.Request.Url?.AbsolutePath} had no query string; answered 200 and ignored.");
                return;
            }
            var callback = CallbackParser.Parse(query);
            callback.ReceivedAt = DateTimeOffset.Now;
            callback.RemoteAddress = remote;
            try { _queue.Add(callback); }
            catch (InvalidOperationException) { }
        }

        /// <summary>Waits up to <paramref name="wait"/> for the next callback; false on timeout or when the listener stopped.</summary>
        public bool TryTake(out EsmsCallback? callback, TimeSpan wait, CancellationToken cancellationToken)
        {
            try
            {
                return _queue.TryTake(out callback, wait < TimeSpan.Zero ? Timeout.Infinite : (int)Math.Min(int.MaxValue, wait.TotalMilliseconds), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                callback = null;
                return false;
            }
        }

        /// <summary>The next callback, for C# callers and tests.</summary>
        public Task<EsmsCallback> ReceiveAsync(CancellationToken cancellationToken)
            => Task.Run(() => _queue.Take(cancellationToken), cancellationToken);

        /// <summary>False once the listener has stopped and every callback was taken.</summary>
        public bool IsCompleted => _queue.IsCompleted;

        /// <summary>Diagnostics from the listener thread, for the caller to report on its own thread.</summary>
        public bool TryTakeNote(out string note) => _notes.TryDequeue(out note!);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            try { _listener.Close(); } catch (ObjectDisposedException) { }
            try { _loop?.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        }
    }
}
