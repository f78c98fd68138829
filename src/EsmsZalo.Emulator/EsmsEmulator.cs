using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using System.Text.Json;
using EsmsZalo.Emulator.Internal;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EsmsZalo.Emulator;

/// <summary>
/// A local emulator of the eSMS.vn REST API (<c>/MainService.svc/json/...</c>), bound to 127.0.0.1 only.
/// Start with <see cref="StartAsync"/>; dispose to stop.
/// </summary>
public sealed partial class EsmsEmulator : IAsyncDisposable
{
    private const string ServicePrefix = "MainService.svc";

    private readonly Random _random;
    private readonly object _randomLock = new();
    private readonly Dictionary<string, Endpoint> _endpoints;
    private readonly CallbackDispatcher _callbacks;
    private WebApplication? _app;
    private int _disposed;

    private EsmsEmulator(EmulatorOptions options)
    {
        Options = options;
        Faults = new EmulatorFaults();
        State = new EmulatorState(options);
        _random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
        _endpoints = BuildEndpoints();
        _callbacks = new CallbackDispatcher(this);
    }

    /// <summary>e.g. http://127.0.0.1:53211/MainService.svc/json/ (ends with a slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>e.g. http://127.0.0.1:53211/</summary>
    public Uri RootAddress { get; private set; } = null!;

    public EmulatorFaults Faults { get; }
    public EmulatorState State { get; }
    public EmulatorOptions Options { get; }

    /// <summary>Starts the emulator on http://127.0.0.1:{options.Port} (0 = a free port) and returns once it listens.</summary>
    public static async Task<EsmsEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        if (options.Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(options), "Port must be between 0 and 65535.");

