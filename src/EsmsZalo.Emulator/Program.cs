using System.Globalization;
using System.Runtime.InteropServices;
using EsmsZalo.Emulator;

// dotnet run --project src/EsmsZalo.Emulator -- [--port 5080] [--latency-ms 50] [--fault-5xx 0.2] [--fault-drop 0.05]
//   [--fault-lost 0.1] [--fault-160 0.05] [--fault-429 0] [--fault-html 0] [--fault-invalid 0] [--fault-short-detail 0]
//   [--seed 1] [--callback-delay-ms 2000] [--callback-failure 0] [--no-callbacks] [--log]

var options = EmulatorOptions.Demo();
options.Port = 5080;
var faults = new EmulatorFaults();

try
{
    for (var i = 0; i < args.Length; i++)
    {
        var arg = args[i];
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
        int NextInt() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
        double NextRate()
        {
            var v = double.Parse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture);
            return v is >= 0 and <= 1 ? v : throw new ArgumentException($"{arg} must be between 0 and 1.");
        }

        switch (arg.ToLowerInvariant())
        {
            case "--port": options.Port = NextInt(); break;
            case "--latency-ms": faults.LatencyMs = NextInt(); break;
            case "--fault-5xx": faults.Http5xxRate = NextRate(); break;
            case "--fault-drop": faults.DropConnectionRate = NextRate(); break;
            case "--fault-lost": faults.LostAfterAcceptRate = NextRate(); break;
            case "--fault-160": faults.Code160Rate = NextRate(); break;
            case "--fault-429": faults.Http429Rate = NextRate(); break;
            case "--fault-html": faults.HtmlErrorRate = NextRate(); break;
            case "--fault-invalid": faults.InvalidRequestRate = NextRate(); break;
            case "--fault-short-detail": faults.ShortDetailRate = NextRate(); break;
            case "--seed": options.RandomSeed = NextInt(); break;
            case "--callback-delay-ms": options.CallbackDelay = TimeSpan.FromMilliseconds(NextInt()); break;
            case "--callback-failure": options.CallbackFailureRate = NextRate(); break;
            case "--no-callbacks": options.SendCallbacks = false; break;
            case "--log": options.EnableLogging = true; break;
            case "-h" or "--help" or "-?":
                PrintUsage();
                return 0;
            default:
                throw new ArgumentException($"Unknown option {arg}.");
        }
    }
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    PrintUsage();
    return 2;
}

EsmsEmulator emulator;
try
{
    emulator = await EsmsEmulator.StartAsync(options);
}
catch (IOException ex)
{
    Console.Error.WriteLine($"Cannot listen on 127.0.0.1:{options.Port}: {ex.Message}");
    Console.Error.WriteLine("Is another emulator running? Pick another port with --port, or --port 0 for a free one.");
    return 1;
}

emulator.Faults.LatencyMs = faults.LatencyMs;
emulator.Faults.Http5xxRate = faults.Http5xxRate;
emulator.Faults.Http429Rate = faults.Http429Rate;
emulator.Faults.DropConnectionRate = faults.DropConnectionRate;
emulator.Faults.LostAfterAcceptRate = faults.LostAfterAcceptRate;
emulator.Faults.Code160Rate = faults.Code160Rate;
emulator.Faults.HtmlErrorRate = faults.HtmlErrorRate;
emulator.Faults.InvalidRequestRate = faults.InvalidRequestRate;
emulator.Faults.ShortDetailRate = faults.ShortDetailRate;

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
{
    ctx.Cancel = true;
    stop.TrySetResult();
});

var account = options.Accounts[0];
var f = emulator.Faults;
Console.WriteLine($"""
    eSMS emulator listening (127.0.0.1 only)
      Base address : {emulator.BaseAddress}
      ApiKey       : {account.ApiKey}      (demo value)
      SecretKey    : {account.SecretKey}   (demo value)
      Balance      : {account.Balance.ToString("N0", CultureInfo.InvariantCulture)} VND, UserID {account.UserID}
      Zalo OA      : {EmulatorOptions.DemoOaId} "Salon Demo" (active), {EmulatorOptions.DemoInactiveOaId} (inactive: 799)
      Templates    : 267247 Nhắc lịch hẹn (4 params), 267248 journey (2 params), 267249 OTP (1 param)
      Brandnames   : Baotrixemay (customer care, SMSTYPE 2), ESMS.VN (advertising, SMSTYPE 1)
      Callbacks    : {(options.SendCallbacks ? $"GET after {options.CallbackDelay.TotalMilliseconds:0} ms, loopback URLs only" : "off")}
      Faults       : latency {f.LatencyMs} ms, 5xx {f.Http5xxRate}, 429 {f.Http429Rate}, drop {f.DropConnectionRate}, lost {f.LostAfterAcceptRate}, 160 {f.Code160Rate}{(options.RandomSeed is { } s ? $", seed {s}" : "")}
      Control      : {emulator.RootAddress}_emulator/messages | stats | faults | reset
    Press Ctrl+C to stop.
    """);

await stop.Task;
Console.WriteLine("Stopping...");
await emulator.DisposeAsync();
return 0;

static void PrintUsage() => Console.WriteLine("""
    Usage: dotnet run --project src/EsmsZalo.Emulator -- [options]
      --port N                 port on 127.0.0.1 (default 5080, 0 = any free port)
      --latency-ms N           delay added to every API answer
      --fault-5xx R            fraction answered 500/502/503
      --fault-429 R            fraction answered 429 (Retry-After: 1)
      --fault-drop R           fraction whose connection is dropped before processing
      --fault-lost R           fraction processed and recorded, then the connection dropped
      --fault-160 R            fraction answered CodeResult 160 (Exceed TPS)
      --fault-html R           fraction answered with an HTML error page
      --fault-invalid R        fraction answered {"error":"Invalid request"}
      --fault-short-detail R   fraction of bulk answers missing their last detail
      --seed N                 seed the fault draws
      --callback-delay-ms N    delay before the delivery callback (default 2000)
      --callback-failure R     fraction of messages reported failed (-114)
      --no-callbacks           never call CallbackUrl
      --log                    ASP.NET Core console logging
    """);
