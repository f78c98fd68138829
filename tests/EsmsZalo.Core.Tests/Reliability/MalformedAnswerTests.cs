using System.Net;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Sending;
using Xunit;

namespace EsmsZalo.Core.Tests.Reliability;

/// <summary>Malformed or unexpected answers: affected rows Failed with the raw answer in the message, never a crash, never Accepted without an SMSID.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class MalformedAnswerTests
{
    public static readonly TheoryData<string, MessageKind> EmulatorFaultCases = new()
    {
        { "html", MessageKind.Zns }, { "html", MessageKind.ZnsBulk }, { "html", MessageKind.Journey }, { "html", MessageKind.SmsMulti },
        { "invalid", MessageKind.Zns }, { "invalid", MessageKind.ZnsBulk }, { "invalid", MessageKind.Journey }, { "invalid", MessageKind.SmsMulti },
    };

    [Theory]
    [MemberData(nameof(EmulatorFaultCases))]
    public async Task An_html_page_or_invalid_request_answer_fails_the_rows_with_the_raw_answer(string fault, MessageKind kind)
    {
        await using var emulator = await Harness.StartAsync();
        if (fault == "html") emulator.Faults.HtmlErrorRate = 1;
        else emulator.Faults.InvalidRequestRate = 1;
        int rows = kind == MessageKind.SmsMulti ? 40 : 6;

        var run = Harness.Run(kind, Harness.Client(emulator), Enumerable.Range(0, rows).Select(i => Harness.Row(kind, i)), new SendOptions { Retry = Harness.FastRetry(2) });

        Assert.Null(run.Exception);
        Assert.Equal(rows, run.Results.Count);
        Assert.All(run.Results, r =>
        {
            Assert.Equal(SendStatus.Failed, r.Status);
            Assert.Null(r.SmsId);
            if (fault == "html")
            {
                Assert.Equal(ErrorIds.MalformedResponse, r.ErrorId);
                Assert.Contains("Service Unavailable", r.Message);
            }
            else
            {
                Assert.Equal(ErrorIds.InvalidRequest, r.ErrorId);
                Assert.Contains("{\"error\":\"Invalid request\"}", r.Message);
            }
        });
        Assert.Equal(0, emulator.State.AcceptedCount);
    }

    [Fact]
    public async Task A_bulk_detail_shorter_than_the_batch_fails_only_the_unlisted_row()
    {
        await using var emulator = await Harness.StartAsync();
        emulator.Faults.ShortDetailRate = 1;
        var run = Harness.Run(MessageKind.ZnsBulk, Harness.Client(emulator), Enumerable.Range(0, 250).Select(i => Harness.Row(MessageKind.ZnsBulk, i)),
            new SendOptions { BatchSize = 50, Retry = Harness.FastRetry() });

        Assert.Null(run.Exception);
        Assert.Equal(250, run.Results.Count);
        for (int i = 0; i < 250; i++)
        {
            var r = run.Results[i];
            if (i % 50 == 49)
            {
                Assert.Equal(SendStatus.Failed, r.Status);
                Assert.Equal(ErrorIds.MalformedResponse, r.ErrorId);
                Assert.Contains("49 result(s) for a request of 50 rows", r.Message);
                Assert.Contains("\"detail\"", r.Message); // the raw answer
            }
            else
            {
                Assert.Equal(SendStatus.Accepted, r.Status);
                Assert.False(string.IsNullOrEmpty(r.SmsId));
            }
        }
        Assert.Empty(Harness.Repeated(emulator));
    }

    public static readonly TheoryData<string, MessageKind, int, string, string, string> CannedCases = new()
    {
        // name, kind, HTTP status, body, expected ErrorId, text the message must quote
        { "empty body", MessageKind.Zns, 200, "", ErrorIds.MalformedResponse, "(empty body)" },
        { "empty body bulk", MessageKind.ZnsBulk, 200, "", ErrorIds.MalformedResponse, "(empty body)" },
        { "not json", MessageKind.Journey, 200, "OK then", ErrorIds.MalformedResponse, "OK then" },
        { "json without a code", MessageKind.Zns, 200, "{\"foo\":1}", ErrorIds.MalformedResponse, "{\"foo\":1}" },
        { "json array", MessageKind.ZnsBulk, 200, "[1,2,3]", ErrorIds.MalformedResponse, "[1,2,3]" },
        { "100 without SMSID", MessageKind.Zns, 200, "{\"CodeResult\":\"100\"}", ErrorIds.MalformedResponse, "without an SMSID" },
        { "100 with empty SMSID", MessageKind.Journey, 200, "{\"CodeResult\":\"100\",\"SMSID\":\"\"}", ErrorIds.MalformedResponse, "without an SMSID" },
        { "bulk 100 without detail", MessageKind.ZnsBulk, 200, "{\"CodeResult\":\"100\",\"TotalSuccess\":3}", ErrorIds.MalformedResponse, "listed no result per row" },
        { "bulk detail items without SMSID", MessageKind.ZnsBulk, 200, "{\"CodeResult\":\"100\",\"detail\":[{\"CodeResult\":\"100\"},{\"CodeResult\":\"100\"},{\"CodeResult\":\"100\"}]}", ErrorIds.MalformedResponse, "without an SMSID" },
        { "bulk detail of another request", MessageKind.ZnsBulk, 200, "{\"CodeResult\":\"100\",\"detail\":[{\"CodeResult\":\"100\",\"Phone\":\"0999999999\",\"SMSID\":\"x\"}]}", ErrorIds.MalformedResponse, "none for this row" },
        { "sms 100 without SMSID", MessageKind.SmsMulti, 200, "{\"CodeResult\":\"100\"}", ErrorIds.MalformedResponse, "without an SMSID" },
        { "404 page", MessageKind.Zns, 404, "<html><body>Not Found</body></html>", ErrorIds.HttpError, "Not Found" },
        { "truncated json", MessageKind.ZnsBulk, 200, "{\"CodeResult\":\"100\",\"detail\":[{\"CodeRes", ErrorIds.MalformedResponse, "CodeRes" },
    };

    [Theory]
    [MemberData(nameof(CannedCases))]
    public void An_unexpected_answer_fails_the_rows_and_never_marks_them_Accepted(string name, MessageKind kind, int status, string body, string errorId, string quoted)
    {
        _ = name;
        var handler = CannedHandler.Always((HttpStatusCode)status, body, body.StartsWith("<", StringComparison.Ordinal) ? "text/html" : "application/json");
        var client = new EsmsClient(new Uri("http://127.0.0.1:9/MainService.svc/json/"), Harness.Credential, handler);
        int rows = kind == MessageKind.SmsMulti ? 35 : 3;

        var run = Harness.Run(kind, client, Enumerable.Range(0, rows).Select(i => Harness.Row(kind, i)), new SendOptions { Retry = Harness.FastRetry(2) });

        Assert.Null(run.Exception);
        Assert.Equal(rows, run.Results.Count);
        Assert.All(run.Results, r =>
        {
            Assert.Equal(SendStatus.Failed, r.Status);
            Assert.Equal(errorId, r.ErrorId);
            Assert.Contains(quoted, r.Message);
            Assert.Null(r.SmsId);
        });
    }
}
