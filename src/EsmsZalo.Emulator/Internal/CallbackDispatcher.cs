using System.Globalization;
using System.Text;
using System.Threading.Channels;

namespace EsmsZalo.Emulator.Internal;

/// <summary>
/// Delivers the eSMS delivery callbacks: an HTTP GET with a query string to the message's CallbackUrl,
/// CallbackDelay after acceptance, retried up to 5 times on failure or timeout.
/// Only loopback hosts are called; any other host is recorded as skipped.
/// </summary>
internal sealed class CallbackDispatcher : IAsyncDisposable
{
    private const int Workers = 16;
    private const int MaxRetries = 5;

    // One client for every emulator in the process: no proxy (loopback only), short connect timeout.
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxConnectionsPerServer = 64,
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly EsmsEmulator _emulator;
    private readonly Channel<Job> _channel = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = new();

    private readonly record struct Job(MessageRecord Record, long DueTicks);

    public CallbackDispatcher(EsmsEmulator emulator) => _emulator = emulator;

    public void Start()
    {
        for (var i = 0; i < Workers; i++) _running.Add(Task.Run(WorkAsync));
    }

    public void Enqueue(MessageRecord record)
    {
        var url = record.Message.CallbackUrl!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
        {
            _emulator.State.AddCallback(new CallbackAttempt(url, null, "skipped: not loopback", 0,
                record.Message.SmsId, record.Message.Phone, _emulator.Options.TimeProvider.GetUtcNow()));
            return;
        }
        var due = Environment.TickCount64 + (long)Math.Max(0, _emulator.Options.CallbackDelay.TotalMilliseconds);
        _channel.Writer.TryWrite(new Job(record, due));
    }

    private async Task WorkAsync()
    {
        var token = _stop.Token;
        try
        {
            while (await _channel.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (_channel.Reader.TryRead(out var job))
                {
                    var wait = job.DueTicks - Environment.TickCount64;
                    if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait), token).ConfigureAwait(false);
                    job.Record.Announced = true;
                    if (!await SendAsync(job.Record, 1, token).ConfigureAwait(false)) _ = RetryAsync(job.Record, token);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RetryAsync(MessageRecord record, CancellationToken token)
    {
        try
        {
            for (var attempt = 2; attempt <= MaxRetries + 1; attempt++)
            {
                await Task.Delay(_emulator.Options.CallbackRetryDelay, token).ConfigureAwait(false);
                if (await SendAsync(record, attempt, token).ConfigureAwait(false)) return;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One GET; true when the receiver answered 2xx.</summary>
    private async Task<bool> SendAsync(MessageRecord record, int attempt, CancellationToken token)
    {
        var url = BuildUrl(record);
        int? status = null;
        string? error = null;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(token))
        {
            timeout.CancelAfter(_emulator.Options.CallbackTimeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode) error = "HTTP " + status;
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                error = "timeout";
            }
            catch (HttpRequestException ex)
            {
                error = ex.Message;
            }
        }
        token.ThrowIfCancellationRequested();
        _emulator.State.AddCallback(new CallbackAttempt(url, status, error, attempt,
            record.Message.SmsId, record.Message.Phone, _emulator.Options.TimeProvider.GetUtcNow()));
        return error is null;
    }

    /// <summary>CallbackUrl plus the eSMS query string (SMSID, RequestId, SendStatus=5, ...).</summary>
    internal static string BuildUrl(MessageRecord record)
    {
        var m = record.Message;
        Phones.TryNormalize(m.Phone, out var normalized);
        var sb = new StringBuilder(m.CallbackUrl!.Length + 320);
        sb.Append(m.CallbackUrl);
        var hasQuery = m.CallbackUrl!.Contains('?');
        void Add(string name, string? value)
        {
            if (value is null) return;
            sb.Append(hasQuery ? '&' : '?');
            hasQuery = true;
            sb.Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        Add("SMSID", m.SmsId);
        Add("RequestId", m.RequestId ?? "");
        Add("SendStatus", "5");
        Add("SendSuccess", record.Failed ? "0" : "1");
        Add("SendFailed", record.Failed ? "1" : "0");
        Add("TotalReceiver", "1");
        Add("TotalSent", "1");
        Add("TotalPrice", record.Price.ToString(CultureInfo.InvariantCulture));
        Add("TypeId", record.TypeId.ToString(CultureInfo.InvariantCulture));
        Add("telcoid", Phones.TelcoId(normalized).ToString(CultureInfo.InvariantCulture));
        Add("phonenumber", m.Phone);
        if (m.OAID is not null)
        {
            Add("partnerids", record.ZaloMsgId);
            Add("oaid", m.OAID);
            Add("tempid", m.TempId);
        }
        if (record.Failed) Add("error_info", ErrorInfo);
        return sb.ToString();
    }

    internal const string ErrorInfo = "{\"error\":-114,\"message\":\"User is inactive, reject msg\"}";

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        _stop.Cancel();
        try
        {
            await Task.WhenAll(_running).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception)
        {
        }
    }
}
