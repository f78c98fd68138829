using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Sending;
using EsmsZalo.Core.Tests.TestSupport;
using Xunit;

namespace EsmsZalo.Core.Tests.Unit;

/// <summary>How SMS rows are cut into requests of 30..5000 distinct numbers.</summary>
public sealed class SmsBatchingTests
{
    private const string Endpoint = "SendMultipleMessage_V4";

    private static IEnumerable<MessageRow> Rows(IEnumerable<string> phones, string content = "Baotrixemay: cảm ơn quý khách")
        => phones.Select(p => new MessageRow { Phone = p, Content = content, Brandname = Demo.Brandname, SmsType = "CustomerCare" });

    private static IEnumerable<string> Phones(int n) => Enumerable.Range(0, n).Select(SessionRunner.Phone);

    /// <summary>Recipients per request, from what the emulator accepted (one SMSID per request).</summary>
    private static int[] RecipientsPerRequest(TestEmulator emulator)
        => emulator.State.Accepted.Where(m => m.Endpoint == Endpoint).GroupBy(m => m.SmsId).Select(g => g.Count()).OrderBy(n => n).ToArray();

    [Fact]
    public async Task Numbers_5020_go_as_two_requests_of_2510_never_5000_plus_20()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var results = await SessionRunner.RunAsync(MessageKind.SmsMulti, emulator.Client(), TestEmulator.FastOptions(), Rows(Phones(5020)));

