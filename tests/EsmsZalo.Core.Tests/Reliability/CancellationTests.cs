using System.Diagnostics;
using System.Net;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Journal;
using EsmsZalo.Core.Resilience;
using EsmsZalo.Core.Sending;
using Xunit;

namespace EsmsZalo.Core.Tests.Reliability;

/// <summary>Cancel stops in-flight requests and retry delays at once; rows already answered are journalled.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class CancellationTests
{
    private static (Harness.RunOutcome Run, TimeSpan AfterCancel) RunAndCancel(MessageKind kind, EsmsClient client, int rows, SendOptions options, Func<bool> cancelWhen)
    {
        SendSession? session = null;
        var started = new ManualResetEventSlim();
        var task = Task.Run(() => Harness.Run(kind, client, Enumerable.Range(0, rows).Select(i => Harness.Row(kind, i)), options, s => { session = s; started.Set(); }));
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        var wait = Stopwatch.StartNew();
        while (!cancelWhen())
        {
            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(20), "the cancel point was never reached");
            Thread.Sleep(5);
        }
        var clock = Stopwatch.StartNew();
        session!.Cancel();
        Assert.True(task.Wait(TimeSpan.FromSeconds(10)), "the run did not stop after Cancel");
        return (task.Result, clock.Elapsed);
    }

    [Theory]
    [InlineData(MessageKind.Zns)]
    [InlineData(MessageKind.ZnsBulk)]
    public async Task Cancel_stops_in_flight_requests_at_once(MessageKind kind)
    {
        await using var emulator = await Harness.StartAsync();
        emulator.Faults.LatencyMs = 30_000;
        string endpoint = kind == MessageKind.Zns ? "SendZaloMessage_V5_post" : "Send_zns_bulk_v4_post_json";
        var options = new SendOptions { ThrottleLimit = 2, BatchSize = kind == MessageKind.ZnsBulk ? 10 : null, Retry = Harness.FastRetry() };

        var (run, after) = RunAndCancel(kind, Harness.Client(emulator), 100, options, () => emulator.State.RequestCount(endpoint) >= 2);

        Assert.True(after < TimeSpan.FromSeconds(2), $"Cancel took {after.TotalMilliseconds:0} ms");
        Assert.IsAssignableFrom<OperationCanceledException>(run.Exception);
        Assert.Equal(0, emulator.State.AcceptedCount);
        Assert.DoesNotContain(run.Results, r => r.Status == SendStatus.Accepted);
    }

    [Fact]
    public async Task Cancel_stops_a_retry_delay_at_once()
    {
        await using var emulator = await Harness.StartAsync();
        emulator.Faults.Http5xxRate = 1;
        var options = new SendOptions
        {
            ThrottleLimit = 1,
            Retry = new RetryOptions { MaximumRetryCount = 5, RetryInterval = TimeSpan.FromSeconds(30), MaximumDelay = TimeSpan.FromSeconds(60) },
        };

        var (run, after) = RunAndCancel(MessageKind.Zns, Harness.Client(emulator), 3, options, () => emulator.State.RequestCount("SendZaloMessage_V5_post") >= 1);

        Assert.True(after < TimeSpan.FromSeconds(2), $"Cancel took {after.TotalMilliseconds:0} ms");
        Assert.IsAssignableFrom<OperationCanceledException>(run.Exception);
        Assert.Equal(1, emulator.State.RequestCount("SendZaloMessage_V5_post"));
    }

    [Fact]
    public async Task Rows_answered_before_Cancel_are_journalled()
    {
        // Single sends: 20 rows answer at once, then every request hangs; Cancel then.
        await using var emulator = await Harness.StartAsync();
        string path = Harness.TempFile("cancel.jsonl");
        var options = new SendOptions { ThrottleLimit = 2, Retry = Harness.FastRetry() };
        Harness.RunOutcome run;
        using (var journal = SendJournal.Open(path))
        {
            options.Journal = journal;
            (run, _) = RunAndCancel(MessageKind.Zns, Harness.Client(emulator), 100, options, () =>
            {
                if (emulator.State.AcceptedCount >= 20) emulator.Faults.LatencyMs = 30_000;
                return emulator.State.AcceptedCount >= 20 && emulator.State.RequestCount("SendZaloMessage_V5_post") >= emulator.State.AcceptedCount + 2;
            });
        }
        Assert.IsAssignableFrom<OperationCanceledException>(run.Exception);
        using (var reopened = SendJournal.Open(path))
            Assert.Equal(emulator.State.AcceptedCount, reopened.CompletedCount);
    }

    [Fact]
    public async Task Bulk_rows_accepted_before_a_retry_delay_is_cancelled_are_journalled()
    {
        // A bulk answer accepts row 1 and asks to retry row 2 (160); Cancel lands in the retry delay.
        var handler = new CannedHandler(async (n, body, ct) =>
        {
            if (n == 1)
                return CannedHandler.Text(HttpStatusCode.OK,
                    "{\"CodeResult\":\"100\",\"TotalSuccess\":1,\"TotalFail\":1,\"detail\":[{\"CodeResult\":\"100\",\"Phone\":\"" + Harness.Phone(0) + "\",\"SMSID\":\"sms-1\"},{\"CodeResult\":\"160\",\"Phone\":\"" + Harness.Phone(1) + "\",\"ErrorMessage\":\"Exceed TPS\"}]}");
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException();
        });
        var client = new EsmsClient(new Uri("http://127.0.0.1:9/MainService.svc/json/"), Harness.Credential, handler);
        string path = Harness.TempFile("cancel-bulk.jsonl");
        var options = new SendOptions
        {
            ThrottleLimit = 1,
            Retry = new RetryOptions { MaximumRetryCount = 3, RetryInterval = TimeSpan.FromSeconds(30) },
        };
        Harness.RunOutcome run;
        using (var journal = SendJournal.Open(path))
        {
            options.Journal = journal;
            // Cancel once row 1's answer is in the journal, so the cancel lands in row 2's 30 s retry
            // delay (cancelling while the answer is still on the wire is another case: outcome unknown).
            // Row 1 must be journalled before the retry, not when the request finishes, or this point
            // is never reached.
            (run, _) = RunAndCancel(MessageKind.ZnsBulk, client, 2, options, () => handler.Count >= 1 && journal.CompletedCount >= 1);
        }
        Assert.IsAssignableFrom<OperationCanceledException>(run.Exception);
        using var reopened = SendJournal.Open(path);
        Assert.Equal(1, reopened.CompletedCount);
        Assert.True(reopened.TryGetCompleted(Harness.Row(MessageKind.ZnsBulk, 0).RequestId ?? DerivedId(0), out var entry));
        Assert.Equal("sms-1", entry.SmsId);
    }

    private static string DerivedId(int i)
    {
        // The RequestId the bulk channel derives for Harness row i: read it back from a sandbox-free dry run.
        var handler = CannedHandler.Always(HttpStatusCode.OK, "{\"CodeResult\":\"101\"}");
        var client = new EsmsClient(new Uri("http://127.0.0.1:9/MainService.svc/json/"), Harness.Credential, handler);
        var run = Harness.Run(MessageKind.ZnsBulk, client, new[] { Harness.Row(MessageKind.ZnsBulk, i) }, new SendOptions());
        return run.Results[0].RequestId!;
    }
}
