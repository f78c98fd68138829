using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Payloads;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Benchmarks;

/// <summary>One row of the admin's CSV, as Import-Csv would hand it over.</summary>
internal sealed record CsvRow(string Phone, string CustomerName, string Service, string CustomerCode, string AppointmentDate);

/// <summary>The measured ways of sending N reminders. Each returns rows accepted by the emulator.</summary>
internal static class Workloads
{
    public const string ApiKey = "DEMOAPIKEY0123456789";
    public const string SecretKey = "DEMOSECRETKEY0123456789";
    public const string OAID = "4097311281936189049";
    public const string TemplateId = "267247";
    public static readonly EsmsCredential Credential = new(ApiKey, SecretKey, "benchmark");

    private static readonly string[] Names = { "Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Nam", "Phạm Thu Hà", "Võ Minh Tuấn", "Đặng Ngọc Lan" };
    private static readonly string[] Services = { "Cắt tóc nam", "Gội đầu dưỡng sinh", "Nhuộm tóc", "Uốn tóc", "Chăm sóc da mặt" };

    /// <summary>Row i of a run; <paramref name="tag"/> makes every run's messages (and so RequestIds) distinct.</summary>
    public static CsvRow Row(int tag, long i)
    {
        long n = 10_000_000 + (tag * 7_919_333L + i) % 89_999_999;
        return new CsvRow(
            "09" + n.ToString("D8"),
            Names[i % Names.Length],
            Services[i % Services.Length],
            "KH" + tag.ToString("D3") + "-" + i.ToString("D7"),
            "25/12/2026 09:" + (i % 60).ToString("D2"));
    }

    public static EsmsClient NewEsmsClient(Uri baseAddress) => new(baseAddress, Credential);

    /// <summary>A plain HttpClient as an admin's script (or the raw limit) would use: keep-alive, no decompression.</summary>
    public static HttpClient NewRawClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    { Timeout = TimeSpan.FromSeconds(120) };

    // ---- bulk -------------------------------------------------------------------------------------

    /// <summary>The core as Send-EsmsZnsBulk drives it: rows added one by one, results drained after each Add, then Complete.</summary>
    public static long CoreBulk(EsmsClient client, int tag, long rows, int throttle, int batch)
    {
        long accepted = 0, other = 0;
        using var session = new SendSession(MessageKind.ZnsBulk, client, new SendOptions { ThrottleLimit = throttle, BatchSize = batch });
        for (long i = 0; i < rows; i++)
        {
            var csv = Row(tag, i);
            session.Add(new MessageRow
            {
                InputObject = csv,
                Phone = csv.Phone,
                OAID = OAID,
                TemplateId = TemplateId,
                Params = new object?[] { csv.CustomerName, csv.Service, csv.CustomerCode, csv.AppointmentDate },
            });
            foreach (var r in session.TakeReady()) Tally(r, ref accepted, ref other);
        }
        foreach (var r in session.Complete()) Tally(r, ref accepted, ref other);
        if (other > 0) Console.Error.WriteLine($"  warning: {other} row(s) not accepted");
        return accepted;
    }

    private static void Tally(SendResult r, ref long accepted, ref long other)
    {
        if (r.Status == SendStatus.Accepted) accepted++;
        else if (other++ < 3) Console.Error.WriteLine($"  row {r.Row}: {r.Status} {r.CodeResult} {r.Message}");
    }

    /// <summary>
    /// What an admin writes by hand: chunks of 500, one request at a time, the body built from
    /// objects with the JSON serializer, the answer parsed into a document.
    /// </summary>
    public static async Task<long> SequentialChunked(HttpClient http, Uri baseAddress, int tag, long rows, int chunk)
    {
        var url = new Uri(baseAddress, EsmsPaths.SendZnsBulk);
        long accepted = 0;
        for (long start = 0; start < rows; start += chunk)
        {
            long end = Math.Min(rows, start + chunk);
            var data = new List<object>((int)(end - start));
            for (long i = start; i < end; i++)
            {
                var c = Row(tag, i);
                data.Add(new { Phone = c.Phone, RequestId = $"hc-{tag}-{i}", Params = new[] { c.CustomerName, c.Service, c.CustomerCode, c.AppointmentDate } });
            }
            var body = new { ApiKey, SecretKey, campaignid = "", OAID, TempID = TemplateId, Sandbox = "0", CallbackUrl = "", Data = data };
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(url, content).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            using var doc = JsonDocument.Parse(text);
            foreach (var d in doc.RootElement.GetProperty("detail").EnumerateArray())
                if (d.GetProperty("CodeResult").GetString() == "100") accepted++;
        }
        return accepted;
    }

