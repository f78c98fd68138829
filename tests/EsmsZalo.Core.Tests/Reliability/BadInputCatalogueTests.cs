using System.Collections;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Sending;
using Xunit;

namespace EsmsZalo.Core.Tests.Reliability;

/// <summary>
/// The bad-input catalogue: each case spoils one row among good ones and names the stable ErrorId
/// that row must get (null: the value is converted and the row is sent). The good rows around it
/// must still be Accepted by the emulator.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class BadInputCatalogueTests
{
    private sealed record Case(MessageKind Kind, string? ErrorId, Action<MessageRow, List<MessageRow>> Spoil);

    private static readonly string Huge = new('7', 100_000);

    private static readonly Dictionary<string, Case> Table = new()
    {
        // Phones
        ["phone empty"] = new(MessageKind.ZnsBulk, ErrorIds.InvalidPhone, (r, _) => r.Phone = ""),
        ["phone whitespace"] = new(MessageKind.Zns, ErrorIds.InvalidPhone, (r, _) => r.Phone = "   "),
        ["phone missing (null)"] = new(MessageKind.Journey, ErrorIds.InvalidPhone, (r, _) => r.Phone = null),
        ["phone with letters"] = new(MessageKind.ZnsBulk, ErrorIds.InvalidPhone, (r, _) => r.Phone = "09O1888484"),
        ["phone too short"] = new(MessageKind.Zns, ErrorIds.InvalidPhone, (r, _) => r.Phone = "0901888"),
        ["phone too long"] = new(MessageKind.ZnsBulk, ErrorIds.InvalidPhone, (r, _) => r.Phone = "09018884841234"),
        ["phone wrong country"] = new(MessageKind.SmsMulti, ErrorIds.InvalidPhone, (r, _) => r.Phone = "+1 415 555 0100"),
        ["phone landline prefix"] = new(MessageKind.ZnsBulk, ErrorIds.InvalidPhone, (r, _) => r.Phone = "0243888484"),
        ["phone 100,000 characters"] = new(MessageKind.Zns, ErrorIds.InvalidPhone, (r, _) => r.Phone = Huge),

        // Template values
        ["ParamProperty column missing"] = new(MessageKind.ZnsBulk, ErrorIds.TemplateParamMissing, (r, _) =>
        {
            r.PresetErrorId = ErrorIds.TemplateParamMissing;
            r.PresetError = "the input has no property 'customer_code' (named in -ParamProperty).";
        }),
        ["param null"] = new(MessageKind.ZnsBulk, ErrorIds.TemplateParamEmpty, (r, _) => r.Params = new object?[] { "A", null, "KH1", "19/03/2025" }),
        ["param empty"] = new(MessageKind.Journey, ErrorIds.TemplateParamEmpty, (r, _) => r.Params = new object?[] { "DH1", "" }),
        ["param whitespace"] = new(MessageKind.ZnsBulk, ErrorIds.TemplateParamEmpty, (r, _) => r.Params = new object?[] { "A", "  ", "KH1", "19/03/2025" }),
        ["TempData value null"] = new(MessageKind.Zns, ErrorIds.TemplateParamEmpty, (r, _) => r.TemplateData = Data("customer_code", null)),
        ["TempData value empty"] = new(MessageKind.Zns, ErrorIds.TemplateParamEmpty, (r, _) => r.TemplateData = Data("customer_code", "")),
        ["param number is converted"] = new(MessageKind.ZnsBulk, null, (r, _) => r.Params = new object?[] { "A", "Cắt", 12345, "19/03/2025" }),
        ["param decimal is converted"] = new(MessageKind.Journey, null, (r, _) => r.Params = new object?[] { 1234.5m, "Đang giao" }),
        ["param date is converted"] = new(MessageKind.ZnsBulk, null, (r, _) => r.Params = new object?[] { "A", "Cắt", "KH1", new DateTime(2025, 3, 19) }),
        ["TempData number is converted"] = new(MessageKind.Zns, null, (r, _) => r.TemplateData = Data("customer_code", 42L)),
        ["param array"] = new(MessageKind.ZnsBulk, ErrorIds.TemplateParamInvalid, (r, _) => r.Params = new object?[] { "A", new[] { "x", "y" }, "KH1", "19/03/2025" }),
        ["param object (hashtable)"] = new(MessageKind.Journey, ErrorIds.TemplateParamInvalid, (r, _) => r.Params = new object?[] { new Hashtable { ["a"] = 1 }, "x" }),
        ["param object"] = new(MessageKind.ZnsBulk, ErrorIds.TemplateParamInvalid, (r, _) => r.Params = new object?[] { "A", new Uri("https://esms.vn"), "KH1", "19/03/2025" }),
        ["TempData array"] = new(MessageKind.Zns, ErrorIds.TemplateParamInvalid, (r, _) => r.TemplateData = Data("service", new List<string> { "a" })),
        ["param 100,000 characters"] = new(MessageKind.ZnsBulk, ErrorIds.TemplateParamInvalid, (r, _) => r.Params = new object?[] { Huge, "Cắt", "KH1", "19/03/2025" }),

        // Request fields
        ["RequestId over 50 characters"] = new(MessageKind.ZnsBulk, ErrorIds.InvalidRequestId, (r, _) => r.RequestId = new string('r', 51)),
        ["RequestId 100,000 characters"] = new(MessageKind.Zns, ErrorIds.InvalidRequestId, (r, _) => r.RequestId = Huge),
        ["RequestId repeated in the run"] = new(MessageKind.ZnsBulk, ErrorIds.DuplicateRequestId, (r, all) => { all[0].RequestId = "appt-0001"; r.RequestId = "appt-0001"; }),
        ["RequestId repeated in the run (single)"] = new(MessageKind.Journey, ErrorIds.DuplicateRequestId, (r, all) => { all[1].RequestId = "order-77"; r.RequestId = "order-77"; }),
        ["SendDate in the past"] = new(MessageKind.ZnsBulk, ErrorIds.InvalidSendDate, (r, _) => r.SendDate = "2020-01-01 09:00:00"),
        ["SendDate DateTime in the past"] = new(MessageKind.Zns, ErrorIds.InvalidSendDate, (r, _) => r.SendDate = new DateTime(2021, 6, 1, 9, 0, 0)),
        ["SendDate malformed"] = new(MessageKind.SmsMulti, ErrorIds.InvalidSendDate, (r, _) => r.SendDate = "tomorrow at nine"),
        ["SendingMode unknown"] = new(MessageKind.ZnsBulk, ErrorIds.InvalidSendingMode, (r, _) => r.SendingMode = "Turbo"),
        ["SendingMode 2"] = new(MessageKind.Zns, ErrorIds.InvalidSendingMode, (r, _) => r.SendingMode = "2"),
        ["CallbackUrl relative"] = new(MessageKind.ZnsBulk, ErrorIds.InvalidCallbackUrl, (r, _) => r.CallbackUrl = "/esms/callback"),
        ["CallbackUrl ftp"] = new(MessageKind.Journey, ErrorIds.InvalidCallbackUrl, (r, _) => r.CallbackUrl = "ftp://esms.vn/callback"),
        ["CallbackUrl not a url"] = new(MessageKind.SmsMulti, ErrorIds.InvalidCallbackUrl, (r, _) => r.CallbackUrl = "callback please"),
        ["CampaignId 100,000 characters"] = new(MessageKind.ZnsBulk, ErrorIds.InvalidCampaignId, (r, _) => r.CampaignId = Huge),
        ["OAID missing"] = new(MessageKind.Zns, ErrorIds.MissingOAID, (r, _) => r.OAID = ""),
        ["TemplateId missing"] = new(MessageKind.ZnsBulk, ErrorIds.MissingTemplateId, (r, _) => r.TemplateId = null),
        ["OrderId missing"] = new(MessageKind.Journey, ErrorIds.MissingOrderId, (r, _) => r.OrderId = " "),

        // SMS content
        ["SMS content empty"] = new(MessageKind.SmsMulti, ErrorIds.ContentEmpty, (r, _) => r.Content = ""),
        ["SMS content null"] = new(MessageKind.SmsMulti, ErrorIds.ContentEmpty, (r, _) => r.Content = null),
        ["SMS customer care 460 characters"] = new(MessageKind.SmsMulti, ErrorIds.ContentTooLong, (r, _) => r.Content = new string('a', 460)),
        ["SMS advertising 423 characters"] = new(MessageKind.SmsMulti, ErrorIds.ContentTooLong, (r, _) => { r.SmsType = "Advertising"; r.Content = new string('a', 423); }),
        ["SMS content 100,000 characters"] = new(MessageKind.SmsMulti, ErrorIds.ContentTooLong, (r, _) => r.Content = Huge),
        ["SMS type unknown"] = new(MessageKind.SmsMulti, ErrorIds.InvalidSmsType, (r, _) => r.SmsType = "Flash"),
        ["SMS brandname missing"] = new(MessageKind.SmsMulti, ErrorIds.MissingBrandname, (r, _) => r.Brandname = ""),
        ["SMS content control character"] = new(MessageKind.SmsMulti, ErrorIds.ContentInvalidCharacter, (r, _) => r.Content = "Hello\u0001"),
    };

    public static TheoryData<string> Cases => new(Table.Keys);

    private static KeyValuePair<string, object?>[] Data(string name, object? value)
    {
        var data = (KeyValuePair<string, object?>[])Harness.Row(MessageKind.Zns, 0).TemplateData!;
        for (int i = 0; i < data.Length; i++)
            if (data[i].Key == name) data[i] = new KeyValuePair<string, object?>(name, value);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_row_gets_its_stable_ErrorId_and_the_good_rows_around_it_are_still_sent(string name)
    {
        var c = Table[name];
        await using var emulator = await Harness.StartAsync();
        // SMS needs 30 distinct numbers a request: put 32 good rows around the bad one.
        int around = c.Kind == MessageKind.SmsMulti ? 16 : 2;
        int total = 2 * around + 1, bad = around;
        var rows = Enumerable.Range(0, total).Select(i => Harness.Row(c.Kind, i)).ToList();
        c.Spoil(rows[bad], rows);

        var run = Harness.Run(c.Kind, Harness.Client(emulator), rows, new SendOptions { Retry = Harness.FastRetry() });

        Assert.Null(run.Exception);
        Assert.Equal(total, run.Results.Count);
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), run.Results.Select(r => r.Row));
        var badResult = run.Results[bad];
        Assert.Equal(c.ErrorId, badResult.ErrorId);
        if (c.ErrorId == null)
        {
            Assert.Equal(SendStatus.Accepted, badResult.Status);
        }
        else
        {
            Assert.Equal(SendStatus.Rejected, badResult.Status);
            Assert.StartsWith($"Row {bad + 1}", badResult.Message);
            Assert.True(badResult.Message!.Length < 1000, "the message must not echo a huge value");
            Assert.Equal(0, badResult.Attempts);
        }
        Assert.All(run.Results.Where((_, i) => i != bad), r => Assert.Equal(SendStatus.Accepted, r.Status));

        // The emulator got exactly the good rows (and the converted one), each once.
        int expected = total - (c.ErrorId == null ? 0 : 1);
        Assert.Equal(expected, emulator.State.AcceptedCount);
        Assert.Empty(Harness.Repeated(emulator));
        if (c.ErrorId != null && run.Results[bad].Phone is { Length: 10 } phone && c.ErrorId != ErrorIds.DuplicateRequestId)
            Assert.DoesNotContain(emulator.State.Accepted, m => m.Phone == phone);
    }

    [Fact]
    public void The_catalogue_covers_every_input_error_id()
    {
        var covered = Table.Values.Select(c => c.ErrorId).ToHashSet();
        foreach (var id in new[]
        {
            ErrorIds.InvalidPhone, ErrorIds.TemplateParamMissing, ErrorIds.TemplateParamEmpty, ErrorIds.TemplateParamInvalid,
            ErrorIds.InvalidRequestId, ErrorIds.DuplicateRequestId, ErrorIds.InvalidSendDate, ErrorIds.ContentEmpty,
            ErrorIds.ContentTooLong, ErrorIds.InvalidSendingMode, ErrorIds.InvalidCallbackUrl,
        })
            Assert.Contains(id, covered);
    }

    [Theory]
    [InlineData(MessageKind.Zns)]
    [InlineData(MessageKind.ZnsBulk)]
    [InlineData(MessageKind.Journey)]
    [InlineData(MessageKind.SmsMulti)]
    public async Task Zero_rows_make_no_request_and_no_error(MessageKind kind)
    {
        await using var emulator = await Harness.StartAsync();
        var run = Harness.Run(kind, Harness.Client(emulator), Array.Empty<MessageRow>(), new SendOptions());
        Assert.Null(run.Exception);
        Assert.Empty(run.Results);
        Assert.Empty(run.Warnings);
        Assert.Equal(0, emulator.State.TotalRequests);
    }
}
