using System.Globalization;
using System.Text;

namespace EsmsZalo.Benchmarks;

internal sealed record Target(string What, string Goal, string Measured, bool Met, string Note);

internal sealed class Report
{
    public string ConsoleTable { get; private init; } = "";
    public string Markdown { get; private init; } = "";

    public static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "EsmsZalo.sln"))) return d.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    private static string N(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string F(double v, string f) => v.ToString(f, CultureInfo.InvariantCulture);

    /// <summary>Marks the section Measure-Cmdlets.ps1 writes (figures measured in pwsh); a new report keeps it.</summary>
    public const string PwshBegin = "<!-- BEGIN Measure-Cmdlets.ps1 -->", PwshEnd = "<!-- END Measure-Cmdlets.ps1 -->";

    /// <summary>The pwsh section of the existing file, to append to the new report (empty when there is none).</summary>
    public static string KeptSection(string path)
    {
        if (!File.Exists(path)) return "";
        string old = File.ReadAllText(path);
        int start = old.IndexOf(PwshBegin, StringComparison.Ordinal), end = old.IndexOf(PwshEnd, StringComparison.Ordinal);
        return start >= 0 && end > start ? Environment.NewLine + old.Substring(start, end - start + PwshEnd.Length) + Environment.NewLine : "";
    }

    public static List<Target> Targets(Results r)
    {
        var t = new List<Target>();
        double Rate(string key) => r.Get(key)?.Median.RowsPerSecond ?? double.NaN;

        double core50 = Rate("bulk-core-50"), seq50 = Rate("bulk-seq-50"), core8 = Rate("bulk-core8-50"), core16 = Rate("bulk-core16-50");
        double ratio = core50 / seq50;
        t.Add(new Target("Bulk at 50 ms vs sequential hand-chunked", "≥ 8x", F(ratio, "0.0") + "x", ratio >= 8,
            ratio >= 8 ? "" :
            $"Not reachable with ThrottleLimit 4: at most 4 requests of 500 rows are in flight per 50 ms round trip, so the ceiling is 4 x 500 / 0.05 s = 40,000 rows/s against 10,000 rows/s for one request at a time, i.e. 4x. " +
            $"The same path with -ThrottleLimit 8 measured {N(core8)} rows/s = {F(core8 / seq50, "0.0")}x, and with -ThrottleLimit 16 {N(core16)} rows/s = {F(core16 / seq50, "0.0")}x " +
            "(there the two shared cores, not the network, set the pace). The default stays 4, as the issue sets it: eSMS limits requests per second (code 160), and a user raises it knowingly."));

        double core0 = Rate("bulk-core-0"), raw0 = Rate("bulk-raw-0");
        ratio = core0 / raw0;
        t.Add(new Target("Bulk at 0 ms vs raw HttpClient limit (4 in flight)", "≥ 80%", F(ratio * 100, "0") + "%", ratio >= 0.8,
            ratio >= 0.8 ? "" : $"At 0 ms nothing waits on the network: the emulator needs tens of µs of CPU per row and the two processes share 2 cores. The core spends {F(r.Get("bulk-core-0")?.Median.ClientCpuUsPerRow ?? 0, "0.0")} µs of client CPU per row " +
            $"(row checks, SHA-256 RequestId, repeat detection, JSON body, answer parsing, one result object per row, ordered hand-over) against {F(r.Get("bulk-raw-0")?.Median.ClientCpuUsPerRow ?? 0, "0.0")} µs for posting pre-built bodies, " +
            "and that CPU is taken from the emulator. With a real server (its CPU not on this machine) the 50 ms figures apply: there the core reached " +
            F(100 * Rate("bulk-core-50") / Rate("bulk-raw-50"), "0") + "% of the raw limit."));

        double s50 = Rate("single-core-50"), p50 = Rate("single-seq-50");
        ratio = s50 / p50;
        t.Add(new Target("Single at 50 ms, ThrottleLimit 16 vs sequential per-row", "≥ 12x", F(ratio, "0.0") + "x", ratio >= 12,
            ratio >= 12 ? "" : "16 in flight caps the gain at 16x; the rest is per-request overhead."));

        double us = r.Build.Microseconds + r.Parse.Microseconds, bytes = r.Build.Bytes + r.Parse.Bytes;
        t.Add(new Target("Bulk payload building + answer parsing, per row", "≤ 2 µs and ≤ 600 B",
            $"{F(us, "0.00")} µs, {F(bytes, "0")} B", us <= 2 && bytes <= 600, ""));

        var small = r.Scale.FirstOrDefault(s => s.Rows == 10_000);
        var big = r.Scale.FirstOrDefault(s => s.Rows == 1_000_000) ?? r.Scale.LastOrDefault();
        if (small != null && big != null && big != small)
        {
            double growth = (big.PeakWorkingSet - small.PeakWorkingSet) / 1048576.0;
            t.Add(new Target($"Peak working set, {N(big.Rows)} rows vs 10,000 rows", "≤ 64 MB above", $"+{F(growth, "0.0")} MB", growth <= 64,
                growth <= 64 ? "" : "See the scaling table."));
        }
        return t;
    }

    public static Report Build(Results r, Plan plan, string machine, string command, bool quick)
    {
        var targets = Targets(r);
        var console = new StringBuilder();
        console.AppendLine("Throughput (median):");
        console.AppendLine($"  {"Case",-57} {"Latency",7} {"Rows",9} {"Rows/s",10} {"Client CPU us/row",18}");
        foreach (var s in r.Series)
        {
            var m = s.Median;
            console.AppendLine($"  {s.Name,-57} {s.Latency,4} ms {m.Rows,9:N0} {m.RowsPerSecond,10:N0} {m.ClientCpuUsPerRow,18:0.0}{(s.Runs.All(x => x.AllAccepted) ? "" : "  (NOT all accepted)")}");
        }
        console.AppendLine();
        console.AppendLine("Targets:");
        foreach (var t in targets)
            console.AppendLine($"  [{(t.Met ? "met" : "NOT MET")}] {t.What}: {t.Measured} (goal {t.Goal}){(t.Note.Length > 0 ? "\n      " + t.Note : "")}");

        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine("Issue 4 asks how fast the module sends 100,000 ZNS reminders compared with what an admin writes by hand. " +
                      "Figures below come from one run of the benchmark console app against the eSMS emulator on 127.0.0.1.");
        md.AppendLine();
        md.AppendLine("```");
        md.AppendLine(command);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine($"- Machine: {machine}");
        md.AppendLine($"- Run: {(quick ? "quick (--quick: fewer rows, one repetition, scaling up to 100,000 rows)" : $"full, {plan.Reps} repetitions per case, median kept")}, {F(r.TotalSeconds / 60, "0.0")} min in all, {DateTime.UtcNow:yyyy-MM-dd} UTC");
        md.AppendLine("- Emulator: `EsmsZalo.Emulator.dll --port 0 --no-callbacks` in its own process (Server GC), reset before every measured case " +
                      "(so every RequestId is new and balances are full), latency set through `/_emulator/faults`. The benchmark process therefore measures the client alone; " +
                      "both processes share the same cores, as a client and a local server would.");
        md.AppendLine($"- Load average (1 / 5 / 15 min) during the run: {r.Load}. On a 2-core machine anything above ~2 means other processes " +
                      "(builds, test runs) shared the cores with the benchmark and the emulator; the figures then move from run to run, which is why each case is repeated " +
                      "and the CPU costs keep the fastest repetition.");
        md.AppendLine("- The benchmark is a console app (`tests/EsmsZalo.Benchmarks`), not a test project: `dotnet test` builds it but never runs it.");
        md.AppendLine();

        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| Target | Goal | Measured | Met |");
        md.AppendLine("|---|---|---|---|");
        foreach (var t in targets) md.AppendLine($"| {t.What} | {t.Goal} | {t.Measured} | {(t.Met ? "yes" : "**no**")} |");
        md.AppendLine();
        foreach (var t in targets.Where(t => !t.Met && t.Note.Length > 0)) md.AppendLine($"- **{t.What}** not met: {t.Note}");
        md.AppendLine();

        md.AppendLine("## Throughput");
        md.AppendLine();
        md.AppendLine("Rows per second, wall clock from the first row to the last result; median of the repetitions (range in brackets). " +
                      "Client CPU is the benchmark process's CPU time per row (user + kernel, all threads), so it excludes the emulator.");
        md.AppendLine();
        md.AppendLine("| Case | Latency | Rows | Rows/s | Client CPU µs/row |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var s in r.Series)
        {
            var m = s.Median;
            md.AppendLine($"| {s.Name}{(s.Runs.All(x => x.AllAccepted) ? "" : " (not all rows accepted)")} | {s.Latency} ms | {N(m.Rows)} | {N(m.RowsPerSecond)}{(s.Spread.Length > 0 ? " (" + s.Spread + ")" : "")} | {F(m.ClientCpuUsPerRow, "0.0")} |");
        }
        md.AppendLine();
        md.AppendLine("What each case does:");
        md.AppendLine();
        md.AppendLine("- **Core SendSession**: what `Send-EsmsZnsBulk` / `Send-EsmsZns` do under the cmdlet: a `MessageRow` per CSV row given to `SendSession.Add` one by one, " +
                      "`TakeReady` drained after every `Add`, `Complete` at the end. Includes every row check, the derived SHA-256 RequestId, repeat detection, the JSON body, " +
                      "the answer parsing and one `SendResult` per row.");
        md.AppendLine("- **Sequential hand-chunked**: an admin's loop in C#: 500 rows per request, one request at a time, the body built from objects with `JsonSerializer`, " +
                      "the answer read into a `JsonDocument` (the C# equivalent of `ConvertTo-Json` + `Invoke-RestMethod`, without PowerShell's own overhead, so a stricter baseline than the issue's PowerShell figures).");
        md.AppendLine("- **Raw HttpClient limit**: the bodies built before the clock starts, posted by 4 concurrent workers, answers read but not parsed: the most 4 connections can carry.");
        md.AppendLine("- **Sequential per-row loop**: one V5 request per row, one after the other (the issue's per-row `Invoke-RestMethod` loop).");
        md.AppendLine();
        md.AppendLine("For comparison, the issue's PowerShell figures (50 ms server): per-row loop ~18 rows/s; hand-chunked by 500 ~8,400 rows/s; " +
                      "hand-chunked at 0 ms ~32,000 rows/s; `Import-Csv | Measure-Object` ~170,000 rows/s.");
        md.AppendLine();

        md.AppendLine("## CPU cost per row");
        md.AppendLine();
        md.AppendLine("One thread, no I/O, after warm-up; the fastest of 9 repetitions. Bytes are managed allocations (`GC.GetAllocatedBytesForCurrentThread`).");
        md.AppendLine();
        md.AppendLine("| Operation | Size | µs per row | Bytes per row |");
        md.AppendLine("|---|---|---:|---:|");
        md.AppendLine($"| `ZnsBulkPayload.Write`, 500 rows (4 Vietnamese values, 42-char RequestIds) | {N(r.BuildBytes)} B body | {F(r.Build.Microseconds, "0.000")} | {F(r.Build.Bytes, "0")} |");
        md.AppendLine($"| `SendAnswerParser.Parse`, real 500-detail answer from the emulator | {N(r.AnswerBytes)} B answer | {F(r.Parse.Microseconds, "0.000")} | {F(r.Parse.Bytes, "0")} |");
        md.AppendLine($"| **Build + parse** | | **{F(r.Build.Microseconds + r.Parse.Microseconds, "0.000")}** | **{F(r.Build.Bytes + r.Parse.Bytes, "0")}** |");
        md.AppendLine($"| Whole core bulk path (`SendSession`, ThrottleLimit 4), in-memory transport: CPU of all threads, all allocations incl. the benchmark's own rows (~580 B) | 100,000 rows | {F(r.Session.Microseconds, "0.00")} | {F(r.Session.Bytes, "0")} |");
        md.AppendLine($"| `SmsMultiXmlPayload.Write`, 5,000 numbers (per number) | {N(r.SmsXmlBytes)} B body | {F(r.SmsXml.Microseconds, "0.000")} | {F(r.SmsXml.Bytes, "0")} |");
        md.AppendLine();
        md.AppendLine($"Body fingerprints (first 16 hex digits of SHA-256; unchanged by the optimisations): bulk `{r.BuildHash}`, SMS XML `{r.SmsXmlHash}`.");
        md.AppendLine();

        if (r.Scale.Count > 0)
        {
            md.AppendLine("## Scaling through the bulk path");
            md.AppendLine();
            md.AppendLine("0 ms latency, ThrottleLimit 4, 500 rows per request. Each size runs in a fresh process (the benchmark starts itself with `--scale-child`) after a 5,000-row warm-up, " +
                          "so the peak working set (`Process.PeakWorkingSet64`, VmHWM) is that size's own. The emulator runs in its separate process and is not counted.");
            md.AppendLine();
            md.AppendLine("| Rows | Time | Rows/s | µs per row (wall) | Client CPU µs/row | Peak working set | Working set after warm-up | GC heap at end | Gen2 GCs |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in r.Scale)
                md.AppendLine($"| {N(s.Rows)}{(s.AllAccepted ? "" : " (not all accepted)")} | {F(s.Seconds, "0.00")} s | {N(s.RowsPerSecond)} | {F(s.UsPerRow, "0.00")} | {F(s.ClientCpuSeconds * 1e6 / s.Rows, "0.0")} | {F(s.PeakWorkingSet / 1048576.0, "0.0")} MB | {F(s.BaselineWorkingSet / 1048576.0, "0.0")} MB | {F(s.HeapAtEnd / 1048576.0, "0.0")} MB | {s.Gen2} |");
            md.AppendLine();
            md.AppendLine("What still grows with the input: the run's repeat detection keeps one 64-bit fingerprint per RequestId (`HashSet<ulong>`, about 20 bytes a row once sized, " +
                          "so about 20-40 MB at 1,000,000 rows counting the set's resize), which is what lets the module refuse a repeated row anywhere in the input. Everything else is bounded by " +
                          "ThrottleLimit x BatchSize rows in flight.");
            md.AppendLine();
        }
        return new Report { ConsoleTable = console.ToString(), Markdown = md.ToString() };
    }
}