        Assert.Equal(5020, results.Count);
        Assert.All(results, r => Assert.Equal(SendStatus.Accepted, r.Status));
        Assert.Equal(2, emulator.State.RequestCount(Endpoint));
        Assert.Equal(new[] { 2510, 2510 }, RecipientsPerRequest(emulator));
        Assert.Equal(2, results.Select(r => r.SmsId).Distinct().Count());
        Assert.Equal(2, results.Select(r => r.RequestId).Distinct().Count());
    }

    [Fact]
    public async Task Numbers_10000_go_as_two_full_requests()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var results = await SessionRunner.RunAsync(MessageKind.SmsMulti, emulator.Client(), TestEmulator.FastOptions(), Rows(Phones(10_000)));

        Assert.Equal(10_000, results.Count);
        Assert.All(results, r => Assert.Equal(SendStatus.Accepted, r.Status));
        Assert.Equal(2, emulator.State.RequestCount(Endpoint));
        Assert.Equal(new[] { 5000, 5000 }, RecipientsPerRequest(emulator));
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), results.Select(r => r.Row));
    }

    [Fact]
    public async Task Numbers_29_make_no_request_and_every_row_says_too_few()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var results = await SessionRunner.RunAsync(MessageKind.SmsMulti, emulator.Client(), TestEmulator.FastOptions(), Rows(Phones(29)));

        Assert.Equal(29, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(SendStatus.Rejected, r.Status);
            Assert.Equal(ErrorIds.TooFewNumbers, r.ErrorId);
            Assert.Contains("30", r.Message);
        });
        Assert.Equal(0, emulator.State.TotalRequests);
    }

    [Fact]
    public async Task Numbers_30_are_enough()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var results = await SessionRunner.RunAsync(MessageKind.SmsMulti, emulator.Client(), TestEmulator.FastOptions(), Rows(Phones(30)));
        Assert.All(results, r => Assert.Equal(SendStatus.Accepted, r.Status));
        Assert.Equal(new[] { 30 }, RecipientsPerRequest(emulator));
    }

    [Fact]
    public async Task A_number_repeated_in_a_run_is_sent_once_and_the_repeat_says_Duplicate()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var phones = Phones(40).ToList();
        phones.Insert(10, "+84 " + phones[3].Substring(1));   // the 4th number again, written another way
        phones.Add(phones[0]);                                 // and the first one again, as is
        var results = await SessionRunner.RunAsync(MessageKind.SmsMulti, emulator.Client(), TestEmulator.FastOptions(), Rows(phones));

        Assert.Equal(42, results.Count);
        Assert.Equal(SendStatus.Duplicate, results[10].Status);
        Assert.Equal(phones[3], results[10].Phone);
        Assert.Equal(SendStatus.Duplicate, results[41].Status);
        Assert.Equal(40, results.Count(r => r.Status == SendStatus.Accepted));
        Assert.Equal(1, emulator.State.RequestCount(Endpoint));
        Assert.Equal(40, emulator.State.AcceptedCount);
        Assert.Equal(40, emulator.State.Accepted.Select(m => m.Phone).Distinct().Count());
    }

    [Fact]
    public async Task Repeats_do_not_count_towards_the_minimum_of_30()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var phones = Phones(29).Concat(Phones(5)).ToList(); // 34 rows, 29 distinct numbers
        var results = await SessionRunner.RunAsync(MessageKind.SmsMulti, emulator.Client(), TestEmulator.FastOptions(), Rows(phones));

        Assert.Equal(29, results.Count(r => r.Status == SendStatus.Rejected && r.ErrorId == ErrorIds.TooFewNumbers));
        Assert.Equal(5, results.Count(r => r.Status == SendStatus.Duplicate));
        Assert.Equal(0, emulator.State.TotalRequests);
    }

    [Fact]
    public async Task Different_contents_are_different_requests()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rows = Rows(Phones(30), "Nội dung A").Concat(Rows(Phones(30), "Nội dung B")).ToList();
        var results = await SessionRunner.RunAsync(MessageKind.SmsMulti, emulator.Client(), TestEmulator.FastOptions(), rows);

        Assert.All(results, r => Assert.Equal(SendStatus.Accepted, r.Status));
        Assert.Equal(2, emulator.State.RequestCount(Endpoint));
        Assert.Equal(30, emulator.State.Accepted.Count(m => m.Content == "Nội dung A"));
        Assert.Equal(30, emulator.State.Accepted.Count(m => m.Content == "Nội dung B"));
    }

    // ---- the cutting rule itself ------------------------------------------------------------

    private static SmsMultiChannel Channel(int? batchSize = null)
        => new(new EsmsClient(new Uri("http://127.0.0.1:9/"), Demo.Credential), new SendOptions { BatchSize = batchSize }, _ => { });

    [Theory]
    [InlineData(30, new[] { 30 })]
    [InlineData(5000, new[] { 5000 })]
    [InlineData(5001, new[] { 2501, 2500 })]
    [InlineData(5020, new[] { 2510, 2510 })]
    [InlineData(5029, new[] { 2515, 2514 })]
    [InlineData(10_001, new[] { 3334, 3334, 3333 })]
    public void Rows_left_at_the_end_are_split_evenly(int open, int[] expected)
        => Assert.Equal(expected, Channel().CutAtEnd(open).ToArray());

    [Fact]
    public void While_rows_arrive_a_full_request_is_cut_only_when_30_more_are_waiting()
    {
        var channel = Channel();
        Assert.Equal(0, channel.CutNow(5000));
        Assert.Equal(0, channel.CutNow(5029));
        Assert.Equal(5000, channel.CutNow(5030));
    }

    // A batch size under 60 cannot always be honoured (59 rows cannot be cut into pieces of 30..30),
    // so the rule is checked from 60 up.
    [Theory]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(5000)]
    public void No_cut_ever_falls_outside_30_to_the_batch_size(int batchSize)
    {
        var channel = Channel(batchSize);
        for (int open = 30; open <= 3 * batchSize + 40; open += open < 200 ? 1 : 97)
        {
            // Rows are cut while they arrive, then the rest at the end.
            int left = open;
            var cuts = new List<int>();
            int waiting = 0;
            for (int i = 0; i < open; i++)
            {
                waiting++;
                int n = channel.CutNow(waiting);
                if (n > 0) { cuts.Add(n); waiting -= n; }
            }
            cuts.AddRange(channel.CutAtEnd(waiting));
            Assert.Equal(open, cuts.Sum());
            Assert.All(cuts, c => Assert.InRange(c, 30, batchSize));
        }
    }

    [Theory]
    [InlineData(29)]
    [InlineData(5001)]
    public void A_batch_size_outside_30_to_5000_is_refused(int size)
        => Assert.Throws<ArgumentOutOfRangeException>(() => Channel(size));
}
