using EsmsZalo.Core.Http;
using EsmsZalo.Core.Idempotency;
using EsmsZalo.Core.Sending;
using EsmsZalo.Core.Tests.TestSupport;
using Xunit;

namespace EsmsZalo.Core.Tests.Unit;

public sealed class RequestIdTests
{
    private static readonly string?[] Fixed =
        { "Send_zns_bulk_v4_post_json", "4097311281936189049", "267247", "0901888484", "Chiến dịch 1", null, null, "Chị A", "Gội đầu", "KH001", "19/03/2025" };

    /// <summary>
    /// Computed once when this test was written. A re-run tomorrow, on another machine or after an
    /// upgrade, must give the same id, or eSMS cannot block the repeat and the customer gets the
    /// message twice. If this changes, every user's re-run of yesterday's file double-sends.
    /// (Cross-checked when written: "ez" + the first 40 hex digits of SHA-256 over the parts, each as
    /// 0xFE + 4-byte big-endian length + UTF-8, or 0xFF for null, computed outside .NET.)
    /// </summary>
    private const string FixedId = "ez8e3aa3be031b47eab99d295edb382f5f00d98b49";

    [Fact]
    public void A_fixed_message_always_gets_the_same_id()
    {
        Assert.Equal(FixedId, RequestIdGenerator.Derive(Fixed));
        Assert.Equal(RequestIdGenerator.Derive(Fixed), RequestIdGenerator.Derive(Fixed.ToArray()));
    }

    /// <summary>
    /// The documented construction, written out the slow, obvious way. Derive reuses per-thread
    /// buffers and hash objects for speed; on random messages (nulls, empty parts, Vietnamese,
    /// emoji, long values) it must give exactly this, or ids change between versions.
    /// </summary>
    private static string Reference(IReadOnlyList<string?> parts)
    {
        var bytes = new List<byte>();
        foreach (var p in parts)
        {
            if (p == null) { bytes.Add(0xFF); continue; }
            var utf8 = System.Text.Encoding.UTF8.GetBytes(p);
            bytes.Add(0xFE);
            bytes.Add((byte)(utf8.Length >> 24)); bytes.Add((byte)(utf8.Length >> 16)); bytes.Add((byte)(utf8.Length >> 8)); bytes.Add((byte)utf8.Length);
            bytes.AddRange(utf8);
        }
        var hash = System.Security.Cryptography.SHA256.HashData(bytes.ToArray());
        return "ez" + Convert.ToHexString(hash, 0, 20).ToLowerInvariant();
    }

    [Fact]
    public void Derive_matches_the_documented_construction_on_random_messages()
    {
        Assert.Equal(FixedId, Reference(Fixed));
        var random = new Random(20250319);
        string[] alphabet = { "a", "Z", "0", " ", "ệ", "Chị", "đ", "😀", "\"", "\n", "-", "/" };
        for (int n = 0; n < 2_000; n++)
        {
            var parts = new string?[random.Next(0, 16)];
            for (int i = 0; i < parts.Length; i++)
            {
                int kind = random.Next(10);
                if (kind == 0) continue; // null
                int len = kind == 1 ? random.Next(200, 3000) : random.Next(0, 40);
                var sb = new System.Text.StringBuilder();
                while (sb.Length < len) sb.Append(alphabet[random.Next(alphabet.Length)]);
                parts[i] = sb.ToString();
            }
            Assert.Equal(Reference(parts), RequestIdGenerator.Derive(parts));
        }
    }

    [Fact]
    public void The_id_does_not_depend_on_the_thread_or_earlier_calls()
    {
        // Per-thread buffers are reused: a long earlier input must not leak into a later short one.
        RequestIdGenerator.Derive(new[] { new string('x', 10_000), "y" });
        string here = RequestIdGenerator.Derive(Fixed);
        string elsewhere = Task.Run(() => RequestIdGenerator.Derive(Fixed)).Result;
        Assert.Equal(FixedId, here);
        Assert.Equal(FixedId, elsewhere);
    }

