using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using EsmsZalo.Benchmarks;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Payloads;

// dotnet run -c Release --project tests/EsmsZalo.Benchmarks [-- --quick] [--no-write] [--out FILE] [--no-scale]
// --cpu-only: only the CPU-cost section. --explore: where the core's per-row CPU and allocations go (prepare vs whole session).
// --core-only [REPS] [--no-stages]: no emulator; body fingerprints, each stage of the bulk path, and the whole in-memory core path REPS times (default 3).
// --check-xml: the SMS XML body equals the former StringBuilder encoding on 20,000 random bodies.
// Internal: --scale-child ROWS BASEADDRESS (one scaling run in a fresh process, so its peak working set is its own).

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length == 1 && args[0] == "--explore") return Explore.Run();
if (args.Length >= 1 && args[0] == "--core-only") return CoreOnly.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3, !args.Contains("--no-stages"));
if (args.Length == 1 && args[0] == "--check-xml") return CheckXml.Run();
if (args.Length >= 3 && args[0] == "--scale-child")
    return ScaleChild.Run(long.Parse(args[1], CultureInfo.InvariantCulture), new Uri(args[2]));

bool quick = args.Contains("--quick");
bool write = !args.Contains("--no-write");
bool scale = !args.Contains("--no-scale");
bool cpuOnly = args.Contains("--cpu-only");
string? outFile = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length) outFile = args[++i];
    else if (args[i] is "--quick" or "--no-write" or "--no-scale" or "--cpu-only") { }
    else if (args[i] == "--out") { }
    else { Console.Error.WriteLine($"Unknown option {args[i]}. Options: --quick --no-write --no-scale --out FILE"); return 2; }
}
string command = "dotnet run -c Release --project tests/EsmsZalo.Benchmarks" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");

var plan = quick
    ? new Plan(Reps: 1, Bulk0: 20_000, Seq0: 10_000, Raw0: 20_000, Bulk50: 20_000, Seq50: 5_000, Single0: 2_000, SingleSeq0: 500, Single50: 500, SingleSeq50: 40,
               CpuIterations: 200, Scale: new long[] { 10_000, 100_000 })
    : new Plan(Reps: 3, Bulk0: 100_000, Seq0: 50_000, Raw0: 100_000, Bulk50: 100_000, Seq50: 20_000, Single0: 10_000, SingleSeq0: 2_000, Single50: 2_000, SingleSeq50: 100,
               CpuIterations: 1_000, Scale: new long[] { 10_000, 100_000, 1_000_000 });

var machine = Machine.Describe();
Console.WriteLine($"EsmsZalo benchmarks ({(quick ? "quick" : "full")} run) on {machine}");
var total = Stopwatch.StartNew();
string loadBefore = Machine.LoadAverage();
Console.WriteLine($"Load average before: {loadBefore}");

using var emulator = EmulatorProcess.Start();
AppDomain.CurrentDomain.ProcessExit += (_, _) => emulator.Dispose();
Console.CancelKeyPress += (_, _) => emulator.Dispose();
Console.WriteLine($"Emulator: pid {emulator.ProcessId}, {emulator.BaseAddress} (separate process, callbacks off)");

var esms = Workloads.NewEsmsClient(emulator.BaseAddress);
using var raw = Workloads.NewRawClient();
var bulkUrl = new Uri(emulator.BaseAddress, EsmsPaths.SendZnsBulk);
int tag = 0;
var results = new Results();

