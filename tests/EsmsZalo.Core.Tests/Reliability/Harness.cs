using System.Collections.Concurrent;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Journal;
using EsmsZalo.Core.Resilience;
using EsmsZalo.Core.Sending;
using EsmsZalo.Emulator;

namespace EsmsZalo.Core.Tests.Reliability;

/// <summary>Shared plumbing of the reliability suites: emulator start, row builders, a session driver.</summary>
internal static class Harness
{
    public const string Key = EmulatorOptions.DemoApiKey;
    public const string Secret = EmulatorOptions.DemoSecretKey;
    public const string Oa = EmulatorOptions.DemoOaId;
    public const string Template = EmulatorOptions.DemoAppointmentTemplateId;
    public const string JourneyTemplate = EmulatorOptions.DemoJourneyTemplateId;
    public const string Brandname = "Baotrixemay";

    public static EsmsCredential Credential => new(Key, Secret, "reliability tests");

    public static Task<EsmsEmulator> StartAsync(int seed = 4242, TimeProvider? time = null)
    {
        var options = EmulatorOptions.Demo();
        options.RandomSeed = seed;
        options.SendCallbacks = false;
        if (time != null) options.TimeProvider = time;
        return EsmsEmulator.StartAsync(options);
    }

    public static EsmsClient Client(EsmsEmulator emulator) => new(emulator.BaseAddress, Credential);

    /// <summary>Retries fast and often enough that every fault profile completes.</summary>
    public static RetryOptions FastRetry(int max = 12) => new()
    {
        MaximumRetryCount = max,
        RetryInterval = TimeSpan.FromMilliseconds(5),
        MaximumDelay = TimeSpan.FromMilliseconds(40),
        Timeout = TimeSpan.FromSeconds(20),
    };

    /// <summary>A phone unique to <paramref name="i"/> (0 ≤ i &lt; 10,000,000).</summary>
    public static string Phone(int i) => "09" + (10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static MessageRow Row(MessageKind kind, int i, string? requestId = null) => kind switch
    {
        MessageKind.Zns => new MessageRow
        {
            Phone = Phone(i), OAID = Oa, TemplateId = Template, RequestId = requestId,
            TemplateData = new[]
            {
                new KeyValuePair<string, object?>("customer_name", "Khách " + i),
                new KeyValuePair<string, object?>("service", "Cắt tóc"),
                new KeyValuePair<string, object?>("customer_code", "KH" + i),
                new KeyValuePair<string, object?>("appointment_date", "19/03/2025"),
            },
        },
        MessageKind.ZnsBulk => new MessageRow
        {
            Phone = Phone(i), OAID = Oa, TemplateId = Template, RequestId = requestId,
            Params = new object?[] { "Khách " + i, "Cắt tóc", "KH" + i, "19/03/2025" },
            ParamNames = new[] { "customer_name", "service", "customer_code", "appointment_date" },
        },
        MessageKind.Journey => new MessageRow
        {
            Phone = Phone(i), OAID = Oa, TemplateId = JourneyTemplate, RequestId = requestId, OrderId = "DH" + i,
            Params = new object?[] { "DH" + i, "Đang giao" },
            ParamNames = new[] { "order_code", "order_status" },
        },
        MessageKind.SmsMulti => new MessageRow
        {
            Phone = Phone(i), Brandname = Brandname, Content = "Baotrixemay: nhac lich hen ngay mai", SmsType = "CustomerCare", RequestId = requestId,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public sealed class RunOutcome
    {
        public List<SendResult> Results { get; } = new();
        public List<string> Verbose { get; } = new();
        public List<string> Warnings { get; } = new();
        public Exception? Exception { get; set; }
        public SendProgress? Progress { get; set; }
        public int Count(SendStatus s) => Results.Count(r => r.Status == s);
    }

    /// <summary>Drives a session the way the cmdlet does: Add + TakeReady per row, then Complete.</summary>
    public static RunOutcome Run(MessageKind kind, EsmsClient client, IEnumerable<MessageRow> rows, SendOptions options,
        Action<SendSession>? onStart = null)
    {
        var outcome = new RunOutcome();
        using var session = new SendSession(kind, client, options);
        outcome.Progress = session.Progress;
        onStart?.Invoke(session);
        try
        {
            foreach (var row in rows)
            {
                session.Add(row);
                outcome.Results.AddRange(session.TakeReady());
                Drain(session, outcome);
            }
            foreach (var r in session.Complete())
            {
                outcome.Results.Add(r);
                Drain(session, outcome);
            }
        }
        catch (Exception ex)
        {
            outcome.Exception = ex;
            outcome.Results.AddRange(session.TakeReady());
        }
        Drain(session, outcome);
        return outcome;
    }

    private static void Drain(SendSession session, RunOutcome outcome)
    {
        while (session.TryTakeVerbose(out var m)) outcome.Verbose.Add(m);
        while (session.TryTakeWarning(out var w)) outcome.Warnings.Add(w);
    }

    public static string TempFile(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "esmszalo-reliability", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    /// <summary>Messages the emulator accepted more than once: a RequestId twice (an SMS RequestId covers
    /// many phones, so SMS counts a RequestId and phone pair), or a phone twice.</summary>
    public static List<string> Repeated(EsmsEmulator emulator)
    {
        var accepted = emulator.State.Accepted;
        return accepted.GroupBy(m => m.RequestId + "|" + m.Phone).Where(g => g.Count() > 1).Select(g => g.Key)
            .Concat(accepted.GroupBy(m => m.Phone).Where(g => g.Count() > 1).Select(g => "phone " + g.Key)).ToList();
    }
}

/// <summary>A TimeProvider the test moves by hand.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>Figures the fault suite measures, gathered for the README's reliability section.</summary>
internal static class Figures
{
    private static readonly ConcurrentQueue<string> Lines = new();
    public static readonly string FilePath = Path.Combine(Path.GetTempPath(), "esmszalo-reliability-figures.md");

    public static void Add(string line)
    {
        Lines.Enqueue(line);
        try { File.AppendAllText(FilePath, line + Environment.NewLine); } catch (IOException) { }
    }
}
