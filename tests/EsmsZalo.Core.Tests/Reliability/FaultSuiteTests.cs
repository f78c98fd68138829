using System.Globalization;
using EsmsZalo.Core.Journal;
using EsmsZalo.Core.Sending;
using EsmsZalo.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace EsmsZalo.Core.Tests.Reliability;

/// <summary>
/// Real HTTP to the emulator with faults injected: every row gets exactly one result, the emulator
/// accepts each message exactly once, and the counts reconcile.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class FaultSuiteTests(ITestOutputHelper output)
{
    public static readonly TheoryData<string, MessageKind, int> Profiles = Build();

    private static TheoryData<string, MessageKind, int> Build()
    {
        var data = new TheoryData<string, MessageKind, int>();
        foreach (var profile in new[] { "5xx-20%", "lost-after-accept-10%", "dropped-5%", "code160-5%", "all-at-once" })
        {
            data.Add(profile, MessageKind.ZnsBulk, 10_000);
            data.Add(profile, MessageKind.Zns, 1_000);
        }
        return data;
    }

    internal const int BulkBatch = 100;

    private static void Apply(EmulatorFaults f, string profile)
    {
        switch (profile)
        {
            case "5xx-20%": f.Http5xxRate = 0.20; break;
            case "lost-after-accept-10%": f.LostAfterAcceptRate = 0.10; break;
            case "dropped-5%": f.DropConnectionRate = 0.05; break;
            case "code160-5%": f.Code160Rate = 0.05; break;
            case "all-at-once":
                f.Http5xxRate = 0.20;
                f.LostAfterAcceptRate = 0.10;
                f.DropConnectionRate = 0.05;
                f.Code160Rate = 0.05;
                break;
            default: throw new ArgumentOutOfRangeException(nameof(profile));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Every_row_gets_one_result_and_each_message_is_accepted_exactly_once(string profile, MessageKind kind, int rows)
    {
        await using var emulator = await Harness.StartAsync(seed: 20250319);
        Apply(emulator.Faults, profile);
        // Bulk requests of 100 rows: 100 requests per run, so each profile injects a meaningful number of faults.
        var options = new SendOptions { Retry = Harness.FastRetry(), ThrottleLimit = 4, BatchSize = kind == MessageKind.ZnsBulk ? BulkBatch : null };

        var run = Harness.Run(kind, Harness.Client(emulator), Enumerable.Range(0, rows).Select(i => Harness.Row(kind, i)), options);

        Assert.Null(run.Exception);
        var summary = Reconcile(emulator, run, rows, kind, profile);
        output.WriteLine(summary);
        // With 12 fast retries no row should run out of attempts in these profiles.
        Assert.Equal(rows, run.Count(SendStatus.Accepted));
    }

    /// <summary>The invariants every fault run must keep, whatever the retry budget. Returns the figures line.</summary>
    internal static string Reconcile(EsmsEmulator emulator, Harness.RunOutcome run, int rows, MessageKind kind, string profile)
    {
        // Exactly one result per row, in input order: none lost, none doubled.
        Assert.Equal(rows, run.Results.Count);
        for (int i = 0; i < rows; i++) Assert.Equal(i + 1, run.Results[i].Row);

        var accepted = emulator.State.Accepted;
        var repeated = Harness.Repeated(emulator);
        Assert.Empty(repeated);

        var emulatorIds = accepted.Select(m => m.RequestId!).ToHashSet(StringComparer.Ordinal);
        var acceptedIds = run.Results.Where(r => r.Status == SendStatus.Accepted).Select(r => r.RequestId!).ToHashSet(StringComparer.Ordinal);
        // Everything reported Accepted really is at eSMS...
        Assert.Subset(emulatorIds, acceptedIds);
        // ...and what eSMS has and the run did not report Accepted can only be a Failed row whose last answer was lost.
        foreach (var r in run.Results.Where(r => r.Status != SendStatus.Accepted))
        {
            Assert.Equal(SendStatus.Failed, r.Status);
            Assert.False(string.IsNullOrEmpty(r.ErrorId));
            Assert.False(string.IsNullOrEmpty(r.Message));
        }
        foreach (var r in run.Results.Where(r => r.Status == SendStatus.Accepted))
        {
            Assert.True(r.Attempts >= 1);
            if (r.CodeResult == "100") Assert.False(string.IsNullOrEmpty(r.SmsId));
            else Assert.Equal("124", r.CodeResult); // accepted on an attempt whose answer was lost
        }
        int failedButDelivered = run.Results.Count(r => r.Status == SendStatus.Failed && emulatorIds.Contains(r.RequestId!));

        string endpoint = kind == MessageKind.ZnsBulk ? "Send_zns_bulk_v4_post_json" : "SendZaloMessage_V5_post";
        int requests = emulator.State.RequestCount(endpoint);
        int minimal = kind == MessageKind.ZnsBulk ? (rows + BulkBatch - 1) / BulkBatch : rows;
        string line = string.Format(CultureInfo.InvariantCulture,
            "| {0} | {1} | {2:N0} | {3:N0} ({4:N0} needed, {5:N0} extra) | {6:N0} (124 on retry: {7:N0}) | {8:N0} | {9:N0} | {10:N0} | {11} | {12} | {13:0.0} s |",
            profile, kind == MessageKind.ZnsBulk ? "bulk" : "single", rows, requests, minimal, requests - minimal,
            run.Count(SendStatus.Accepted), run.Results.Count(r => r.Status == SendStatus.Accepted && r.CodeResult == "124"),
            run.Count(SendStatus.Duplicate), run.Count(SendStatus.Failed), emulator.State.AcceptedCount,
            repeated.Count, rows - run.Results.Count, run.Progress!.ElapsedSeconds);
        if (failedButDelivered > 0) line += $" ({failedButDelivered} Failed row(s) had reached eSMS: last answer lost)";
        Figures.Add(line);
        return line;
    }

    [Fact]
    public async Task With_default_retry_budget_failed_rows_are_reported_and_a_rerun_with_the_journal_completes_them()
    {
        // Harsher than the profile, and only the default 3 retries: some rows must run out.
        await using var emulator = await Harness.StartAsync(seed: 7);
        var f = emulator.Faults;
        f.Http5xxRate = 0.35;
        f.LostAfterAcceptRate = 0.20;
        f.DropConnectionRate = 0.10;
        f.Code160Rate = 0.10;
        string journalPath = Harness.TempFile("default-budget.jsonl");
        const int rows = 1_000;
        var retry = Harness.FastRetry(max: 3);

        Harness.RunOutcome first;
        using (var journal = SendJournal.Open(journalPath))
        {
            var options = new SendOptions { Retry = retry, Journal = journal, ThrottleLimit = 4 };
            first = Harness.Run(MessageKind.Zns, Harness.Client(emulator), Enumerable.Range(0, rows).Select(i => Harness.Row(MessageKind.Zns, i)), options);
        }
        Assert.Null(first.Exception);
        Assert.Equal(rows, first.Results.Count);
        int failed = first.Count(SendStatus.Failed);
        Assert.True(failed > 0, "the harsh profile should leave some rows Failed with 3 retries");
        Assert.Equal(rows, first.Count(SendStatus.Accepted) + failed);
        Assert.All(first.Results.Where(r => r.Status == SendStatus.Failed), r =>
        {
            Assert.Equal("EsmsSendFailed", r.ErrorId);
            Assert.Equal(4, r.Attempts);
            Assert.Contains("Running the same input again is safe", r.Message);
        });
        Assert.Empty(Harness.Repeated(emulator));
        var emulatorIds = emulator.State.Accepted.Select(m => m.RequestId!).ToHashSet();
        Assert.Subset(emulatorIds, first.Results.Where(r => r.Status == SendStatus.Accepted).Select(r => r.RequestId!).ToHashSet());
        int failedButDelivered = first.Results.Count(r => r.Status == SendStatus.Failed && emulatorIds.Contains(r.RequestId!));

        // The admin runs the task again with the same journal, the network healthy.
        f.Reset();
        Harness.RunOutcome second;
        using (var journal = SendJournal.Open(journalPath))
        {
            Assert.Empty(journal.Warnings);
            var options = new SendOptions { Retry = retry, Journal = journal, ThrottleLimit = 4 };
            second = Harness.Run(MessageKind.Zns, Harness.Client(emulator), Enumerable.Range(0, rows).Select(i => Harness.Row(MessageKind.Zns, i)), options);
        }
        Assert.Null(second.Exception);
        Assert.Equal(rows, second.Results.Count);
        Assert.Equal(rows - failed, second.Count(SendStatus.Skipped));
        Assert.Equal(failedButDelivered, second.Count(SendStatus.Duplicate));
        Assert.Equal(failed - failedButDelivered, second.Count(SendStatus.Accepted));
        Assert.Empty(Harness.Repeated(emulator));
        Assert.Equal(rows, emulator.State.AcceptedCount);
        Assert.Equal(Enumerable.Range(0, rows).Select(Harness.Phone).ToHashSet(), emulator.State.Accepted.Select(m => m.Phone).ToHashSet());

        string line = string.Format(CultureInfo.InvariantCulture,
            "default budget (3 retries), harsh profile, single, {0} rows: run 1 Accepted {1}, Failed {2} (of which {3} had in fact reached eSMS); run 2 Skipped {4}, Accepted {5}, Duplicate {6}; emulator holds {7} messages, 0 twice",
            rows, first.Count(SendStatus.Accepted), failed, failedButDelivered, second.Count(SendStatus.Skipped), second.Count(SendStatus.Accepted), second.Count(SendStatus.Duplicate), emulator.State.AcceptedCount);
        output.WriteLine(line);
        Figures.Add(line);
    }
}

/// <summary>The heavy suites share two cores: run them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection
{
    public const string Name = "Reliability";
}