// ---- CPU cost per row (one thread, no I/O) -------------------------------------------------------
{
    Console.WriteLine();
    Console.WriteLine("CPU cost per row (payload building and answer parsing)...");
    var items = CpuCost.BulkItems(900);
    // A real 500-detail answer, from the emulator, for these very items.
    emulator.Reset(0);
    byte[] answer;
    using (var buffer = new PooledBufferWriter(128 * 1024))
    {
        ZnsBulkPayload.Write(buffer, Workloads.Credential, new ZnsSettings { OAID = Workloads.OAID, TemplateId = Workloads.TemplateId }, items);
        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var r = raw.PostAsync(bulkUrl, content).GetAwaiter().GetResult();
        answer = r.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        if (CpuCost.Parse(answer).Detail?.Count != 500) answer = CpuCost.BulkAnswer(items);
    }
    var settings = new ZnsSettings { OAID = Workloads.OAID, TemplateId = Workloads.TemplateId };
    using var writer = new PooledBufferWriter(128 * 1024);
    results.Build = CpuCost.Measure(() => { writer.Clear(); ZnsBulkPayload.Write(writer, Workloads.Credential, settings, items); }, 500, plan.CpuIterations, 9);
    results.BuildBytes = writer.WrittenCount;
    results.BuildHash = CpuCost.Hash(writer.ToArray());
    results.Parse = CpuCost.Measure(() => CpuCost.Parse(answer), 500, plan.CpuIterations, 9);
    results.AnswerBytes = answer.Length;
    var sms = CpuCost.SmsSettings();
    var phones = CpuCost.SmsPhones(SmsMultiXmlPayload.MaxNumbers);
    using var xml = new PooledBufferWriter(256 * 1024);
    results.SmsXml = CpuCost.Measure(() => { xml.Clear(); SmsMultiXmlPayload.Write(xml, Workloads.Credential, sms, phones, "ez0123456789abcdef0123456789abcdef01234567"); },
        phones.Length, Math.Max(20, plan.CpuIterations / 10), 9);
    results.SmsXmlBytes = xml.WrittenCount;
    results.SmsXmlHash = CpuCost.Hash(xml.ToArray());
    results.Session = InMemory.CoreBulk(quick ? 20_000 : 100_000, 3);
    Console.WriteLine($"  ZnsBulkPayload.Write (500 rows, {results.BuildBytes:N0} B):     {results.Build.Microseconds:0.000} us/row, {results.Build.Bytes:0} B/row (body sha256 {results.BuildHash})");
    Console.WriteLine($"  SendAnswerParser.Parse (500 details, {results.AnswerBytes:N0} B): {results.Parse.Microseconds:0.000} us/row, {results.Parse.Bytes:0} B/row");
    Console.WriteLine($"  SendSession bulk, in-memory transport (whole core path): {results.Session.Microseconds:0.00} us/row CPU (all threads), {results.Session.Bytes:0} B/row allocated");
    Console.WriteLine($"  SmsMultiXmlPayload.Write (5,000 numbers, {results.SmsXmlBytes:N0} B): {results.SmsXml.Microseconds:0.000} us/number, {results.SmsXml.Bytes:0} B/number (body sha256 {results.SmsXmlHash})");
}

if (cpuOnly) return 0;

// ---- Throughput against the emulator ---------------------------------------------------------------

// Warm-up: every code path once, small, at 0 ms (JIT, tiering, connection pools).
Console.WriteLine();
Console.WriteLine("Warm-up...");
{
    emulator.Reset(0);
    Workloads.CoreBulk(esms, 9000, 5_000, 4, 500);
    Workloads.SequentialChunked(raw, emulator.BaseAddress, 9001, 2_000, 500).GetAwaiter().GetResult();
    Workloads.RawPosts(raw, bulkUrl, Workloads.PrebuildBulk(9002, 5_000, 500), 4).GetAwaiter().GetResult();
    Workloads.CoreSingle(esms, 9003, 500, 16);
    Workloads.SequentialPerRow(raw, emulator.BaseAddress, 9004, 200).GetAwaiter().GetResult();
}

var cases = new List<(Series Series, long Rows, Func<int, long> Body)>();
void Case(string key, string name, int latency, long rows, Func<int, long> body)
{
    var s = new Series(key, name, latency);
    results.Series.Add(s);
    cases.Add((s, rows, body));
}

Func<int, long> CoreBulk(long rows, int throttle) => t => Workloads.CoreBulk(esms, t, rows, throttle, 500);
Func<int, long> Chunked(long rows) => t => Workloads.SequentialChunked(raw, emulator.BaseAddress, t, rows, 500).GetAwaiter().GetResult();
Func<int, long> CoreSingle(long rows, int throttle) => t => Workloads.CoreSingle(esms, t, rows, throttle);
Func<int, long> PerRow(long rows) => t => Workloads.SequentialPerRow(raw, emulator.BaseAddress, t, rows).GetAwaiter().GetResult();

foreach (int latency in new[] { 0, 50 })
{
    long bulkRows = latency == 0 ? plan.Bulk0 : plan.Bulk50;
    Case($"bulk-core-{latency}", "Bulk: core SendSession (ThrottleLimit 4, 500/request)", latency, bulkRows, CoreBulk(bulkRows, 4));
    Case($"bulk-seq-{latency}", "Bulk: sequential hand-chunked (500/request)", latency, latency == 0 ? plan.Seq0 : plan.Seq50, Chunked(latency == 0 ? plan.Seq0 : plan.Seq50));
    Case($"bulk-raw-{latency}", "Bulk: raw HttpClient limit (4 in flight, pre-built)", latency, latency == 0 ? plan.Raw0 : plan.Bulk50, null!);
    if (latency == 50) Case("bulk-core8-50", "Bulk: core SendSession (ThrottleLimit 8, 500/request)", latency, bulkRows, CoreBulk(bulkRows, 8));
    if (latency == 50) Case("bulk-core16-50", "Bulk: core SendSession (ThrottleLimit 16, 500/request)", latency, bulkRows, CoreBulk(bulkRows, 16));
    Case($"single-core-{latency}", "Single: core SendSession (Zns, ThrottleLimit 16)", latency, latency == 0 ? plan.Single0 : plan.Single50, CoreSingle(latency == 0 ? plan.Single0 : plan.Single50, 16));
    Case($"single-seq-{latency}", "Single: sequential per-row loop", latency, latency == 0 ? plan.SingleSeq0 : plan.SingleSeq50, PerRow(latency == 0 ? plan.SingleSeq0 : plan.SingleSeq50));
}

