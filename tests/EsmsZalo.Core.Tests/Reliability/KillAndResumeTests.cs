using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Journal;
using EsmsZalo.Core.Sending;
using EsmsZalo.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace EsmsZalo.Core.Tests.Reliability;

/// <summary>
/// A child process (tests/EsmsZalo.ResumeChild) sends with a journal and is killed midway
/// (Process.Kill, the moral equivalent of kill -9); a second run with the same journal completes.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class KillAndResumeTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2025, 3, 19, 8, 0, 0, TimeSpan.Zero);

    public static readonly TheoryData<MessageKind, double, bool> Cases = new()
    {
        { MessageKind.Zns, 0.5, false },
        { MessageKind.ZnsBulk, 0.5, false },
        { MessageKind.Zns, 0.0, false },    // killed before eSMS accepted anything
        { MessageKind.Zns, 0.3, true },     // resumed 25 h later: eSMS's RequestId block is gone
        { MessageKind.ZnsBulk, 0.7, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_run_killed_midway_is_completed_by_a_second_run_with_the_same_journal(MessageKind kind, double killAt, bool after24Hours)
    {
        var time = new ManualTime(Start);
        await using var emulator = await Harness.StartAsync(seed: 99, time: time);
        bool bulk = kind == MessageKind.ZnsBulk;
        int rows = bulk ? 3_000 : 600;
        int batch = 50;
        emulator.Faults.LatencyMs = bulk ? 80 : 10; // slow enough that the kill lands mid-run
        string journalPath = Harness.TempFile("resume.jsonl");

        // Run 1: the child, killed once eSMS has accepted killAt of the rows.
        using (var child = StartChild(kind, emulator.BaseAddress, journalPath, rows, batch))
        {
            var deadline = Stopwatch.StartNew();
            int threshold = (int)(rows * killAt);
            while (emulator.State.AcceptedCount < threshold || (threshold == 0 && emulator.State.RequestCount(bulk ? "Send_zns_bulk_v4_post_json" : "SendZaloMessage_V5_post") == 0))
            {
                if (child.HasExited)
                    Assert.Fail("the child finished before it could be killed: " + child.StandardOutput.ReadToEnd() + child.StandardError.ReadToEnd());
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the child made no progress");
                await Task.Delay(2);
            }
            int atKill = emulator.State.AcceptedCount;
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            output.WriteLine($"killed pid {child.Id} at {atKill} accepted after {deadline.ElapsedMilliseconds} ms; exited {child.HasExited}; now {emulator.State.AcceptedCount}");
        }
        // Requests the child left in flight are aborted or finish on the emulator side; let them settle.
        await Task.Delay(300);

        var firstIds = emulator.State.Accepted.Select(m => m.RequestId!).ToHashSet(StringComparer.Ordinal);
        Assert.True(firstIds.Count < rows, $"the kill should land before the end: {firstIds.Count} accepted, {emulator.State.RequestCount(bulk ? "Send_zns_bulk_v4_post_json" : "SendZaloMessage_V5_post")} requests");
        Assert.Empty(Harness.Repeated(emulator));
        var journalled = JournalledAccepted(journalPath);
        Assert.Subset(firstIds, journalled); // the journal never claims more than eSMS has
        var unjournalled = firstIds.Except(journalled).ToHashSet();

        // A kill while writing leaves a torn last line; the next run must read past it and say so.
        File.AppendAllText(journalPath, "{\"time\":\"2025-03-19T08:00:01.000Z\",\"key\":\"resume-");

        if (after24Hours) time.Advance(TimeSpan.FromHours(25));
        emulator.Faults.LatencyMs = 0;

        // Run 2, in process, same rows, same journal.
        Harness.RunOutcome second;
        using (var journal = SendJournal.Open(journalPath))
        {
            Assert.Single(journal.Warnings);
            Assert.Contains("could not be read", journal.Warnings[0]);
            Assert.Equal(journalled.Count, journal.CompletedCount);
            var options = new SendOptions { Journal = journal, Retry = Harness.FastRetry(), BatchSize = bulk ? batch : null };
            // The journal's "Sending" lines carry the wall clock; run 2 happens 25 h later on that clock too.
            if (after24Hours) options.Now = () => DateTimeOffset.UtcNow.AddHours(25);
            second = Harness.Run(kind, Harness.Client(emulator), Enumerable.Range(0, rows).Select(i => Harness.Row(kind, i, "resume-" + i)), options);
        }
        Assert.Null(second.Exception);
        Assert.Equal(rows, second.Results.Count);

        // Rows the journal recorded as Accepted are Skipped, with the earlier SMSID, and never re-sent.
        var skipped = second.Results.Where(r => r.Status == SendStatus.Skipped).ToList();
        Assert.Equal(journalled.OrderBy(x => x), skipped.Select(r => r.RequestId!).OrderBy(x => x));
        Assert.All(skipped, r => Assert.False(string.IsNullOrEmpty(r.SmsId)));
        var counts = emulator.State.Accepted.GroupBy(m => m.RequestId!).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(journalled, id => Assert.Equal(1, counts[id]));
        int deliveredTwice = counts.Count(kv => kv.Value > 1);
        // Never twice, whenever the resume comes.
        Assert.Equal(0, deliveredTwice);
        var allRows = Enumerable.Range(0, rows).Select(i => "resume-" + i).ToHashSet();

        if (!after24Hours)
        {
            // Every row is at eSMS now; none is missing. Inside eSMS's 24 h window the rows that were
            // accepted but not yet journalled come back 124.
            Assert.Equal(allRows, counts.Keys.ToHashSet());
            Assert.Equal(unjournalled.Count, second.Count(SendStatus.Duplicate));
            Assert.Equal(rows - firstIds.Count, second.Count(SendStatus.Accepted));
            Assert.Equal(0, second.Count(SendStatus.Failed));
        }
        else
        {
            // Past the window eSMS no longer blocks a repeat, so rows the killed run had sent without
            // learning the outcome are not sent again: they are reported, by id, for the admin to
            // check. Rows eSMS accepted but the journal had not recorded are among them; nothing is
            // silently lost (every row is at eSMS or reported) and nothing is delivered twice.
            var unknown = second.Results.Where(r => r.Status == SendStatus.Failed).ToList();
            Assert.All(unknown, r => Assert.Equal(ErrorIds.OutcomeUnknown, r.ErrorId));
            var unknownIds = unknown.Select(r => r.RequestId!).ToHashSet(StringComparer.Ordinal);
            Assert.Subset(unknownIds, unjournalled);
            Assert.True(unknownIds.Count <= 4 * (bulk ? batch : 1), $"{unknownIds.Count} rows of unknown outcome: more than the requests in flight at the kill");
            Assert.Equal(allRows, counts.Keys.Union(unknownIds).ToHashSet());
        }

        string line = string.Format(CultureInfo.InvariantCulture,
            "kill-and-resume {0}{1}: {2} rows, killed after eSMS accepted {3} ({4} journalled); run 2: Skipped {5}, Duplicate {6}, Accepted {7}; delivered twice {8}, missing 0",
            bulk ? "bulk" : "single", after24Hours ? " (+25 h)" : "", rows, firstIds.Count, journalled.Count,
            second.Count(SendStatus.Skipped), second.Count(SendStatus.Duplicate), second.Count(SendStatus.Accepted), deliveredTwice);
        output.WriteLine(line);
        Figures.Add(line);
    }

    private static HashSet<string> JournalledAccepted(string path)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.GetProperty("status").GetString() == "Accepted") set.Add(doc.RootElement.GetProperty("key").GetString()!);
            }
            catch (JsonException)
            {
                // a torn last line
            }
        }
        return set;
    }

    private static Process StartChild(MessageKind kind, Uri baseAddress, string journal, int rows, int batch)
    {
        string testDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        string tfm = Path.GetFileName(testDir);
        string config = Path.GetFileName(Path.GetDirectoryName(testDir)!);
        string dll = Path.GetFullPath(Path.Combine(testDir, "..", "..", "..", "..", "EsmsZalo.ResumeChild", "bin", config, tfm, "EsmsZalo.ResumeChild.dll"));
        Assert.True(File.Exists(dll), "child not built: " + dll);
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var psi = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, kind.ToString(), baseAddress.ToString(), journal, rows.ToString(CultureInfo.InvariantCulture), batch.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }
}
