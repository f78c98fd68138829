using System.Text;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Journal;
using EsmsZalo.Core.Sending;
using EsmsZalo.Core.Tests.TestSupport;
using Xunit;

namespace EsmsZalo.Core.Tests.Integration;

/// <summary>The send engine over real HTTP against the eSMS emulator.</summary>
public sealed class SendSessionTests
{
    private const string Bulk = "Send_zns_bulk_v4_post_json";
    private const string V5 = "SendZaloMessage_V5_post";
    private const string Journey = "SendZaloMessage_V4_post_json";

    private static readonly string[] Names = { "Chị Hương", "Anh Đức", "Cô Thảo", "Bác Lộc", "Em Nguyệt" };
    private static readonly string[] Services = { "Gội đầu", "Uốn", "Nhuộm", "Cắt tỉa", "Hấp dầu" };

    private static MessageRow BulkRow(int i, string? phone = null, bool sandbox = false) => new()
    {
        Phone = phone ?? SessionRunner.Phone(i),
        OAID = Demo.OAID,
        TemplateId = Demo.AppointmentTemplate,
        CampaignId = "Chiến dịch tháng 3",
        Sandbox = sandbox,
        Params = new object?[] { Names[i % Names.Length] + " " + i, Services[i % Services.Length], "KH" + i.ToString("0000"), "19/03/2030" },
        InputObject = i,
    };

    private static List<MessageRow> BulkRows(int n) => Enumerable.Range(0, n).Select(i => BulkRow(i)).ToList();

