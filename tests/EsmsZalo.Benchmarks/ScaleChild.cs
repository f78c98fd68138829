using System.Diagnostics;
using System.Globalization;

namespace EsmsZalo.Benchmarks;

/// <summary>
/// One scaling run in a fresh process: the benchmark starts itself with --scale-child, so each
/// size's peak working set (VmHWM on Linux) belongs to that size alone.
/// </summary>
internal static class ScaleChild
{
    private const string Marker = "SCALE ";

    public static ScaleResult Spawn(long rows, Uri baseAddress)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        // Under "dotnet run" the process is the apphost; under "dotnet x.dll" it is dotnet itself.
        if (Path.GetFileNameWithoutExtension(psi.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            psi.ArgumentList.Add(typeof(ScaleChild).Assembly.Location);
        psi.ArgumentList.Add("--scale-child");
        psi.ArgumentList.Add(rows.ToString(CultureInfo.InvariantCulture));
        psi.ArgumentList.Add(baseAddress.ToString());
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("Could not start the scaling run.");
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal))
                   ?? throw new InvalidOperationException("The scaling run printed no result:\n" + output);
        var f = line[Marker.Length..].Trim().Split(' ');
        return new ScaleResult
        {
            Rows = long.Parse(f[0], CultureInfo.InvariantCulture),
            Seconds = double.Parse(f[1], CultureInfo.InvariantCulture),
            PeakWorkingSet = long.Parse(f[2], CultureInfo.InvariantCulture),
            BaselineWorkingSet = long.Parse(f[3], CultureInfo.InvariantCulture),
            HeapAtEnd = long.Parse(f[4], CultureInfo.InvariantCulture),
            Gen2 = int.Parse(f[5], CultureInfo.InvariantCulture),
            ClientCpuSeconds = double.Parse(f[6], CultureInfo.InvariantCulture),
            AllAccepted = f[7] == "1",
        };
    }

    public static int Run(long rows, Uri baseAddress)
    {
        var client = Workloads.NewEsmsClient(baseAddress);
        // Warm-up in the same process (JIT, connections), with other messages than the measured ones.
        Workloads.CoreBulk(client, 999, 5_000, 4, 500);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var proc = Process.GetCurrentProcess();
        proc.Refresh();
        long baseline = proc.WorkingSet64;
        int gen2 = GC.CollectionCount(2);
        var cpu0 = proc.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long accepted = Workloads.CoreBulk(client, 998, rows, 4, 500);
        sw.Stop();
        proc.Refresh();
        var cpu = proc.TotalProcessorTime - cpu0;
        long heap = GC.GetTotalMemory(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Marker}{rows} {sw.Elapsed.TotalSeconds:0.000000} {proc.PeakWorkingSet64} {baseline} {heap} {GC.CollectionCount(2) - gen2} {cpu.TotalSeconds:0.000} {(accepted == rows ? 1 : 0)}"));
        return 0;
    }
}
