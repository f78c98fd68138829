using System.Diagnostics;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Benchmarks;

/// <summary>--explore: where the core's per-row CPU goes (prepare vs the rest), for optimisation work.</summary>
internal static class Explore
{
    public static int Run()
    {
        var client = new EsmsClient(new Uri("http://127.0.0.1:9/MainService.svc/json/"), Workloads.Credential, new CannedBulkHandler());
        for (int round = 0; round < 3; round++)
        {
            const int n = 100_000;
            var rows = new MessageRow[n];
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                var c = Workloads.Row(round, i);
                rows[i] = new MessageRow { InputObject = c, Phone = c.Phone, OAID = Workloads.OAID, TemplateId = Workloads.TemplateId, Params = new object?[] { c.CustomerName, c.Service, c.CustomerCode, c.AppointmentDate } };
            }
            Console.WriteLine($"rows:    {sw.Elapsed.TotalMilliseconds * 1000 / n:0.00} us/row {(GC.GetAllocatedBytesForCurrentThread() - a0) / n} B/row");
            var ch = new ZnsBulkChannel(client, new SendOptions(), _ => { });
            a0 = GC.GetAllocatedBytesForCurrentThread();
            sw.Restart();
            for (int i = 0; i < n; i++)
            {
                ch.Prepare(rows[i], i + 1, out var p);
                ch.CheckRepeat(p!);
            }
            Console.WriteLine($"prepare: {sw.Elapsed.TotalMilliseconds * 1000 / n:0.00} us/row {(GC.GetAllocatedBytesForCurrentThread() - a0) / n} B/row");
            var session = new SendSession(MessageKind.ZnsBulk, client, new SendOptions());
            long t0 = GC.GetTotalAllocatedBytes(true);
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            long ok = 0;
            foreach (var r in rows)
            {
                session.Add(r);
                foreach (var x in session.TakeReady()) ok++;
            }
            foreach (var x in session.Complete()) ok++;
            Console.WriteLine($"session: {sw.Elapsed.TotalMilliseconds * 1000 / n:0.00} us/row wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds * 1000 / n:0.00} us/row CPU, {(GC.GetTotalAllocatedBytes(true) - t0) / n} B/row ({ok})");
        }
        return 0;
    }
}
