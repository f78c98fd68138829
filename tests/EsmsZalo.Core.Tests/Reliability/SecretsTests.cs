using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Journal;
using EsmsZalo.Core.Sending;
using EsmsZalo.Emulator;
using Xunit;

namespace EsmsZalo.Core.Tests.Reliability;

/// <summary>
/// Every kind through success, rejection, transport failure, malformed answers (one of them echoing
/// the request, keys included) and cancellation, with a journal: neither key nor secret appears in
/// any result, verbose or warning message, exception, or the journal file.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class SecretsTests
{
    public static readonly TheoryData<MessageKind, string> Cases = Build();

    private static TheoryData<MessageKind, string> Build()
    {
        var data = new TheoryData<MessageKind, string>();
        foreach (var kind in new[] { MessageKind.Zns, MessageKind.ZnsBulk, MessageKind.Journey, MessageKind.SmsMulti })
            foreach (var scenario in new[] { "success", "rejection", "retried-then-accepted", "transport", "malformed", "echo", "cancel" })
                data.Add(kind, scenario);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Neither_key_nor_secret_leaks(MessageKind kind, string scenario)
    {
        await using var emulator = await Harness.StartAsync(seed: 5);
        int rows = kind == MessageKind.SmsMulti ? 35 : 4;
        var rowList = Enumerable.Range(0, rows).Select(i => Harness.Row(kind, i)).ToList();
        EsmsClient client = Harness.Client(emulator);
        switch (scenario)
        {
            case "rejection":
                foreach (var r in rowList) { r.OAID = EmulatorOptions.DemoInactiveOaId; r.Brandname = "NOSUCHBRAND"; }
                break;
            case "retried-then-accepted":
                emulator.Faults.Http5xxRate = 0.3;
                emulator.Faults.LostAfterAcceptRate = 0.3;
                break;
            case "transport":
                client = new EsmsClient(new Uri($"http://127.0.0.1:{ClosedPort()}/MainService.svc/json/"), Harness.Credential);
                break;
            case "malformed":
                emulator.Faults.HtmlErrorRate = 1;
                break;
            case "echo":
                // A broken proxy that answers with the request it got, keys and all.
                client = new EsmsClient(new Uri("http://127.0.0.1:9/MainService.svc/json/"), Harness.Credential,
                    new CannedHandler((n, body, _) => Task.FromResult(CannedHandler.Text(n % 2 == 0 ? HttpStatusCode.BadGateway : HttpStatusCode.OK, "echo: " + body, "text/plain"))));
                break;
            case "cancel":
                emulator.Faults.LatencyMs = 30_000;
                break;
        }

        string journalPath = Harness.TempFile("secrets.jsonl");
        var options = new SendOptions { Retry = Harness.FastRetry(3), ThrottleLimit = 2 };
        Harness.RunOutcome run;
        using (var journal = SendJournal.Open(journalPath))
        {
            options.Journal = journal;
            if (scenario == "cancel")
            {
                SendSession? session = null;
                var task = Task.Run(() => Harness.Run(kind, client, rowList, options, s => session = s));
                var wait = Stopwatch.StartNew();
                while (emulator.State.TotalRequests == 0 && wait.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(5);
                session!.Cancel();
                run = await task;
                Assert.IsAssignableFrom<OperationCanceledException>(run.Exception);
            }
            else
            {
                run = Harness.Run(kind, client, rowList, options);
                Assert.Null(run.Exception);
                Assert.Equal(rows, run.Results.Count);
            }
        }

        var text = new StringBuilder();
        foreach (var r in run.Results)
        {
            foreach (var p in typeof(SendResult).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance))
                text.Append(p.GetValue(r)).Append('\n');
            text.Append(r).Append('\n');
        }
        foreach (var m in run.Verbose) text.Append(m).Append('\n');
        foreach (var w in run.Warnings) text.Append(w).Append('\n');
        if (run.Exception != null) text.Append(run.Exception).Append('\n');
        text.Append(File.ReadAllText(journalPath));
        text.Append(client.Credential).Append('\n');

        string all = text.ToString();
        Assert.DoesNotContain(Harness.Key, all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Harness.Secret, all, StringComparison.OrdinalIgnoreCase);
        // The scenario really ran: the scan covered something.
        Assert.True(all.Length > 100);
        if (scenario == "echo") Assert.Contains("***", all);
        if (scenario == "rejection") Assert.All(run.Results, r => Assert.Equal(SendStatus.Rejected, r.Status));
        if (scenario == "transport") Assert.All(run.Results, r => Assert.Equal(SendStatus.Failed, r.Status));
    }

    private static int ClosedPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