    [Fact]
    public void Ids_fit_eSMS_limit_and_are_plain_ascii()
    {
        foreach (var parts in new[] { Fixed, new string?[0], new string?[] { new string('ệ', 5000) } })
        {
            string id = RequestIdGenerator.Derive(parts);
            Assert.InRange(id.Length, 1, RequestIdGenerator.MaxLength);
            Assert.All(id, c => Assert.True(c is >= '0' and <= '9' or >= 'a' and <= 'z', $"'{c}' in {id}"));
            Assert.True(RequestIdGenerator.IsValid(id, out var error), error);
        }
    }

    [Fact]
    public void Changing_any_one_part_changes_the_id()
    {
        string original = RequestIdGenerator.Derive(Fixed);
        var seen = new HashSet<string> { original };
        for (int i = 0; i < Fixed.Length; i++)
        {
            var changed = Fixed.ToArray();
            changed[i] = (changed[i] ?? "") + "x";
            Assert.True(seen.Add(RequestIdGenerator.Derive(changed)), $"changing part {i} did not give a new id");
        }
    }

    [Fact]
    public void Boundaries_between_parts_matter()
    {
        Assert.NotEqual(RequestIdGenerator.Derive(new[] { "ab", "c" }), RequestIdGenerator.Derive(new[] { "a", "bc" }));
        Assert.NotEqual(RequestIdGenerator.Derive(new[] { "abc" }), RequestIdGenerator.Derive(new[] { "ab", "c" }));
        Assert.NotEqual(RequestIdGenerator.Derive(new string?[] { null, "a" }), RequestIdGenerator.Derive(new string?[] { "", "a" }));
        Assert.NotEqual(RequestIdGenerator.Derive(new[] { "a", "b" }), RequestIdGenerator.Derive(new[] { "b", "a" }));
        Assert.NotEqual(RequestIdGenerator.Derive(new[] { "a" }), RequestIdGenerator.Derive(new[] { "a", "" }));
    }

    [Fact]
    public void IsValid_allows_50_characters_and_refuses_51()
    {
        Assert.True(RequestIdGenerator.IsValid(new string('a', 50), out var ok), ok);
        Assert.False(RequestIdGenerator.IsValid(new string('a', 51), out var error));
        Assert.Contains("51", error);
        Assert.Contains("50", error);
        Assert.False(RequestIdGenerator.IsValid("abc\ndef", out error));
        Assert.Contains("control", error);
    }

    // ---- the ids the bulk channel gives real rows ----------------------------------------------

    private static MessageRow Row(string phone = "0901888484", string campaign = "Chiến dịch 1", string template = "267247",
        object? sendDate = null, string p1 = "Chị A", string oaid = "4097311281936189049")
        => new()
        {
            Phone = phone, OAID = oaid, TemplateId = template, CampaignId = campaign, SendDate = sendDate,
            Params = new object?[] { p1, "Gội đầu", "KH001", "19/03/2025" },
        };

    private static string IdOf(MessageRow row)
    {
        var options = new SendOptions { Now = () => new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var channel = new ZnsBulkChannel(new EsmsClient(new Uri("http://127.0.0.1:9/"), Demo.Credential), options, _ => { });
        var rejected = channel.Prepare(row, 1, out var prepared);
        Assert.Null(rejected);
        return prepared!.RequestId;
    }

    [Fact]
    public void A_bulk_row_gets_a_derived_id_that_changes_with_every_part_of_the_message()
    {
        string original = IdOf(Row());
        Assert.Equal(original, IdOf(Row()));                     // a fresh channel (a re-run) gives the same id
        Assert.Equal(original, IdOf(Row(phone: "+84 901 888 484"))); // the same phone written differently is the same message
        Assert.InRange(original.Length, 1, RequestIdGenerator.MaxLength);

        var others = new[]
        {
            IdOf(Row(phone: "0918238965")),
            IdOf(Row(p1: "Chị B")),
            IdOf(Row(campaign: "Chiến dịch 2")),
            IdOf(Row(template: "267248")),
            IdOf(Row(sendDate: "2030-02-01 09:00:00")),
            IdOf(Row(oaid: "1111111111111111111")),
        };
        Assert.DoesNotContain(original, others);
        Assert.Equal(others.Length, others.Distinct().Count());
    }

    [Fact]
    public void A_given_request_id_is_used_as_is()
    {
        var row = Row();
        row.RequestId = "96accf59-0c41-4bc7-a5c1";
        Assert.Equal("96accf59-0c41-4bc7-a5c1", IdOf(row));
    }
}
