namespace EsmsZalo.Emulator;

/// <summary>
/// Fault knobs. Thread-safe; a change takes effect on the next API request.
/// Rates are fractions between 0 and 1 (clamped). They are drawn in this order for each API request
/// (after the latency): DropConnection, Http5xx, Http429, Code160, HtmlError, InvalidRequest; the first hit wins.
/// LostAfterAccept and ShortDetail are drawn after processing.
/// </summary>
public sealed class EmulatorFaults
{
    private int _latencyMs;
    private double _http5xx, _http429, _drop, _lost, _code160, _html, _invalid, _shortDetail;

    /// <summary>Milliseconds added before answering every API request.</summary>
    public int LatencyMs { get => Volatile.Read(ref _latencyMs); set => Volatile.Write(ref _latencyMs, Math.Max(0, value)); }

    /// <summary>Answer 500/502/503 (random) without processing.</summary>
    public double Http5xxRate { get => Volatile.Read(ref _http5xx); set => Volatile.Write(ref _http5xx, Clamp(value)); }

    /// <summary>Answer 429 with Retry-After: 1 without processing.</summary>
    public double Http429Rate { get => Volatile.Read(ref _http429); set => Volatile.Write(ref _http429, Clamp(value)); }

    /// <summary>Abort the connection without processing.</summary>
    public double DropConnectionRate { get => Volatile.Read(ref _drop); set => Volatile.Write(ref _drop, Clamp(value)); }

    /// <summary>Process and record the request fully, then abort the connection instead of answering.</summary>
    public double LostAfterAcceptRate { get => Volatile.Read(ref _lost); set => Volatile.Write(ref _lost, Clamp(value)); }

    /// <summary>Answer {"CodeResult":"160","ErrorMessage":"Exceed TPS"} without processing.</summary>
    public double Code160Rate { get => Volatile.Read(ref _code160); set => Volatile.Write(ref _code160, Clamp(value)); }

    /// <summary>Answer 200 text/html "Service Unavailable" page without processing.</summary>
    public double HtmlErrorRate { get => Volatile.Read(ref _html); set => Volatile.Write(ref _html, Clamp(value)); }

    /// <summary>Answer {"error":"Invalid request"} without processing.</summary>
    public double InvalidRequestRate { get => Volatile.Read(ref _invalid); set => Volatile.Write(ref _invalid, Clamp(value)); }

    /// <summary>Bulk only: process all items, but the answer's detail array omits the last item.</summary>
    public double ShortDetailRate { get => Volatile.Read(ref _shortDetail); set => Volatile.Write(ref _shortDetail, Clamp(value)); }

    /// <summary>Sets every knob to zero.</summary>
    public void Reset()
    {
        LatencyMs = 0;
        Http5xxRate = 0;
        Http429Rate = 0;
        DropConnectionRate = 0;
        LostAfterAcceptRate = 0;
        Code160Rate = 0;
        HtmlErrorRate = 0;
        InvalidRequestRate = 0;
        ShortDetailRate = 0;
    }

    private static double Clamp(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
}
