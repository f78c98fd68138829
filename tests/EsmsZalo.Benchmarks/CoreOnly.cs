using System.Diagnostics;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Idempotency;
using EsmsZalo.Core.Payloads;
using EsmsZalo.Core.Phones;
using EsmsZalo.Core.Responses;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Benchmarks;

/// <summary>
/// --core-only: the client's own per-row CPU and allocations, with no emulator and no network.
/// Prints the body fingerprints (which must not change), each stage of the bulk path on its own
/// (one thread), and the whole SendSession path over the in-memory transport several times.
/// For optimisation work: compare CPU and bytes between runs, not wall time, on a busy machine.
/// </summary>
internal static class CoreOnly
{
    public static int Run(int repetitions, bool stages = true)
    {
        Console.WriteLine($"Core-only (in-memory transport, no emulator) on {Machine.Describe()}, load {Machine.LoadAverage()}");

        // Fingerprints: the same inputs as the --cpu-only section, so the figures are comparable.
        var items = CpuCost.BulkItems(900);
        var settings = new ZnsSettings { OAID = Workloads.OAID, TemplateId = Workloads.TemplateId };
        using (var body = new PooledBufferWriter(128 * 1024))
        {
            ZnsBulkPayload.Write(body, Workloads.Credential, settings, items);
            Console.WriteLine($"  bulk body sha256 {CpuCost.Hash(body.ToArray())}");
        }
        using (var xml = new PooledBufferWriter(256 * 1024))
        {
            SmsMultiXmlPayload.Write(xml, Workloads.Credential, CpuCost.SmsSettings(), CpuCost.SmsPhones(SmsMultiXmlPayload.MaxNumbers), "ez0123456789abcdef0123456789abcdef01234567");
            Console.WriteLine($"  SMS XML body sha256 {CpuCost.Hash(xml.ToArray())}");
        }

        // --no-stages: the whole path only (for a profiler).
        if (stages) Stages(items, settings);

        // The whole path, as --cpu-only measures it, several times.
        Console.WriteLine("  whole path: SendSession bulk, in-memory transport, 100,000 rows, ThrottleLimit 4:");
        for (int r = 0; r < repetitions; r++)
        {
            var cost = InMemory.CoreBulk(100_000, 3);
            Console.WriteLine($"    {cost.Microseconds:0.00} us/row CPU (all threads), {cost.Bytes:0} B/row allocated (benchmark rows included, ~580 B)");
        }
        return 0;
    }

    /// <summary>Each stage of the bulk path on its own, one thread, per row.</summary>
    private static void Stages(BulkItem[] items, ZnsSettings settings)
    {
        const int n = 500;
        var csv = new CsvRow[n];
        var rows = new MessageRow[n];
        for (int i = 0; i < n; i++)
        {
            var c = csv[i] = Workloads.Row(5, i);
            rows[i] = new MessageRow { InputObject = c, Phone = c.Phone, OAID = Workloads.OAID, TemplateId = Workloads.TemplateId, Params = new object?[] { c.CustomerName, c.Service, c.CustomerCode, c.AppointmentDate } };
        }
        var parts = new List<string?>(16);
        Stage("PhoneNumber.TryNormalize", () => { for (int i = 0; i < n; i++) PhoneNumber.TryNormalize(csv[i].Phone, out _, out _); }, n);
        Stage("RequestIdGenerator.Derive (11 parts)", () =>
        {
            for (int i = 0; i < n; i++)
            {
                var c = csv[i];
                parts.Clear();
                parts.Add("Send_zns_bulk_v4_post_json"); parts.Add(Workloads.OAID); parts.Add(Workloads.TemplateId); parts.Add(c.Phone); parts.Add(null); parts.Add(null); parts.Add(null);
                parts.Add(c.CustomerName); parts.Add(c.Service); parts.Add(c.CustomerCode); parts.Add(c.AppointmentDate);
                RequestIdGenerator.Derive(parts);
            }
        }, n);
        var client = new EsmsClient(new Uri("http://127.0.0.1:9/MainService.svc/json/"), Workloads.Credential, new CannedBulkHandler());
        Stage("ZnsBulkChannel.Prepare + CheckRepeat", () =>
        {
            var ch = new ZnsBulkChannel(client, new SendOptions(), _ => { });
            for (int i = 0; i < n; i++)
            {
                ch.Prepare(rows[i], i + 1, out var p);
                ch.CheckRepeat(p!);
            }
        }, n);
        using (var w = new PooledBufferWriter(128 * 1024))
            Stage("ZnsBulkPayload.Write", () => { w.Clear(); ZnsBulkPayload.Write(w, Workloads.Credential, settings, items); }, n);
        var answer = CpuCost.BulkAnswer(items);
        var bodyBytes = new byte[82_000];
        Stage("EsmsClient.PostAsync (canned handler)", () => client.PostAsync(EsmsPaths.SendZnsBulk, bodyBytes, bodyBytes.Length, "application/json", default).GetAwaiter().GetResult(), n);
        Stage("SendAnswerParser.Parse", () => SendAnswerParser.Parse(answer), n);
        {
            var ch = new ZnsBulkChannel(client, new SendOptions(), _ => { });
            var batch = new List<PreparedRow>(n);
            for (int i = 0; i < n; i++) { ch.Prepare(rows[i], i + 1, out var p); batch.Add(p!); }
            Stage("ZnsBulkChannel.SendAsync (write, post, parse, results)", () => ch.SendAsync(batch, default).GetAwaiter().GetResult(), n);
        }
    }

    private static void Stage(string name, Action op, int rowsPerOp)
    {
        var c = CpuCost.Measure(op, rowsPerOp, 200, 7);
        Console.WriteLine($"  {name,-58} {c.Microseconds,7:0.000} us/row {c.Bytes,6:0} B/row");
    }
}