Console.WriteLine();
Console.WriteLine($"Throughput, {plan.Reps} repetition(s), median kept:");
for (int rep = 0; rep < plan.Reps; rep++)
{
    foreach (var (series, rows, body) in cases)
    {
        Measurement m;
        if (series.Key.StartsWith("bulk-raw", StringComparison.Ordinal))
        {
            // The raw limit's bodies are built outside the timed section.
            emulator.Reset(series.Latency);
            var bodies = Workloads.PrebuildBulk(++tag, rows, 500);
            var proc = Process.GetCurrentProcess();
            var cpu0 = proc.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            long ok = Workloads.RawPosts(raw, bulkUrl, bodies, 4).GetAwaiter().GetResult();
            sw.Stop();
            proc.Refresh();
            var cpu = proc.TotalProcessorTime - cpu0;
            int server = emulator.AcceptedCount();
            if (ok != bodies.Count || server != rows) Console.Error.WriteLine($"  raw: {ok}/{bodies.Count} requests OK, {server:N0} rows recorded of {rows:N0}");
            m = new Measurement(rows, sw.Elapsed.TotalSeconds, cpu.TotalMilliseconds * 1000 / rows, ok == bodies.Count && server == rows);
            Console.WriteLine($"  {series.Name,-55} {series.Latency,3} ms  {rows,9:N0} rows  {m.Seconds,7:0.000} s  {m.RowsPerSecond,10:N0} rows/s  client CPU {m.ClientCpuUsPerRow,6:0.0} us/row");
        }
        else
        {
            m = RunOne(series, rows, body);
        }
        series.Runs.Add(m);
    }
}

Measurement RunOne(Series series, long rows, Func<int, long> body)
{
    emulator.Reset(series.Latency);
    int t = ++tag;
    var proc = Process.GetCurrentProcess();
    var cpu0 = proc.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    long accepted = body(t);
    sw.Stop();
    proc.Refresh();
    var cpu = proc.TotalProcessorTime - cpu0;
    int server = emulator.AcceptedCount();
    if (accepted != rows || server != rows)
        Console.Error.WriteLine($"  {series.Name}: {accepted:N0} accepted by the client's count, {server:N0} recorded by the emulator, of {rows:N0}");
    var m = new Measurement(rows, sw.Elapsed.TotalSeconds, cpu.TotalMilliseconds * 1000 / rows, accepted == rows && server == rows);
    Console.WriteLine($"  {series.Name,-55} {series.Latency,3} ms  {rows,9:N0} rows  {m.Seconds,7:0.000} s  {m.RowsPerSecond,10:N0} rows/s  client CPU {m.ClientCpuUsPerRow,6:0.0} us/row");
    return m;
}

// ---- Scaling: each size in a fresh process ------------------------------------------------------------
if (scale)
{
    Console.WriteLine();
    Console.WriteLine("Scaling through the bulk path (0 ms; each size in its own process; peak working set = VmHWM of that process):");
    foreach (long rows in plan.Scale)
    {
        emulator.Reset(0);
        var s = ScaleChild.Spawn(rows, emulator.BaseAddress);
        s.EmulatorWorkingSet = emulator.WorkingSetBytes();
        results.Scale.Add(s);
        Console.WriteLine($"  {rows,10:N0} rows  {s.Seconds,8:0.00} s  {s.RowsPerSecond,9:N0} rows/s  {s.UsPerRow,6:0.00} us/row  peak WS {s.PeakWorkingSet / 1048576.0,7:0.0} MB  (after warm-up {s.BaselineWorkingSet / 1048576.0:0.0} MB, GC heap at end {s.HeapAtEnd / 1048576.0:0.0} MB, gen2 GCs {s.Gen2})");
    }
}

total.Stop();
results.TotalSeconds = total.Elapsed.TotalSeconds;
results.Load = $"{loadBefore} before, {Machine.LoadAverage()} after";
var report = Report.Build(results, plan, machine, command, quick);
Console.WriteLine();
Console.WriteLine(report.ConsoleTable);
if (write)
{
    string path = outFile ?? Path.Combine(Report.RepoRoot(), "BENCHMARKS.md");
    File.WriteAllText(path, report.Markdown + Report.KeptSection(path));
    Console.WriteLine($"Wrote {path}");
}
Console.WriteLine($"Total {total.Elapsed.TotalMinutes:0.0} min.");
return 0;
