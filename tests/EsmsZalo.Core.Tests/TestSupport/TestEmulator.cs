using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Resilience;
using EsmsZalo.Core.Sending;
using EsmsZalo.Emulator;
using Xunit;

namespace EsmsZalo.Core.Tests.TestSupport;

/// <summary>The demo account's values, as the emulator knows them.</summary>
public static class Demo
{
    public const string ApiKey = EmulatorOptions.DemoApiKey;
    public const string SecretKey = EmulatorOptions.DemoSecretKey;
    public const string OAID = EmulatorOptions.DemoOaId;
    /// <summary>Appointment template: customer_name, service, customer_code, appointment_date.</summary>
    public const string AppointmentTemplate = EmulatorOptions.DemoAppointmentTemplateId;
    /// <summary>Journey template: order_code, order_status.</summary>
    public const string JourneyTemplate = EmulatorOptions.DemoJourneyTemplateId;
    public const string Brandname = "Baotrixemay";

    public static EsmsCredential Credential => new(ApiKey, SecretKey, "test");
}

/// <summary>
/// Starts an emulator on 127.0.0.1 (free port) with callbacks off, and builds clients and
/// sessions pointed at it over real HTTP. One instance per test keeps tests independent.
/// </summary>
public sealed class TestEmulator : IAsyncDisposable
{
    private TestEmulator(EsmsEmulator emulator) => Emulator = emulator;

    public EsmsEmulator Emulator { get; }
    public EmulatorState State => Emulator.State;
    public EmulatorFaults Faults => Emulator.Faults;

    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = EmulatorOptions.Demo();
        options.SendCallbacks = false;
        options.RandomSeed = 7;
        configure?.Invoke(options);
        return new TestEmulator(await EsmsEmulator.StartAsync(options));
    }

    public EsmsClient Client(string apiKey = Demo.ApiKey, string secretKey = Demo.SecretKey)
        => new(Emulator.BaseAddress, new EsmsCredential(apiKey, secretKey, "test"));

    /// <summary>Options that keep retries short so a test never waits seconds.</summary>
    public static SendOptions FastOptions(int throttle = 4, int? batchSize = null) => new()
    {
        ThrottleLimit = throttle,
        BatchSize = batchSize,
        Retry = new RetryOptions
        {
            MaximumRetryCount = 2,
            RetryInterval = TimeSpan.FromMilliseconds(10),
            MaximumDelay = TimeSpan.FromMilliseconds(50),
            Timeout = TimeSpan.FromSeconds(20),
        },
    };

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}

/// <summary>Drives a <see cref="SendSession"/> the way the cmdlets do, off the test's synchronisation context.</summary>
public static class SessionRunner
{
    public static Task<List<SendResult>> RunAsync(SendSession session, IEnumerable<MessageRow> rows)
        => Task.Run(() =>
        {
            var results = new List<SendResult>();
            foreach (var row in rows)
            {
                session.Add(row);
                results.AddRange(session.TakeReady());
            }
            results.AddRange(session.Complete());
            return results;
        });

    public static async Task<List<SendResult>> RunAsync(MessageKind kind, EsmsClient client, SendOptions options, IEnumerable<MessageRow> rows)
    {
        using var session = new SendSession(kind, client, options);
        var run = RunAsync(session, rows);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == run, "the send session did not finish within 60 s");
        return await run;
    }

    /// <summary>Distinct valid Vietnamese mobile numbers (10 digits, 09...).</summary>
    public static string Phone(int i) => "09" + (10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
