using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using EsmsZalo.Core.Http;

namespace EsmsZalo.Benchmarks;

/// <summary>
/// The whole core bulk path with the network taken out: an HttpMessageHandler that answers every
/// request at once with a canned eSMS answer of the right length. Shows the client's own CPU and
/// allocations per row (row checks, RequestId, payload, answer, results, ordering).
/// </summary>
internal sealed class CannedBulkHandler : HttpMessageHandler
{
    private readonly byte[] _answer500;

    public CannedBulkHandler() => _answer500 = CpuCost.BulkAnswer(CpuCost.BulkItems(1));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Read the body as a server would (the client must have produced it).
        _ = await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var content = new ByteArrayContent(_answer500);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}

internal static class InMemory
{
    /// <summary>Rows must be a multiple of 500 (the canned answer lists 500 results).</summary>
    public static CostPerItem CoreBulk(long rows, int repetitions)
    {
        var client = new EsmsClient(new Uri("http://127.0.0.1:9/MainService.svc/json/"), Workloads.Credential, new CannedBulkHandler());
        Workloads.CoreBulk(client, 800, 20_000, 4, 500); // warm-up
        double best = double.MaxValue, bytes = double.MaxValue;
        for (int r = 0; r < repetitions; r++)
        {
            GC.Collect();
            long a0 = GC.GetTotalAllocatedBytes(true);
            var proc = Process.GetCurrentProcess();
            var c0 = proc.TotalProcessorTime;
            long accepted = Workloads.CoreBulk(client, 801 + r, rows, 4, 500);
            proc.Refresh();
            var cpu = proc.TotalProcessorTime - c0;
            long a1 = GC.GetTotalAllocatedBytes(true);
            if (accepted != rows) Console.Error.WriteLine($"  in-memory: {accepted} of {rows} accepted");
            best = Math.Min(best, cpu.TotalMilliseconds * 1000 / rows);
            bytes = Math.Min(bytes, (double)(a1 - a0) / rows);
        }
        return new CostPerItem(best, bytes);
    }
}
