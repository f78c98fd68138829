using System.Globalization;
using System.Runtime.InteropServices;

namespace EsmsZalo.Benchmarks;

internal sealed record Plan(int Reps, long Bulk0, long Seq0, long Raw0, long Bulk50, long Seq50, long Single0, long SingleSeq0, long Single50, long SingleSeq50,
    int CpuIterations, long[] Scale);

internal readonly record struct Measurement(long Rows, double Seconds, double ClientCpuUsPerRow, bool AllAccepted)
{
    public double RowsPerSecond => Rows / Seconds;
}

internal sealed class Series(string key, string name, int latency)
{
    public string Key { get; } = key;
    public string Name { get; } = name;
    public int Latency { get; } = latency;
    public List<Measurement> Runs { get; } = new();

    public Measurement Median
    {
        get
        {
            var sorted = Runs.OrderBy(r => r.RowsPerSecond).ToList();
            return sorted[sorted.Count / 2];
        }
    }

    public string Spread => Runs.Count < 2 ? "" : $"{Runs.Min(r => r.RowsPerSecond):N0}–{Runs.Max(r => r.RowsPerSecond):N0}";
}

internal sealed class ScaleResult
{
    public long Rows;
    public double Seconds;
    public long PeakWorkingSet;
    public long BaselineWorkingSet;
    public long HeapAtEnd;
    public int Gen2;
    public double ClientCpuSeconds;
    public long EmulatorWorkingSet;
    public bool AllAccepted;
    public double RowsPerSecond => Rows / Seconds;
    public double UsPerRow => Seconds * 1e6 / Rows;
}

internal sealed class Results
{
    public CostPerItem Build, Parse, SmsXml, Session;
    public int BuildBytes, AnswerBytes, SmsXmlBytes;
    public string BuildHash = "", SmsXmlHash = "";
    public List<Series> Series { get; } = new();
    public List<ScaleResult> Scale { get; } = new();
    public double TotalSeconds;
    public string Load = "";

    public Series? Get(string key) => Series.FirstOrDefault(s => s.Key == key);
}

internal static class Machine
{
    /// <summary>1, 5 and 15-minute load averages (Linux), to show how busy the machine was.</summary>
    public static string LoadAverage()
    {
        try { return string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    public static string Describe()
    {
        string cpu = "";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "";
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        long ram = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line != null) ram = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return string.Format(CultureInfo.InvariantCulture, "{0} logical cores{1}, {2:0.0} GB RAM, {3} {4}, {5}",
            Environment.ProcessorCount, cpu.Length > 0 ? " (" + cpu + ")" : "", ram / 1073741824.0,
            RuntimeInformation.OSDescription.Trim(), RuntimeInformation.OSArchitecture, RuntimeInformation.FrameworkDescription);
    }
}