        var emulator = new EsmsEmulator(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = Array.Empty<string>(),
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        if (options.EnableLogging) builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // The host must not take over Ctrl+C / SIGTERM: several emulators may live in one test process,
        // and Program.cs handles the signals itself.
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            k.Listen(IPAddress.Loopback, options.Port);
        });

        var app = builder.Build();
        app.Run(emulator.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        emulator._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        emulator.RootAddress = new Uri($"http://127.0.0.1:{port}/");
        emulator.BaseAddress = new Uri(emulator.RootAddress, "MainService.svc/json/");
        emulator._callbacks.Start();
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _callbacks.DisposeAsync().ConfigureAwait(false);
        if (_app is { } app)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await app.StopAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    // ---- request pipeline ----------------------------------------------------------------------

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries); // also collapses "//"

        if (segments.Length >= 1 && segments[0].Equals("_emulator", StringComparison.OrdinalIgnoreCase))
        {
            await HandleControlAsync(context, segments).ConfigureAwait(false);
            return;
        }

        if (!TryResolve(segments, out var endpoint, out var pathArgs, out var unknownName))
        {
            if (unknownName is not null) State.CountRequest(unknownName);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Endpoint not found.").ConfigureAwait(false);
            return;
        }

        State.CountRequest(endpoint.Name);
        var (body, length) = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        try
        {
            State.AddRaw(DescribeRaw(context.Request, body, length));

            var latency = Faults.LatencyMs;
            if (latency > 0)
            {
                try
                {
                    await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (await TryInjectFaultAsync(context).ConfigureAwait(false)) return;

            var isGet = HttpMethods.IsGet(context.Request.Method);
            if (!endpoint.AllowGet && isGet || !endpoint.AllowPost && HttpMethods.IsPost(context.Request.Method)
                || !isGet && !HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }

            var request = new ApiRequest(context, endpoint.Name, body, length, pathArgs)
            {
                ShortDetail = Roll(Faults.ShortDetailRate),
            };
            var reply = new Reply();
            Process(endpoint, request, reply);

            if (Roll(Faults.LostAfterAcceptRate))
            {
                context.Abort();
                return;
            }

            await WriteReplyAsync(context, reply).ConfigureAwait(false);
        }
        finally
        {
            if (body.Length > 0) ArrayPool<byte>.Shared.Return(body);
        }
    }

    private void Process(Endpoint endpoint, ApiRequest request, Reply reply)
    {
        try
        {
            if (endpoint.Body == BodyKind.Json)
            {
                var span = request.BodySpan;
                if (span.StartsWith("\uFEFF"u8)) span = span[3..];
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(request.Body.AsMemory(request.Length - span.Length, span.Length), Json.DocumentOptions);
                }
                catch (JsonException)
                {
                    reply.InvalidRequest();
                    return;
                }
                using (document)
                {
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        reply.InvalidRequest();
                        return;
                    }
                    request.Root = document.RootElement;
                    endpoint.Handler(request, reply);
                }
            }
            else
            {
                endpoint.Handler(request, reply);
            }
        }
        catch (InvalidRequestException)
        {
            reply.InvalidRequest();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or System.Xml.XmlException)
        {
            reply.InvalidRequest();
        }
        finally
        {
            reply.Flush();
        }
    }

    private async Task<bool> TryInjectFaultAsync(HttpContext context)
    {
        var f = Faults;
        if (Roll(f.DropConnectionRate))
        {
            context.Abort();
            return true;
        }
        if (Roll(f.Http5xxRate))
        {
            int status;
            lock (_randomLock) status = _random.Next(3) switch { 0 => 500, 1 => 502, _ => 503 };
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(status switch
            {
                500 => "Internal Server Error",
                502 => "Bad Gateway",
                _ => "Service Unavailable",
            }).ConfigureAwait(false);
            return true;
        }
        if (Roll(f.Http429Rate))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Too Many Requests").ConfigureAwait(false);
            return true;
        }
        if (Roll(f.Code160Rate))
        {
            var reply = new Reply();
            var w = reply.Json;
            w.WriteStartObject();
            w.WriteString("CodeResult", "160");
            w.WriteString("ErrorMessage", "Exceed TPS");
            w.WriteEndObject();
            reply.Flush();
            await WriteReplyAsync(context, reply).ConfigureAwait(false);
            return true;
        }
        if (Roll(f.HtmlErrorRate))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                "<html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The service is temporarily unavailable. Please try again later.</p></body></html>")
                .ConfigureAwait(false);
            return true;
        }
        if (Roll(f.InvalidRequestRate))
        {
            var reply = new Reply();
            reply.InvalidRequest();
            reply.Flush();
            await WriteReplyAsync(context, reply).ConfigureAwait(false);
            return true;
        }
        return false;
    }

    internal bool Roll(double rate)
    {
        if (rate <= 0) return false;
        if (rate >= 1) return true;
        lock (_randomLock) return _random.NextDouble() < rate;
    }

    private static async Task WriteReplyAsync(HttpContext context, Reply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        if (reply.Headers is { } headers)
        {
            foreach (var (k, v) in headers) response.Headers[k] = v;
        }
        response.ContentLength = reply.Buffer.WrittenCount;
        await response.Body.WriteAsync(reply.Buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<(byte[] Body, int Length)> ReadBodyAsync(HttpRequest request)
    {
        var reader = request.BodyReader;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or BadHttpRequestException)
            {
                return (Array.Empty<byte>(), 0);
            }
            var buffer = result.Buffer;
            if (result.IsCompleted || result.IsCanceled)
            {
                var length = checked((int)buffer.Length);
                var array = length == 0 ? Array.Empty<byte>() : ArrayPool<byte>.Shared.Rent(length);
                buffer.CopyTo(array);
                reader.AdvanceTo(buffer.End);
                return (array, length);
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static string DescribeRaw(HttpRequest request, byte[] body, int length)
    {
        var head = request.Method + " " + request.Path.Value + request.QueryString.Value;
        return length == 0 ? head : head + "\n" + Encoding.UTF8.GetString(body, 0, length);
    }

    private bool TryResolve(string[] segments, out Endpoint endpoint, out string[] pathArgs, out string? unknownName)
    {
        endpoint = null!;
        pathArgs = Array.Empty<string>();
        unknownName = null;
        if (segments.Length < 3
            || !segments[0].Equals(ServicePrefix, StringComparison.OrdinalIgnoreCase)
            || !segments[1].Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string name;
        var argStart = 3;
        if (segments[2].Equals("ZNS", StringComparison.OrdinalIgnoreCase) && segments.Length >= 4)
        {
            name = "ZNS/" + segments[3];
            argStart = 4;
        }
        else
        {
            name = segments[2];
        }

        if (!_endpoints.TryGetValue(name, out var found))
        {
            unknownName = name;
            return false;
        }
        var argCount = segments.Length - argStart;
        if (argCount != 0 && argCount != found.PathArgs)
        {
            unknownName = name;
            return false;
        }
        endpoint = found;
        pathArgs = argCount == 0 ? Array.Empty<string>() : segments[argStart..];
        return true;
    }

    // ---- control endpoints -----------------------------------------------------------------

    private static readonly JsonSerializerOptions ControlJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private async Task HandleControlAsync(HttpContext context, string[] segments)
    {
        var action = segments.Length >= 2 ? segments[1].ToLowerInvariant() : "";
        var method = context.Request.Method;
        object? result;
        switch (action)
        {
            case "messages" when HttpMethods.IsGet(method):
                result = State.Accepted;
                break;
            case "stats" when HttpMethods.IsGet(method):
                result = new
                {
                    State.TotalRequests,
                    State.AcceptedCount,
                    State.SandboxCount,
                    CallbackCount = State.Callbacks.Count,
                    Requests = State.RequestCounts,
                    Balances = Options.Accounts.Select(a => new { a.UserID, Balance = State.BalanceOf(a) }).ToArray(),
                    Faults = Faults,
                };
                break;
            case "faults" when HttpMethods.IsGet(method):
                result = Faults;
                break;
            case "faults" when HttpMethods.IsPost(method):
                var (body, length) = await ReadBodyAsync(context.Request).ConfigureAwait(false);
                try
                {
                    using var doc = JsonDocument.Parse(body.AsMemory(0, length), Json.DocumentOptions);
                    ApplyFaults(doc.RootElement);
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.Response.WriteAsync("Body must be a JSON object of fault knobs.").ConfigureAwait(false);
                    return;
                }
                finally
                {
                    if (body.Length > 0) ArrayPool<byte>.Shared.Return(body);
                }
                result = Faults;
                break;
            case "reset" when HttpMethods.IsPost(method):
                State.Reset();
                Faults.Reset();
                result = new { Reset = true };
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync("Unknown control endpoint. Use GET /_emulator/messages, GET /_emulator/stats, GET|POST /_emulator/faults, POST /_emulator/reset.").ConfigureAwait(false);
                return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(result, ControlJson)).ConfigureAwait(false);
    }

    private void ApplyFaults(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException();
        foreach (var p in root.EnumerateObject())
        {
            var text = Json.AsString(p.Value) ?? throw new FormatException();
            double Rate() => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            switch (p.Name.ToLowerInvariant())
            {
                case "latencyms": Faults.LatencyMs = (int)Rate(); break;
                case "http5xxrate": Faults.Http5xxRate = Rate(); break;
                case "http429rate": Faults.Http429Rate = Rate(); break;
                case "dropconnectionrate": Faults.DropConnectionRate = Rate(); break;
                case "lostafteracceptrate": Faults.LostAfterAcceptRate = Rate(); break;
                case "code160rate": Faults.Code160Rate = Rate(); break;
                case "htmlerrorrate": Faults.HtmlErrorRate = Rate(); break;
                case "invalidrequestrate": Faults.InvalidRequestRate = Rate(); break;
                case "shortdetailrate": Faults.ShortDetailRate = Rate(); break;
                default: throw new FormatException("Unknown knob " + p.Name);
            }
        }
    }

    // ---- plumbing types --------------------------------------------------------------------

    internal enum BodyKind { Json, Raw }

    internal delegate void Handler(ApiRequest request, Reply reply);

    internal sealed record Endpoint(string Name, BodyKind Body, bool AllowGet, bool AllowPost, Handler Handler, int PathArgs = 0);

    internal sealed class ApiRequest(HttpContext http, string endpointName, byte[] body, int length, string[] pathArgs)
    {
        public HttpContext Http { get; } = http;
        public string EndpointName { get; } = endpointName;
        public byte[] Body { get; } = body;
        public int Length { get; } = length;
        public string[] PathArgs { get; } = pathArgs;
        public ReadOnlySpan<byte> BodySpan => Body.AsSpan(0, Length);
        public JsonElement Root { get; set; }
        public bool ShortDetail { get; init; }

        public string? Query(string name)
        {
            var v = Http.Request.Query[name];
            var s = v.Count > 0 ? v[0]?.Trim() : null;
            return string.IsNullOrEmpty(s) ? null : s;
        }
    }

    internal sealed class InvalidRequestException : Exception;

    private sealed class NoopHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