    /// <summary>Bodies of the raw limit, built before the clock starts (same shape and size as the core's).</summary>
    public static List<byte[]> PrebuildBulk(int tag, long rows, int chunk)
    {
        var settings = new ZnsSettings { OAID = OAID, TemplateId = TemplateId };
        var list = new List<byte[]>();
        using var buffer = new PooledBufferWriter(128 * 1024);
        for (long start = 0; start < rows; start += chunk)
        {
            long end = Math.Min(rows, start + chunk);
            var items = new BulkItem[end - start];
            for (long i = start; i < end; i++)
            {
                var c = Row(tag, i);
                // 42 characters, as long as the core's derived ids.
                string rid = "rw" + tag.ToString("D4") + i.ToString("D36");
                items[i - start] = new BulkItem(c.Phone, rid, new[] { c.CustomerName, c.Service, c.CustomerCode, c.AppointmentDate });
            }
            buffer.Clear();
            ZnsBulkPayload.Write(buffer, Credential, settings, items);
            list.Add(buffer.ToArray());
        }
        return list;
    }

    /// <summary>The physical limit: pre-built bodies posted by <paramref name="concurrency"/> workers; answers read, not parsed.</summary>
    public static async Task<long> RawPosts(HttpClient http, Uri url, IReadOnlyList<byte[]> bodies, int concurrency)
    {
        int next = -1;
        long ok = 0;
        var workers = new Task[concurrency];
        for (int w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int k;
                while ((k = Interlocked.Increment(ref next)) < bodies.Count)
                {
                    using var content = new ByteArrayContent(bodies[k]);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    using var response = await http.PostAsync(url, content).ConfigureAwait(false);
                    _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref ok);
                }
            });
        }
        await Task.WhenAll(workers).ConfigureAwait(false);
        return ok;
    }

    // ---- single -----------------------------------------------------------------------------------

    /// <summary>The core as Send-EsmsZns drives it: one request per row, ThrottleLimit in flight.</summary>
    public static long CoreSingle(EsmsClient client, int tag, long rows, int throttle)
    {
        long accepted = 0, other = 0;
        using var session = new SendSession(MessageKind.Zns, client, new SendOptions { ThrottleLimit = throttle });
        for (long i = 0; i < rows; i++)
        {
            var c = Row(tag, i);
            session.Add(new MessageRow
            {
                InputObject = c,
                Phone = c.Phone,
                OAID = OAID,
                TemplateId = TemplateId,
                TemplateData = new[]
                {
                    new KeyValuePair<string, object?>("customer_name", c.CustomerName),
                    new KeyValuePair<string, object?>("service", c.Service),
                    new KeyValuePair<string, object?>("customer_code", c.CustomerCode),
                    new KeyValuePair<string, object?>("appointment_date", c.AppointmentDate),
                },
            });
            foreach (var r in session.TakeReady()) Tally(r, ref accepted, ref other);
        }
        foreach (var r in session.Complete()) Tally(r, ref accepted, ref other);
        if (other > 0) Console.Error.WriteLine($"  warning: {other} row(s) not accepted");
        return accepted;
    }

    /// <summary>The per-row loop: one Invoke-RestMethod-like call after the other.</summary>
    public static async Task<long> SequentialPerRow(HttpClient http, Uri baseAddress, int tag, long rows)
    {
        var url = new Uri(baseAddress, EsmsPaths.SendZns);
        long accepted = 0;
        for (long i = 0; i < rows; i++)
        {
            var c = Row(tag, i);
            var body = new
            {
                ApiKey, SecretKey, OAID, Phone = c.Phone,
                TempData = new[]
                {
                    new { key = "customer_name", value = c.CustomerName },
                    new { key = "service", value = c.Service },
                    new { key = "customer_code", value = c.CustomerCode },
                    new { key = "appointment_date", value = c.AppointmentDate },
                },
                TempID = TemplateId, campaignid = "", Sandbox = "0", CallbackUrl = "", RequestId = $"pr-{tag}-{i}", SendingMode = "1",
            };
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(url, content).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.GetProperty("CodeResult").GetString() == "100") accepted++;
        }
        return accepted;
    }
}