    [Fact]
    public async Task Bulk_1234_rows_go_in_3_requests_and_come_back_in_input_order()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rows = BulkRows(1234);
        var results = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), TestEmulator.FastOptions(), rows);

        Assert.Equal(1234, results.Count);
        Assert.Equal(3, emulator.State.RequestCount(Bulk));
        Assert.Equal(1234, emulator.State.AcceptedCount);
        var byPhone = emulator.State.Accepted.ToDictionary(m => m.Phone);
        for (int i = 0; i < rows.Count; i++)
        {
            var r = results[i];
            Assert.Equal(i + 1, r.Row);
            Assert.Equal(rows[i].Phone, r.Phone);
            Assert.Equal(SendStatus.Accepted, r.Status);
            Assert.Equal("100", r.CodeResult);
            Assert.False(string.IsNullOrEmpty(r.SmsId));
            Assert.Equal(i, r.InputObject);
            // The SMSID is the one eSMS gave this very phone, with this row's own values.
            var sent = byPhone[r.Phone!];
            Assert.Equal(sent.SmsId, r.SmsId);
            Assert.Equal(sent.RequestId, r.RequestId);
            Assert.Equal(rows[i].Params!.Cast<string>(), sent.Params);
        }
        Assert.Equal("Chiến dịch tháng 3", emulator.State.Accepted[0].CampaignId);
        Assert.Equal(1234, results.Select(r => r.RequestId).Distinct().Count());
    }

    [Fact]
    public async Task Sending_the_same_rows_again_sends_nothing_new()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), TestEmulator.FastOptions(), BulkRows(1234));
        Assert.All(first, r => Assert.Equal(SendStatus.Accepted, r.Status));
        decimal accepted = emulator.State.AcceptedCount;

        var again = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), TestEmulator.FastOptions(), BulkRows(1234));

        Assert.Equal(1234, again.Count);
        Assert.All(again, r =>
        {
            Assert.Equal(SendStatus.Duplicate, r.Status);
            Assert.Equal("124", r.CodeResult);
            Assert.Null(r.ErrorId);
        });
        Assert.Equal(first.Select(r => r.RequestId), again.Select(r => r.RequestId));
        Assert.Equal(accepted, emulator.State.AcceptedCount);
    }

    [Fact]
    public async Task Bad_phones_are_refused_before_any_request_and_the_other_rows_go()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var bad = new Dictionary<int, string> { [0] = "12345", [7] = "0241234567", [8] = "", [120] = "+1 415 555 0100", [599] = "09O1888484" };
        var rows = Enumerable.Range(0, 600).Select(i => BulkRow(i, bad.TryGetValue(i, out var b) ? b : null)).ToList();

        var results = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), TestEmulator.FastOptions(), rows);

        Assert.Equal(600, results.Count);
        for (int i = 0; i < 600; i++)
        {
            if (bad.ContainsKey(i))
            {
                Assert.Equal(SendStatus.Rejected, results[i].Status);
                Assert.Equal(ErrorIds.InvalidPhone, results[i].ErrorId);
                Assert.StartsWith($"Row {i + 1}:", results[i].Message);
                Assert.Null(results[i].SmsId);
            }
            else
            {
                Assert.Equal(SendStatus.Accepted, results[i].Status);
            }
        }
        Assert.Equal(595, emulator.State.AcceptedCount);
        Assert.Equal(2, emulator.State.RequestCount(Bulk));
    }

    [Fact]
    public async Task A_single_ZNS_carries_its_TempData()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var row = new MessageRow
        {
            Phone = "+84 901 888 484",
            OAID = Demo.OAID,
            TemplateId = Demo.AppointmentTemplate,
            CampaignId = "Nhắc lịch",
            CallbackUrl = "https://example.vn/esms/cb",
            TemplateData = new[]
            {
                new KeyValuePair<string, object?>("customer_name", "Chị Hương"),
                new KeyValuePair<string, object?>("service", "Gội đầu"),
                new KeyValuePair<string, object?>("customer_code", 1234),
                new KeyValuePair<string, object?>("appointment_date", new DateTime(2030, 3, 19)),
            },
        };

        var result = Assert.Single(await SessionRunner.RunAsync(MessageKind.Zns, emulator.Client(), TestEmulator.FastOptions(), new[] { row }));

        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.Equal("0901888484", result.Phone);
        var sent = Assert.Single(emulator.State.Accepted);
        Assert.Equal(V5, sent.Endpoint);
        Assert.Equal(result.SmsId, sent.SmsId);
        Assert.Equal(result.RequestId, sent.RequestId);
        Assert.Equal("0901888484", sent.Phone);
        Assert.Equal(Demo.OAID, sent.OAID);
        Assert.Equal(Demo.AppointmentTemplate, sent.TempId);
        Assert.Equal("Nhắc lịch", sent.CampaignId);
        Assert.Equal("https://example.vn/esms/cb", sent.CallbackUrl);
        Assert.Equal(new Dictionary<string, string>
        {
            ["customer_name"] = "Chị Hương",
            ["service"] = "Gội đầu",
            ["customer_code"] = "1234",
            ["appointment_date"] = "19/03/2030",
        }, sent.TempData);
    }

    [Fact]
    public async Task A_journey_carries_its_params_order_id_and_IsJourney_true()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var row = new MessageRow
        {
            Phone = "0918238965",
            OAID = Demo.OAID,
            TemplateId = Demo.JourneyTemplate,
            OrderId = "DH-2030-0001",
            Params = new object?[] { "DH001", "Đang giao hàng" },
        };

        var result = Assert.Single(await SessionRunner.RunAsync(MessageKind.Journey, emulator.Client(), TestEmulator.FastOptions(), new[] { row }));

        Assert.Equal(SendStatus.Accepted, result.Status);
        var sent = Assert.Single(emulator.State.Accepted);
        Assert.Equal(Journey, sent.Endpoint);
        Assert.Equal(result.SmsId, sent.SmsId);
        Assert.Equal(new[] { "DH001", "Đang giao hàng" }, sent.Params);
        Assert.Equal("DH-2030-0001", sent.OrderId);
        Assert.Equal(Demo.JourneyTemplate, sent.TempId);
        var raw = Assert.Single(emulator.State.RawRequests, r => r.Contains(Journey));
        Assert.Contains("\"IsJourney\":true", raw);
    }

    [Fact]
    public async Task A_journey_row_without_an_order_id_is_refused_before_sending()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var row = new MessageRow { Phone = "0918238965", OAID = Demo.OAID, TemplateId = Demo.JourneyTemplate, Params = new object?[] { "a", "b" } };
        var result = Assert.Single(await SessionRunner.RunAsync(MessageKind.Journey, emulator.Client(), TestEmulator.FastOptions(), new[] { row }));
        Assert.Equal(SendStatus.Rejected, result.Status);
        Assert.Equal(ErrorIds.MissingOrderId, result.ErrorId);
        Assert.Equal(0, emulator.State.TotalRequests);
    }

    [Fact]
    public async Task Wrong_credentials_stop_the_run_after_the_first_refusal()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rows = Enumerable.Range(0, 20).Select(i => new MessageRow
        {
            Phone = SessionRunner.Phone(i),
            OAID = Demo.OAID,
            TemplateId = Demo.AppointmentTemplate,
            TemplateData = new[]
            {
                new KeyValuePair<string, object?>("customer_name", "Khách " + i),
                new KeyValuePair<string, object?>("service", "Gội đầu"),
                new KeyValuePair<string, object?>("customer_code", "KH" + i),
                new KeyValuePair<string, object?>("appointment_date", "19/03/2030"),
            },
        }).ToList();

        var results = await SessionRunner.RunAsync(MessageKind.Zns, emulator.Client(secretKey: "WRONG-SECRET"), TestEmulator.FastOptions(throttle: 1), rows);

        Assert.Equal(20, results.Count);
        Assert.Equal(SendStatus.Rejected, results[0].Status);
        Assert.Equal("101", results[0].CodeResult);
        Assert.Equal(ErrorIds.AuthenticationFailed, results[0].ErrorId);
        Assert.DoesNotContain("WRONG-SECRET", results[0].Message);
        int requests = emulator.State.RequestCount(V5);
        Assert.True(requests < 20, $"{requests} requests were made after eSMS refused the keys");
        Assert.Equal(1, requests);
        Assert.All(results.Skip(1), r =>
        {
            Assert.Equal(SendStatus.Rejected, r.Status);
            Assert.Equal(ErrorIds.NotSent, r.ErrorId);
            Assert.Contains("101", r.Message);
        });
        Assert.Equal(0, emulator.State.AcceptedCount);
    }

    [Fact]
    public async Task Wrong_credentials_on_bulk_reject_every_row_and_send_fewer_requests_than_batches()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var results = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(apiKey: "NOPE"), TestEmulator.FastOptions(throttle: 1, batchSize: 10), BulkRows(200));

        Assert.Equal(200, results.Count);
        Assert.All(results, r => Assert.Equal(SendStatus.Rejected, r.Status));
        int requests = emulator.State.RequestCount(Bulk);
        Assert.InRange(requests, 1, 19);
        Assert.Equal(requests * 10, results.Count(r => r.ErrorId == ErrorIds.AuthenticationFailed));
        Assert.Equal(200 - requests * 10, results.Count(r => r.ErrorId == ErrorIds.NotSent));
        Assert.All(results.Take(10), r => Assert.Equal("101", r.CodeResult));
    }

    [Fact]
    public async Task Sandbox_rows_are_validated_by_eSMS_but_nothing_is_delivered()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rows = Enumerable.Range(0, 30).Select(i => BulkRow(i, sandbox: true)).ToList();

        var results = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), TestEmulator.FastOptions(), rows);

        Assert.All(results, r =>
        {
            Assert.Equal(SendStatus.Accepted, r.Status);
            Assert.True(r.Sandbox);
        });
        Assert.Equal(0, emulator.State.AcceptedCount);
        Assert.Equal(30, emulator.State.SandboxCount);
        Assert.Contains("\"Sandbox\":\"1\"", Assert.Single(emulator.State.RawRequests));

        // The same rows for real afterwards are sent: a sandbox run blocks nothing.
        var real = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), TestEmulator.FastOptions(),
            Enumerable.Range(0, 30).Select(i => BulkRow(i)));
        Assert.All(real, r => Assert.Equal(SendStatus.Accepted, r.Status));
        Assert.All(real, r => Assert.False(r.Sandbox));
        Assert.Equal(30, emulator.State.AcceptedCount);
    }

    [Fact]
    public async Task A_journal_lets_a_second_run_skip_what_the_first_sent()
    {
        await using var emulator = await TestEmulator.StartAsync();
        string dir = Path.Combine(Path.GetTempPath(), "esmszalo-tests-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(dir, "run.journal");
        try
        {
            List<SendResult> first;
            using (var journal = SendJournal.Open(path))
            {
                var options = TestEmulator.FastOptions();
                options.Journal = journal;
                first = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), options, BulkRows(120));
            }
            Assert.All(first, r => Assert.Equal(SendStatus.Accepted, r.Status));
            int requests = emulator.State.TotalRequests;
            string text = File.ReadAllText(path, Encoding.UTF8);
            Assert.DoesNotContain(Demo.ApiKey, text);
            Assert.DoesNotContain(Demo.SecretKey, text);

            List<SendResult> second;
            using (var journal = SendJournal.Open(path))
            {
                Assert.Empty(journal.Warnings);
                Assert.Equal(120, journal.CompletedCount);
                var options = TestEmulator.FastOptions();
                options.Journal = journal;
                second = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), options, BulkRows(120));
            }

            Assert.Equal(120, second.Count);
            for (int i = 0; i < 120; i++)
            {
                Assert.Equal(SendStatus.Skipped, second[i].Status);
                Assert.Equal(first[i].SmsId, second[i].SmsId);
                Assert.Equal(first[i].RequestId, second[i].RequestId);
                Assert.Equal(i + 1, second[i].Row);
            }
            Assert.Equal(requests, emulator.State.TotalRequests);
            Assert.Equal(120, emulator.State.AcceptedCount);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_journal_with_a_torn_last_line_still_skips_the_rows_it_holds()
    {
        await using var emulator = await TestEmulator.StartAsync();
        string path = Path.Combine(Path.GetTempPath(), "esmszalo-tests-" + Guid.NewGuid().ToString("N") + ".journal");
        try
        {
            using (var journal = SendJournal.Open(path))
            {
                var options = TestEmulator.FastOptions();
                options.Journal = journal;
                await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), options, BulkRows(10));
            }
            File.AppendAllText(path, "{\"time\":\"2030-01-01T00:00:00.000Z\",\"key\":\"ez12");   // a run killed mid-write

            using (var journal = SendJournal.Open(path))
            {
                Assert.Single(journal.Warnings);
                var options = TestEmulator.FastOptions();
                options.Journal = journal;
                var results = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), options, BulkRows(12));
                Assert.All(results.Take(10), r => Assert.Equal(SendStatus.Skipped, r.Status));
                Assert.All(results.Skip(10), r => Assert.Equal(SendStatus.Accepted, r.Status));
            }
            using (var journal = SendJournal.Open(path))
            {
                Assert.Equal(12, journal.CompletedCount);   // the line after the torn one was not swallowed
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Parallel_requests_keep_results_in_input_order()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rows = BulkRows(300);
        var results = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), TestEmulator.FastOptions(throttle: 8, batchSize: 7), rows);

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), results.Select(r => r.Row));
        Assert.Equal(rows.Select(r => r.Phone), results.Select(r => r.Phone));
        Assert.All(results, r => Assert.Equal(SendStatus.Accepted, r.Status));
        var byPhone = emulator.State.Accepted.ToDictionary(m => m.Phone, m => m.SmsId);
        Assert.All(results, r => Assert.Equal(byPhone[r.Phone!], r.SmsId));
        Assert.Equal(43, emulator.State.RequestCount(Bulk));
    }

    [Fact]
    public async Task Parallel_single_sends_keep_results_in_input_order()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rows = Enumerable.Range(0, 150).Select(i => new MessageRow
        {
            Phone = SessionRunner.Phone(i),
            OAID = Demo.OAID,
            TemplateId = Demo.JourneyTemplate,
            OrderId = "DH" + i,
            Params = new object?[] { "DH" + i, "Đã giao" },
        }).ToList();

        var results = await SessionRunner.RunAsync(MessageKind.Journey, emulator.Client(), TestEmulator.FastOptions(throttle: 12), rows);

        Assert.Equal(rows.Select(r => r.Phone), results.Select(r => r.Phone));
        var byPhone = emulator.State.Accepted.ToDictionary(m => m.Phone);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(SendStatus.Accepted, results[i].Status);
            Assert.Equal(byPhone[rows[i].Phone!].SmsId, results[i].SmsId);
            Assert.Equal("DH" + i, byPhone[rows[i].Phone!].OrderId);
        }
        Assert.Equal(150, emulator.State.RequestCount(Journey));
    }

    [Fact]
    public async Task Answers_lost_after_eSMS_stored_the_request_are_retried_without_sending_twice()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Faults.LostAfterAcceptRate = 0.3;
        var options = TestEmulator.FastOptions(throttle: 4, batchSize: 10);
        options.Retry.MaximumRetryCount = 10;

        var results = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), options, BulkRows(100));

        Assert.All(results, r => Assert.Equal(SendStatus.Accepted, r.Status));
        Assert.True(emulator.State.RequestCount(Bulk) > 10, "the fault never fired; the test proves nothing");
        // Every phone got exactly one message, retries notwithstanding.
        Assert.Equal(100, emulator.State.AcceptedCount);
        Assert.Equal(100, emulator.State.Accepted.Select(m => m.Phone).Distinct().Count());
    }

    [Fact]
    public async Task A_bulk_answer_that_omits_a_row_leaves_that_row_Failed_never_guessed_Accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Faults.ShortDetailRate = 1;
        var results = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), TestEmulator.FastOptions(batchSize: 5), BulkRows(5));

        Assert.All(results.Take(4), r => Assert.Equal(SendStatus.Accepted, r.Status));
        Assert.Equal(SendStatus.Failed, results[4].Status);
        Assert.Equal(ErrorIds.MalformedResponse, results[4].ErrorId);
        Assert.Null(results[4].SmsId);

        // Running the same input again is safe: eSMS has the row and blocks it.
        emulator.Faults.Reset();
        var again = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), TestEmulator.FastOptions(batchSize: 5), BulkRows(5));
        Assert.All(again, r => Assert.Equal(SendStatus.Duplicate, r.Status));
        Assert.Equal(5, emulator.State.AcceptedCount);
    }

    [Fact]
    public async Task An_html_answer_marks_rows_Failed_with_the_raw_text_kept()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Faults.HtmlErrorRate = 1;
        var results = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), TestEmulator.FastOptions(), BulkRows(3));
        Assert.All(results, r =>
        {
            Assert.Equal(SendStatus.Failed, r.Status);
            Assert.Equal(ErrorIds.MalformedResponse, r.ErrorId);
            Assert.Contains("Service Unavailable", r.Message);
        });
        Assert.Equal(0, emulator.State.AcceptedCount);
    }

    private static IEnumerable<MessageRow> SmsRows(int n, string content) => Enumerable.Range(0, n).Select(i => new MessageRow
    {
        Phone = SessionRunner.Phone(i), Content = content, Brandname = Demo.Brandname, SmsType = "CustomerCare",
    });

    [Fact]
    public async Task Sms_content_with_xml_characters_arrives_exactly_as_written()
    {
        await using var emulator = await TestEmulator.StartAsync();
        const string content = "Ưu đãi <50%> & \"quà\" 'tặng' </CONTENT><APIKEY>x</APIKEY>";
        var results = await SessionRunner.RunAsync(MessageKind.SmsMulti, emulator.Client(), TestEmulator.FastOptions(), SmsRows(30, content));

        Assert.All(results, r => Assert.Equal(SendStatus.Accepted, r.Status));
        Assert.Equal(30, emulator.State.AcceptedCount);
        Assert.All(emulator.State.Accepted, m =>
        {
            Assert.Equal(content, m.Content);
            Assert.Equal(Demo.Brandname, m.Brandname);
            Assert.Equal("2", m.SmsType);
        });
    }

    [Fact]
    public async Task Sms_rows_sent_again_are_blocked_as_duplicates()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = await SessionRunner.RunAsync(MessageKind.SmsMulti, emulator.Client(), TestEmulator.FastOptions(), SmsRows(5020, "Nhắc lịch hẹn"));
        Assert.All(first, r => Assert.Equal(SendStatus.Accepted, r.Status));

        var again = await SessionRunner.RunAsync(MessageKind.SmsMulti, emulator.Client(), TestEmulator.FastOptions(), SmsRows(5020, "Nhắc lịch hẹn"));

        Assert.All(again, r => Assert.Equal(SendStatus.Duplicate, r.Status));
        Assert.Equal(first.Select(r => r.RequestId), again.Select(r => r.RequestId));
        Assert.Equal(5020, emulator.State.AcceptedCount);
    }

    [Fact]
    public async Task Rate_limit_answers_are_retried_with_the_same_ids_until_accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Faults.Code160Rate = 0.4;
        var options = TestEmulator.FastOptions(throttle: 4, batchSize: 10);
        options.Retry.MaximumRetryCount = 12;

        var results = await SessionRunner.RunAsync(MessageKind.ZnsBulk, emulator.Client(), options, BulkRows(100));

        Assert.All(results, r => Assert.Equal(SendStatus.Accepted, r.Status));
        Assert.Contains(results, r => r.Attempts > 1);
        Assert.Equal(100, emulator.State.AcceptedCount);
        Assert.Equal(100, emulator.State.Accepted.Select(m => m.RequestId).Distinct().Count());
    }
}
