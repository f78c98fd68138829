using System.Net;
using System.Text;

namespace EsmsZalo.Core.Tests.Reliability;

/// <summary>An HTTP handler that answers from a script: the n-th request (1-based) gets answer(n, request body).</summary>
internal sealed class CannedHandler(Func<int, string, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private int _count;
    public int Count => Volatile.Read(ref _count);

    public static CannedHandler Always(HttpStatusCode status, string body, string mediaType = "application/json")
        => new((_, _, _) => Task.FromResult(Text(status, body, mediaType)));

    public static HttpResponseMessage Text(HttpStatusCode status, string body, string mediaType = "application/json")
        => new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int n = Interlocked.Increment(ref _count);
        string body = request.Content == null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        return await answer(n, body, cancellationToken);
    }
}
