using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EsmsZalo.Benchmarks;

/// <summary>
/// The eSMS emulator in its own process (dotnet EsmsZalo.Emulator.dll --port 0 --no-callbacks), on
/// 127.0.0.1 only. Out of process so that the benchmark's working set and GC measure the client
/// alone: the emulator keeps every accepted message and its last 1,000 raw bodies.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _control = new() { Timeout = TimeSpan.FromSeconds(30) };

    private EmulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        RootAddress = new Uri(baseAddress, "/");
    }

    /// <summary>http://127.0.0.1:N/MainService.svc/json/</summary>
    public Uri BaseAddress { get; }
    public Uri RootAddress { get; }
    public int ProcessId => _process.Id;

    public static EmulatorProcess Start()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "EsmsZalo.Emulator.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("The emulator is not next to the benchmark; build the benchmark project.", dll);
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--port");
        psi.ArgumentList.Add("0");
        psi.ArgumentList.Add("--no-callbacks");
        var p = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start.");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var seen = new StringBuilder();
        while (DateTime.UtcNow < deadline)
        {
            string? line = p.StandardOutput.ReadLine();
            if (line == null) break;
            seen.AppendLine(line);
            int at = line.IndexOf("Base address :", StringComparison.Ordinal);
            if (at >= 0)
            {
                var uri = new Uri(line[(at + "Base address :".Length)..].Trim());
                // Keep draining stdout/stderr so the child never blocks on a full pipe.
                _ = Task.Run(() => p.StandardOutput.ReadToEnd());
                _ = Task.Run(() => p.StandardError.ReadToEnd());
                return new EmulatorProcess(p, uri);
            }
        }
        try { p.Kill(); } catch (InvalidOperationException) { }
        throw new InvalidOperationException("The emulator did not report its address:\n" + seen + p.StandardError.ReadToEnd());
    }

    /// <summary>Forgets every message and RequestId (balances restored), then sets the latency.</summary>
    public void Reset(int latencyMs)
    {
        Post("_emulator/reset", "{}");
        Post("_emulator/faults", "{\"LatencyMs\":" + latencyMs + "}");
    }

    public int AcceptedCount()
    {
        var json = _control.GetStringAsync(new Uri(RootAddress, "_emulator/stats")).GetAwaiter().GetResult();
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("AcceptedCount").GetInt32();
    }

    public long WorkingSetBytes()
    {
        try { _process.Refresh(); return _process.WorkingSet64; } catch (InvalidOperationException) { return 0; }
    }

    private void Post(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var r = _control.PostAsync(new Uri(RootAddress, path), content).GetAwaiter().GetResult();
        r.EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        _control.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
