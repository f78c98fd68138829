using System.Net;
using System.Net.Sockets;
using EsmsZalo.Core.Callbacks;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Read;
using EsmsZalo.Core.Sending;
using EsmsZalo.Emulator;
using Xunit;

namespace EsmsZalo.Core.Tests.Read;

/// <summary>Every read query over real HTTP against the emulator, and a send → callback → status loop.</summary>
public sealed class ReadIntegrationTests : IAsyncLifetime
{
    private const string Oa = EmulatorOptions.DemoOaId;
    private EsmsEmulator _emulator = null!;
    private EsmsClient _client = null!;

    public async Task InitializeAsync()
    {
        var options = EmulatorOptions.Demo();
        options.CallbackDelay = TimeSpan.FromMilliseconds(300);
        options.CallbackRetryDelay = TimeSpan.FromMilliseconds(100);
        options.RandomSeed = 7;
        _emulator = await EsmsEmulator.StartAsync(options);
        _client = new EsmsClient(_emulator.BaseAddress, new EsmsCredential(EmulatorOptions.DemoApiKey, EmulatorOptions.DemoSecretKey, "test")) { Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task Balance()
    {
        var b = await BalanceQuery.GetAsync(_client, Ct);
        Assert.Equal(1_000_000_000m, b.Balance);
    }

    [Fact]
    public async Task Zalo_OAs()
    {
        var list = await ZaloOAQuery.GetAsync(_client, Ct);
        Assert.Contains(list, o => o.OAID == Oa && o.Name == "Salon Demo");
        Assert.Equal(2, list.Count);
    }

    [Fact]
    public async Task Template_list_merges_24_and_25()
    {
        var list = await ZnsTemplateQuery.ListAsync(_client, Oa, Ct);
        Assert.Equal(new[] { "267247", "267248", "267249" }, list.Select(t => t.TemplateId).ToArray());
        Assert.Equal(4, list[0].Parameters.Count);
        Assert.Equal("customer_name", list[0].Parameters[0].Name);
    }

    [Fact]
    public async Task Template_list_of_unknown_OA_is_799()
    {
        var ex = await Assert.ThrowsAsync<EsmsApiException>(() => ZnsTemplateQuery.ListAsync(_client, "42", Ct));
        Assert.Equal("799", ex.Code);
    }

    [Fact]
    public async Task One_template_with_rules()
    {
        var t = await ZnsTemplateQuery.GetAsync(_client, Oa, "267249", Ct);
        Assert.True(t.Detailed);
        Assert.Equal("ENABLE", t.Status);
        var p = Assert.Single(t.Parameters);
        Assert.Equal(("otp", "NUMBER", 6), (p.Name, p.Type, p.MaxLength));
        Assert.Equal(1000, t.DailyQuota);
    }

    [Fact]
    public async Task Unknown_template_is_854()
    {
        var ex = await Assert.ThrowsAsync<EsmsApiException>(() => ZnsTemplateQuery.GetAsync(_client, Oa, "999999", Ct));
        Assert.Equal("854", ex.Code);
    }

    [Fact]
    public async Task Quota()
    {
        var q = await ZnsQuotaQuery.GetAsync(_client, Oa, Ct);
        Assert.Equal(500_000, q.DailyQuota);
        Assert.Equal(500_000, q.RemainingQuota);
    }

    [Fact]
    public async Task Brandnames()
    {
        var list = await BrandnameQuery.GetAsync(_client, Ct);
        Assert.Contains(list, b => b.Name == "Baotrixemay" && b.TypeName == "CustomerCare");
    }

    [Fact]
    public async Task Unknown_message_is_105()
    {
        var ex = await Assert.ThrowsAsync<EsmsApiException>(() => MessageStatusQuery.GetAsync(_client, "no-such-id", Ct));
        Assert.Equal("105", ex.Code);
        var ex2 = await Assert.ThrowsAsync<EsmsApiException>(() => MessageStatusQuery.GetReceiversAsync(_client, "no-such-id", Ct));
        Assert.Equal("105", ex2.Code);
    }

    [Fact]
    public async Task Wrong_keys_are_101_and_never_in_the_message()
    {
        var bad = new EsmsClient(_emulator.BaseAddress, new EsmsCredential("WRONGKEY1234", "WRONGSECRET5678", "test"));
        foreach (var call in new Func<Task>[]
        {
            () => ZaloOAQuery.GetAsync(bad, Ct), () => BrandnameQuery.GetAsync(bad, Ct), () => MessageStatusQuery.GetAsync(bad, "x", Ct),
            () => ZnsQuotaQuery.GetAsync(bad, Oa, Ct), () => ZnsTemplateQuery.ListAsync(bad, Oa, Ct),
        })
        {
            var ex = await Assert.ThrowsAsync<EsmsApiException>(call);
            Assert.Equal("101", ex.Code);
            Assert.DoesNotContain("WRONGKEY1234", ex.Message);
            Assert.DoesNotContain("WRONGSECRET5678", ex.Message);
        }
    }

    [Fact]
    public async Task Brandname_timeout_message_hides_the_keys_in_the_path()
    {
        _emulator.Faults.LatencyMs = 2000;
        var slow = new EsmsClient(_emulator.BaseAddress, _client.Credential) { Timeout = TimeSpan.FromMilliseconds(200) };
        var ex = await Assert.ThrowsAsync<EsmsTransportException>(() => BrandnameQuery.GetAsync(slow, Ct));
        Assert.DoesNotContain(EmulatorOptions.DemoSecretKey, ex.Message);
        Assert.DoesNotContain(EmulatorOptions.DemoApiKey, ex.Message);
        _emulator.Faults.LatencyMs = 0;
    }

    [Fact]
    public async Task Template_gate_rejects_bad_rows_without_a_request()
    {
        ZnsTemplateCache.Clear();
        var gate = new TemplateGate(_client);
        var good = new MessageRow { OAID = Oa, TemplateId = "267249", Params = new object?[] { "123456" } };
        var bad = new MessageRow { OAID = Oa, TemplateId = "267249", Params = new object?[] { "12ab56" } };
        var unknown = new MessageRow { OAID = Oa, TemplateId = "999999", Params = new object?[] { "1" } };
        gate.Check(good, Ct);
        Assert.NotNull(gate.LastNote);
        gate.Check(bad, Ct);
        Assert.Null(gate.LastNote); // fetched once
        gate.Check(unknown, Ct);
        Assert.Null(good.PresetErrorId);
        Assert.Equal(ErrorIds.TemplateParamInvalid, bad.PresetErrorId);
        Assert.Equal(ErrorIds.TemplateRejected, unknown.PresetErrorId);
        Assert.Contains("854", unknown.PresetError);

        int before = _emulator.State.RequestCount("Send_zns_bulk_v4_post_json");
        using var session = new SendSession(MessageKind.ZnsBulk, _client, new SendOptions { BatchSize = 500 });
        session.Add(bad);
        var results = session.Complete().ToList();
        Assert.Equal(SendStatus.Rejected, Assert.Single(results).Status);
        Assert.Equal(ErrorIds.TemplateParamInvalid, results[0].ErrorId);
        Assert.Equal(before, _emulator.State.RequestCount("Send_zns_bulk_v4_post_json"));
    }

    [Fact]
    public async Task Send_then_callback_then_status_5()
    {
        int port = FreePort();
        using var receiver = new CallbackReceiver($"http://127.0.0.1:{port}/esms/");
        receiver.Start();

        using var session = new SendSession(MessageKind.Zns, _client, new SendOptions());
        session.Add(new MessageRow
        {
            Phone = "0901888484", OAID = Oa, TemplateId = "267249", RequestId = "read-loop-" + Guid.NewGuid().ToString("N")[..12],
            TemplateData = new[] { new KeyValuePair<string, object?>("otp", "123456") },
            CallbackUrl = receiver.Prefix + "cb",
        });
        var sent = Assert.Single(session.Complete().ToList());
        Assert.Equal(SendStatus.Accepted, sent.Status);
        Assert.False(string.IsNullOrEmpty(sent.SmsId));

        var waiting = await MessageStatusQuery.GetAsync(_client, sent.SmsId!, Ct);
        Assert.Equal(2, waiting.SendStatus);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var callback = await receiver.ReceiveAsync(cts.Token);
        Assert.Equal(sent.SmsId, callback.SmsId);
        Assert.Equal(sent.RequestId, callback.RequestId);
        Assert.Equal(5, callback.SendStatus);
        Assert.Equal("0901888484", callback.Phone);
        Assert.Equal("267249", callback.TemplateId);
        Assert.NotNull(callback.Delivered);
        Assert.NotNull(callback.ReceivedAt);

        var status = await MessageStatusQuery.GetAsync(_client, sent.SmsId!, Ct);
        Assert.Equal(5, status.SendStatus);
        Assert.Equal("Finished", status.SendStatusName);
        Assert.Equal(1, status.TotalReceiver);
        Assert.Equal(callback.Delivered == true ? 1 : 0, status.SendSuccess);

        var receivers = await MessageStatusQuery.GetReceiversAsync(_client, sent.SmsId!, Ct);
        var r = Assert.Single(receivers);
        Assert.True(r.IsSent);
        Assert.Equal(callback.Delivered, r.SentResult);
    }

    [Fact]
    public async Task Receiver_answers_200_and_ignores_requests_without_a_query()
    {
        int port = FreePort();
        using var receiver = new CallbackReceiver($"http://localhost:{port}/hook");
        receiver.Start();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var plain = await http.GetAsync($"http://localhost:{port}/hook/");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var withQuery = await http.GetAsync($"http://localhost:{port}/hook/?SMSID=abc&SendStatus=5&SendSuccess=1&SendFailed=0");
        Assert.Equal(HttpStatusCode.OK, withQuery.StatusCode);
        Assert.True(receiver.TryTake(out var c, TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal("abc", c!.SmsId);
        Assert.True(c.Delivered);
        Assert.Equal(1, receiver.Ignored);
        Assert.True(receiver.TryTakeNote(out var note));
        Assert.Contains("no query string", note);
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
