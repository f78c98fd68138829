using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using EsmsZalo.Emulator;
using Xunit;

namespace EsmsZalo.Core.Tests.Emulator;

/// <summary>Real-HTTP smoke tests of the eSMS emulator with a plain HttpClient.</summary>
public sealed class EmulatorSmokeTests : IAsyncLifetime
{
    private const string Key = EmulatorOptions.DemoApiKey;
    private const string Secret = EmulatorOptions.DemoSecretKey;
    private const string Oa = EmulatorOptions.DemoOaId;

    private readonly ManualTime _time = new(new DateTimeOffset(2025, 3, 19, 8, 0, 0, TimeSpan.Zero));
    private EsmsEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var options = EmulatorOptions.Demo();
        options.TimeProvider = _time;
        options.CallbackDelay = TimeSpan.FromMilliseconds(100);
        options.CallbackRetryDelay = TimeSpan.FromMilliseconds(100);
        options.RandomSeed = 1;
        _emulator = await EsmsEmulator.StartAsync(options);
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = _emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private static string BulkBody(int count, string requestIdPrefix = "96accf59-0c41-4bc7-a5c", string sandbox = "0", string? callbackUrl = "https://esms.vn/webhook/")
    {
        var names = new[] { ("0901888484", "Chị A", "Gội đầu"), ("0918238965", "Chị B", "Uốn"), ("0765418062", "Chị C", "Nhuộm") };
        var data = Enumerable.Range(0, count).Select(i => new
        {
            Phone = i < 3 ? names[i].Item1 : "09" + (10000000 + i).ToString(),
            RequestId = requestIdPrefix + (i + 1),
            Params = new[] { i < 3 ? names[i].Item2 : "Khách " + i, i < 3 ? names[i].Item3 : "Cắt", "KH" + (i + 1).ToString("000"), "19/03/2025" },
        });
        return JsonSerializer.Serialize(new
        {
            ApiKey = Key,
            SecretKey = Secret,
            campaignid = "Chiến dịch 1",
            OAID = Oa,
            TempID = "267247",
            Sandbox = sandbox,
            CallbackUrl = callbackUrl,
            Data = data,
        });
    }

