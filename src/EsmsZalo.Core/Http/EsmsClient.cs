using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Credentials;

namespace EsmsZalo.Core.Http
{
    /// <summary>
    /// The HTTP side of talking to eSMS: one process-wide HttpClient (connection reuse), a timeout
    /// per request, cancellation that stops an in-flight request at once, and transport failures
    /// turned into <see cref="EsmsTransportException"/> with messages that never carry the keys.
    /// </summary>
    public sealed class EsmsClient
    {
        private static readonly Lazy<HttpClient> SharedClient = new Lazy<HttpClient>(CreateSharedClient);

        private readonly HttpClient _http;

        public EsmsClient(Uri baseAddress, EsmsCredential credential, HttpMessageHandler? handler = null)
        {
            BaseAddress = EsmsBaseAddress.Normalize(baseAddress);
            Credential = credential ?? throw new ArgumentNullException(nameof(credential));
            _http = handler == null ? SharedClient.Value : new HttpClient(handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        public Uri BaseAddress { get; }
        public EsmsCredential Credential { get; }
        /// <summary>How long one request may take before it counts as lost (and may be retried).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        private static HttpClient CreateSharedClient()
        {
            var handler = new HttpClientHandler
            {
                // .NET Framework allows 2 connections a host by default; concurrent sends need more.
                MaxConnectionsPerServer = 256,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                AllowAutoRedirect = false,
                UseCookies = false,
            };
            var client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.UserAgent.ParseAdd("EsmsZalo/" + typeof(EsmsClient).Assembly.GetName().Version?.ToString(3));
            return client;
        }

        public Task<HttpAnswer> PostAsync(string path, byte[] body, int length, string mediaType, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body, 0, length);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
            return SendAsync(HttpMethod.Post, path, content, cancellationToken);
        }

        /// <summary>
        /// As <see cref="PostAsync"/>, but the answer's body stays in a pooled array: the caller
        /// must call <see cref="HttpAnswer.ReturnBuffer"/> when done with it. For the send path,
        /// where a bulk answer (~46 KB for 500 rows) was otherwise copied out of HttpClient's buffer
        /// into a new array on every request.
        /// </summary>
        internal Task<HttpAnswer> PostPooledAsync(string path, byte[] body, int length, string mediaType, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body, 0, length);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
            return SendAsync(HttpMethod.Post, path, content, cancellationToken, pooled: true);
        }

        public Task<HttpAnswer> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
            => SendAsync(HttpMethod.Get, pathAndQuery, null, cancellationToken);

        private async Task<HttpAnswer> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, bool pooled = false)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path)) { Content = content };
            // GetListBrandname carries the keys in its path: the name used in messages is masked.
            string endpoint = SecretRedactor.Redact(EsmsPaths.NameOf(path.Split('?')[0]), Credential);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                TimeSpan? retryAfter = null;
                var ra = response.Headers.RetryAfter;
                if (ra?.Delta is TimeSpan delta) retryAfter = delta;
                else if (ra?.Date is DateTimeOffset date) retryAfter = date - DateTimeOffset.UtcNow;
                string? mediaType = response.Content.Headers.ContentType?.MediaType;
                if (pooled)
                {
                    // ResponseContentRead: HttpClient has already read the whole body into its own
                    // buffer, and ReadAsStreamAsync is a MemoryStream over that buffer, so this copy
                    // is memory to memory and the array comes from the pool.
                    // No cancellation token here on purpose: the answer is already in memory, and an
                    // answer in hand must be used (journalled) even when Ctrl+C lands at this moment,
                    // as ReadAsByteArrayAsync() below does.
                    using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    var (rented, length) = await ReadPooledAsync(stream, CancellationToken.None).ConfigureAwait(false);
                    return new HttpAnswer((int)response.StatusCode, rented, length, mediaType, retryAfter);
                }
                byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                return new HttpAnswer((int)response.StatusCode, body, mediaType, retryAfter);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new EsmsTransportException($"eSMS did not answer {endpoint} within {Timeout.TotalSeconds:0.#} s.", mayHaveReachedServer: true, timedOut: true);
            }
            catch (HttpRequestException ex)
            {
                bool neverConnected = FindSocketError(ex) is SocketError se
                    && (se == SocketError.ConnectionRefused || se == SocketError.HostNotFound || se == SocketError.HostUnreachable || se == SocketError.NetworkUnreachable || se == SocketError.TryAgain);
                throw new EsmsTransportException(
                    $"The request to {endpoint} failed: {SecretRedactor.Redact(Flatten(ex), Credential)}",
                    mayHaveReachedServer: !neverConnected, timedOut: false);
            }
            catch (IOException ex)
            {
                throw new EsmsTransportException($"The connection to eSMS broke during {endpoint}: {SecretRedactor.Redact(ex.Message, Credential)}", true, false);
            }
        }

        /// <summary>Reads a whole stream into an ArrayPool array; on failure the array goes back to the pool.</summary>
        private static async Task<(byte[] Rented, int Length)> ReadPooledAsync(Stream stream, CancellationToken cancellationToken)
        {
            int size = stream.CanSeek ? (int)Math.Min(Math.Max(stream.Length - stream.Position, 0), int.MaxValue - 1) + 1 : 16 * 1024;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
            int length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    int n = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                    if (n == 0) return (buffer, length);
                    length += n;
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }

        private static SocketError? FindSocketError(Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
                if (e is SocketException s) return s.SocketErrorCode;
            return null;
        }

        private static string Flatten(Exception ex)
        {
            string msg = ex.Message;
            for (Exception? e = ex.InnerException; e != null; e = e.InnerException)
                if (!msg.Contains(e.Message)) msg += " " + e.Message;
            return msg;
        }
    }
}