    private async Task<JsonElement> PostJsonAsync(string path, string body, string contentType = "application/json")
    {
        using var response = await _http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string SmsXml(IEnumerable<string> phones, string apiKey = Key, string? requestId = null, string? callbackUrl = null) =>
        "<RQST>\n" +
        $"  <APIKEY>{apiKey}</APIKEY>\n  <SECRETKEY>{Secret}</SECRETKEY>\n" +
        "  <CONTENT>Baotrixemay: ma xac nhan &lt;123&gt; &amp; cam on</CONTENT>\n" +
        "  <SMSTYPE>2</SMSTYPE>\n  <BRANDNAME>Baotrixemay</BRANDNAME>\n  <SENDDATE></SENDDATE>\n" +
        $"  <CALLBACKURL>{callbackUrl}</CALLBACKURL>\n  <REQUESTID>{requestId}</REQUESTID>\n" +
        "  <CONTACTS>\n" + string.Concat(phones.Select(p => $"    <CUSTOMER><PHONE>{p}</PHONE></CUSTOMER>\n")) + "  </CONTACTS>\n</RQST>";

    private static IEnumerable<string> DistinctPhones(int n) => Enumerable.Range(0, n).Select(i => "09" + (20000000 + i).ToString());

    [Fact]
    public async Task Bulk_seed_sample_is_accepted_then_the_same_request_ids_answer_124()
    {
        var first = await PostJsonAsync("Send_zns_bulk_v4_post_json/", BulkBody(3));
        Assert.Equal("100", first.GetProperty("CodeResult").GetString());
        Assert.Equal(3, first.GetProperty("TotalSuccess").GetInt32());
        var details = first.GetProperty("detail").EnumerateArray().ToArray();
        Assert.Equal(3, details.Length);
        Assert.All(details, d => Assert.Equal("100", d.GetProperty("CodeResult").GetString()));
        Assert.Equal("0901888484", details[0].GetProperty("Phone").GetString());
        Assert.False(string.IsNullOrEmpty(details[2].GetProperty("SMSID").GetString()));
        Assert.Equal(3, _emulator.State.AcceptedCount);
        Assert.Equal(new[] { "Chị A", "Gội đầu", "KH001", "19/03/2025" }, _emulator.State.Accepted[0].Params);

        // Same RequestIds, other path spelling (no trailing slash, other case).
        var second = await PostJsonAsync("send_ZNS_bulk_v4_post_json", BulkBody(3));
        Assert.Equal(0, second.GetProperty("TotalSuccess").GetInt32());
        Assert.All(second.GetProperty("detail").EnumerateArray(), d =>
        {
            Assert.Equal("124", d.GetProperty("CodeResult").GetString());
            Assert.Equal("Request exist 1", d.GetProperty("ErrorMessage").GetString());
        });
        Assert.Equal(3, _emulator.State.AcceptedCount);
        Assert.Equal(2, _emulator.State.RequestCount("Send_zns_bulk_v4_post_json"));

        // 24 hours later the RequestIds are free again.
        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var third = await PostJsonAsync("Send_zns_bulk_v4_post_json/", BulkBody(3));
        Assert.Equal(3, third.GetProperty("TotalSuccess").GetInt32());
    }

    [Fact]
    public async Task Bulk_rows_are_judged_one_by_one_and_501_items_answer_687()
    {
        var body = BulkBody(3).Replace("\"0918238965\"", "\"091823896\"");
        var mixed = await PostJsonAsync("Send_zns_bulk_v4_post_json/", body);
        var codes = mixed.GetProperty("detail").EnumerateArray().Select(d => d.GetProperty("CodeResult").GetString()).ToArray();
        Assert.Equal(new[] { "100", "108", "100" }, codes);

        var tooMany = await PostJsonAsync("Send_zns_bulk_v4_post_json/", BulkBody(501, "big-"));
        Assert.Equal("687", tooMany.GetProperty("CodeResult").GetString());
        Assert.Equal(2, _emulator.State.AcceptedCount);
    }

    [Fact]
    public async Task Sms_xml_needs_30_distinct_numbers()
    {
        // 29 distinct numbers, one of them twice (once in 84 form).
        var phones = DistinctPhones(29).Append("84920000000").ToList();
        var few = await PostJsonAsync("SendMultipleMessage_V4/", SmsXml(phones), "text/plain");
        Assert.Equal("107", few.GetProperty("CodeResult").GetString());

        var ok = await PostJsonAsync("SendMultipleMessage_V4/", SmsXml(DistinctPhones(30), requestId: "sms-1"), "text/plain");
        Assert.Equal("100", ok.GetProperty("CodeResult").GetString());
        var smsId = ok.GetProperty("SMSID").GetString();
        var accepted = _emulator.State.Accepted;
        Assert.Equal(30, accepted.Count);
        Assert.All(accepted, m => Assert.Equal(smsId, m.SmsId));
        Assert.Equal("Baotrixemay: ma xac nhan <123> & cam on", accepted[0].Content);

        var bad = await PostJsonAsync("SendMultipleMessage_V4/", "<RQST><APIKEY><x</APIKEY></RQST>", "text/plain");
        Assert.Equal("Invalid request", bad.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Wrong_keys_answer_101_and_non_json_answers_invalid_request()
    {
        var wrong = await PostJsonAsync("SendZaloMessage_V5_post/",
            $$"""{"ApiKey":"{{Key}}","SecretKey":"nope","OAID":"{{Oa}}","Phone":"0901888484","TempID":"267249","TempData":[{"key":"otp","value":"123456"}]}""");
        Assert.Equal("101", wrong.GetProperty("CodeResult").GetString());
        Assert.Equal("Authorize Failed", wrong.GetProperty("ErrorMessage").GetString());

        var balance = await PostJsonAsync("GetBalance_json", """{"ApiKey":"x","SecretKey":"y"}""");
        Assert.Equal("101", balance.GetProperty("CodeResponse").GetString());

        var junk = await PostJsonAsync("SendZaloMessage_V5_post/", "this is not json");
        Assert.Equal("Invalid request", junk.GetProperty("error").GetString());

        using var missing = await _http.PostAsync("NoSuchEndpoint/", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Single_sends_accept_numbers_and_any_field_case()
    {
        // OAID and TempID as JSON numbers, lower-case field names, IsJourney as a string.
        var journey = await PostJsonAsync("SendZaloMessage_V4_post_json/",
            $$"""{"apikey":"{{Key}}","secretkey":"{{Secret}}","phone":"84901888484","params":["DH001","Đã giao"],"isjourney":"true","orderid":"o-1","tempid":267248,"oaid":{{Oa}},"requestid":"j-1"}""");
        Assert.Equal("100", journey.GetProperty("CodeResult").GetString());

        var otp = await PostJsonAsync("SendZaloMessage_V5_post/",
            $$"""{"ApiKey":"{{Key}}","SecretKey":"{{Secret}}","OAID":"{{Oa}}","Phone":"0901888484","TempID":"267249","TempData":[{"key":"otp","value":123456}],"SendDate":"","Sandbox":"0","RequestId":"v5-1","SendingMode":"1"}""");
        Assert.Equal("100", otp.GetProperty("CodeResult").GetString());

        var inactive = await PostJsonAsync("SendZaloMessage_V5_post/",
            $$"""{"ApiKey":"{{Key}}","SecretKey":"{{Secret}}","OAID":"1111111111111111111","Phone":"0901888484","TempID":"267249","TempData":[{"key":"otp","value":"1"}]}""");
        Assert.Equal("799", inactive.GetProperty("CodeResult").GetString());

        var noTemplate = await PostJsonAsync("SendZaloMessage_V5_post/",
            $$"""{"ApiKey":"{{Key}}","SecretKey":"{{Secret}}","OAID":"{{Oa}}","Phone":"0901888484","TempID":"999999","TempData":[]}""");
        Assert.Equal("789", noTemplate.GetProperty("CodeResult").GetString());

        var balance = await PostJsonAsync("GetBalance_json", $$"""{"ApiKey":"{{Key}}","SecretKey":"{{Secret}}"}""");
        Assert.Equal(1_000_000_000m - 600m, balance.GetProperty("Balance").GetDecimal());
        Assert.Equal(12345, balance.GetProperty("UserID").GetInt32());
    }

    [Fact]
    public async Task Sandbox_validates_but_records_nothing()
    {
        var answer = await PostJsonAsync("Send_zns_bulk_v4_post_json/", BulkBody(3, sandbox: "1"));
        Assert.Equal(3, answer.GetProperty("TotalSuccess").GetInt32());
        Assert.Equal(0, _emulator.State.AcceptedCount);
        Assert.Equal(3, _emulator.State.SandboxCount);

        // Nothing remembered: the same RequestIds are accepted for real afterwards.
        var real = await PostJsonAsync("Send_zns_bulk_v4_post_json/", BulkBody(3));
        Assert.Equal(3, real.GetProperty("TotalSuccess").GetInt32());
    }

    [Fact]
    public async Task Code160_fault_answers_160_without_processing()
    {
        _emulator.Faults.Code160Rate = 1;
        var answer = await PostJsonAsync("Send_zns_bulk_v4_post_json/", BulkBody(3));
        Assert.Equal("160", answer.GetProperty("CodeResult").GetString());
        Assert.Equal(0, _emulator.State.AcceptedCount);
        Assert.Equal(1, _emulator.State.RequestCount("Send_zns_bulk_v4_post_json"));

        _emulator.Faults.Reset();
        _emulator.Faults.Http429Rate = 1;
        using var limited = await _http.PostAsync("Send_zns_bulk_v4_post_json/", new StringContent(BulkBody(3)));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Lost_after_accept_records_but_the_client_sees_a_connection_error()
    {
        _emulator.Faults.LostAfterAcceptRate = 1;
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.PostAsync("Send_zns_bulk_v4_post_json/", new StringContent(BulkBody(3))));
        Assert.Equal(3, _emulator.State.AcceptedCount);

        _emulator.Faults.Reset();
        var retry = await PostJsonAsync("Send_zns_bulk_v4_post_json/", BulkBody(3));
        Assert.All(retry.GetProperty("detail").EnumerateArray(), d => Assert.Equal("124", d.GetProperty("CodeResult").GetString()));
    }

    [Fact]
    public async Task Callbacks_arrive_as_GET_at_a_loopback_receiver()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/cb/");
        listener.Start();
        var received = new List<string>();
        var receiving = Task.Run(async () =>
        {
            while (received.Count < 3)
            {
                var ctx = await listener.GetContextAsync();
                lock (received) received.Add(ctx.Request.HttpMethod + " " + ctx.Request.Url!.Query);
                ctx.Response.StatusCode = 200;
                ctx.Response.Close();
            }
        });

        var answer = await PostJsonAsync("Send_zns_bulk_v4_post_json/", BulkBody(3, callbackUrl: $"http://127.0.0.1:{port}/cb/"));
        Assert.Equal(3, answer.GetProperty("TotalSuccess").GetInt32());
        await receiving.WaitAsync(TimeSpan.FromSeconds(15));

        var first = received.Single(r => r.Contains("RequestId=96accf59-0c41-4bc7-a5c1"));
        Assert.StartsWith("GET ?SMSID=", first);
        Assert.Contains("SendStatus=5", first);
        Assert.Contains("TypeId=24", first);
        Assert.Contains("phonenumber=0901888484", first);
        Assert.Contains("oaid=" + Oa, first);
        Assert.Contains("tempid=267247", first);
        // The emulator records an attempt after the receiver has answered it, so wait for the record.
        for (int i = 0; i < 100 && !_emulator.State.Callbacks.Any(c => c.StatusCode == 200); i++) await Task.Delay(50);
        Assert.Contains(_emulator.State.Callbacks, c => c.StatusCode == 200);

        // A non-loopback CallbackUrl is never called.
        await PostJsonAsync("Send_zns_bulk_v4_post_json/", BulkBody(1, "elsewhere-"));
        for (int i = 0; i < 100 && !_emulator.State.Callbacks.Any(c => c.Error == "skipped: not loopback"); i++) await Task.Delay(50);
        Assert.Contains(_emulator.State.Callbacks, c => c.Error == "skipped: not loopback" && c.Url == "https://esms.vn/webhook/");
    }

    [Fact]
    public async Task Send_status_waits_then_finishes()
    {
        var answer = await PostJsonAsync("SendZaloMessage_V4_post_json/",
            $$"""{"ApiKey":"{{Key}}","SecretKey":"{{Secret}}","Phone":"0961234567","Params":["DH1","Đang giao"],"IsJourney":true,"OrderId":"o1","TempID":"267248","OAID":"{{Oa}}","RequestId":"status-1"}""");
        var smsId = answer.GetProperty("SMSID").GetString();
        var query = $"GetSendStatus?RefId={smsId}&ApiKey={Key}&SecretKey={Secret}";

        var waiting = JsonDocument.Parse(await _http.GetStringAsync(query)).RootElement;
        Assert.Equal("100", waiting.GetProperty("CodeResponse").GetString());
        Assert.Equal(2, waiting.GetProperty("SendStatus").GetInt32());

        _time.Advance(TimeSpan.FromSeconds(1));
        var done = JsonDocument.Parse(await _http.GetStringAsync(query)).RootElement;
        Assert.Equal(5, done.GetProperty("SendStatus").GetInt32());
        Assert.Equal(1, done.GetProperty("SendSuccess").GetInt32());

        var unknown = JsonDocument.Parse(await _http.GetStringAsync($"GetSendStatus?RefId=nope&ApiKey={Key}&SecretKey={Secret}")).RootElement;
        Assert.Equal("105", unknown.GetProperty("CodeResponse").GetString());
    }

    [Fact]
    public async Task Read_side_and_control_endpoints_answer()
    {
        var templates = await PostJsonAsync("GetTemplate/", $$"""{"ApiKey":"{{Key}}","SecretKey":"{{Secret}}","OAId":"{{Oa}}","SmsType":"24"}""");
        var first = templates.GetProperty("ZNSTemplates")[0];
        Assert.Equal("267247", first.GetProperty("TempId").GetString());
        Assert.Equal("customer_name", first.GetProperty("ZNSTempDetail")[0].GetProperty("Param").GetString());

        var brandnames = JsonDocument.Parse(await _http.GetStringAsync($"GetListBrandname/{Key}/{Secret}")).RootElement;
        Assert.Equal("Baotrixemay", brandnames.GetProperty("ListBrandName")[0].GetProperty("Brandname").GetString());

        var info = JsonDocument.Parse(await _http.GetStringAsync($"GetZnsTemplateInfo?TemplateId=999999&OAId={Oa}&ApiKey={Key}&SecretKey={Secret}")).RootElement;
        Assert.Equal("854", info.GetProperty("CodeResult").GetString());

        _emulator.Faults.ShortDetailRate = 1;
        var shortAnswer = await PostJsonAsync("Send_zns_bulk_v4_post_json/", BulkBody(3));
        Assert.Equal(2, shortAnswer.GetProperty("detail").GetArrayLength());
        Assert.Equal(3, _emulator.State.AcceptedCount);

        using var root = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = _emulator.RootAddress };
        using (var set = await root.PostAsync("_emulator/faults", new StringContent("{\"DropConnectionRate\":1,\"ShortDetailRate\":0}")))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }
        Assert.Equal(1, _emulator.Faults.DropConnectionRate);
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.PostAsync("GetBalance_json", new StringContent("{}")));

        var stats = JsonDocument.Parse(await root.GetStringAsync("_emulator/stats")).RootElement;
        Assert.Equal(3, stats.GetProperty("AcceptedCount").GetInt32());
        var messages = JsonDocument.Parse(await root.GetStringAsync("_emulator/messages")).RootElement;
        Assert.Equal(3, messages.GetArrayLength());

        using (await root.PostAsync("_emulator/reset", null)) { }
        Assert.Equal(0, _emulator.State.AcceptedCount);
        Assert.Equal(0, _emulator.Faults.DropConnectionRate);
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>A TimeProvider the test moves by hand.</summary>
    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;
        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
