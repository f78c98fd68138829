using System.Text;
using System.Text.Json;
using System.Xml;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Payloads;
using EsmsZalo.Core.Tests.TestSupport;
using Xunit;

namespace EsmsZalo.Core.Tests.Unit;

/// <summary>The request bodies, byte for byte against eSMS's own samples.</summary>
public sealed class PayloadTests
{
    private const string Key = "KEY-7f3a9c1e";
    private const string Secret = "SECRET-b44d20aa";
    private static readonly EsmsCredential Credential = new(Key, Secret, "test");
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static byte[] Build(Action<PooledBufferWriter> write)
    {
        using var buffer = new PooledBufferWriter(16); // small on purpose: growth must not corrupt the body
        write(buffer);
        return buffer.ToArray();
    }

    private static void AssertSameBytes(string expected, byte[] actual)
    {
        // Compare as text first for a readable failure, then as bytes (UTF-8, no BOM, no \u escapes).
        Assert.Equal(expected, StrictUtf8.GetString(actual));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), actual);
    }

    private static int Occurrences(string haystack, string needle)
    {
        int n = 0;
        for (int i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    [Fact]
    public void Bulk_payload_with_the_seed_values_is_the_seed_sample_minified()
    {
        var settings = new ZnsSettings
        {
            OAID = "4097311281936189049",
            TemplateId = "267247",
            CampaignId = "Chiến dịch 1",
            Sandbox = false,
            CallbackUrl = "https://esms.vn/webhook/",
        };
        var items = new[]
        {
            new BulkItem("0901888484", "96accf59-0c41-4bc7-a5c1", new[] { "Chị A", "Gội đầu", "KH001", "19/03/2025" }),
            new BulkItem("0918238965", "96accf59-0c41-4bc7-a5c2", new[] { "Chị B", "Uốn", "KH002", "19/03/2025" }),
            new BulkItem("0765418062", "96accf59-0c41-4bc7-a5c3", new[] { "Chị C", "Nhuộm", "KH003", "19/03/2025" }),
        };

        var body = Build(b => ZnsBulkPayload.Write(b, Credential, settings, items));

        string expected = Seeds.MinifyJson(Seeds.Fill(Seeds.ZnsBulk, ("{{ApiKey}}", Key), ("{{SecretKey}}", Secret)));
        AssertSameBytes(expected, body);
        // Vietnamese travels as UTF-8 ("ế" is E1 BA BF), never as \u1ebf.
        Assert.DoesNotContain("\\u", StrictUtf8.GetString(body));
    }

    [Fact]
    public void Bulk_payload_adds_send_date_and_mode_before_Data_only_when_set()
    {
        var settings = new ZnsSettings { OAID = "1", TemplateId = "2", Sandbox = true, SendDate = "2030-01-02 09:00:00", SendingMode = "3" };
        var body = StrictUtf8.GetString(Build(b => ZnsBulkPayload.Write(b, Credential, settings, new[] { new BulkItem("0901888484", "r1", new[] { "x" }) })));
        Assert.Equal(
            $$"""{"ApiKey":"{{Key}}","SecretKey":"{{Secret}}","campaignid":"","OAID":"1","TempID":"2","Sandbox":"1","CallbackUrl":"","SendDate":"2030-01-02 09:00:00","SendingMode":"3","Data":[{"Phone":"0901888484","RequestId":"r1","Params":["x"]}]}""",
            body);
    }

    [Fact]
    public void Zns_v5_payload_is_the_seed_sample_with_values_filled_in()
    {
        var settings = new ZnsSettings
        {
            OAID = "4097311281936189049",
            TemplateId = "267247",
            CampaignId = "Chiến dịch tháng 3",
            Sandbox = false,
            CallbackUrl = "https://example.vn/esms/cb?x=1&y=2",
            SendDate = "2030-03-19 09:30:00",
        };
        var data = new[]
        {
            new KeyValuePair<string, string>("customer_name", "Chị Hương \"Út\""),
            new KeyValuePair<string, string>("appointment_date", "19/03/2030"),
        };

        var body = Build(b => ZnsPayload.Write(b, Credential, settings, "0901888484", data, "req-001"));

        string expected = Seeds.MinifyJson(Seeds.Fill(Seeds.ZnsV5,
            ("{{ApiKey}}", Key), ("{{SecretKey}}", Secret), ("{{OAID}}", "4097311281936189049"), ("{{Phone}}", "0901888484"),
            ("{{key1}}", "customer_name"), ("{{value1}}", "Chị Hương \\\"Út\\\""),
            ("{{key2}}", "appointment_date"), ("{{value2}}", "19/03/2030"),
            ("{{SendDate}}", "2030-03-19 09:30:00"), ("{{TempID}}", "267247"), ("{{Campaignid}}", "Chiến dịch tháng 3"),
            ("{{Sandbox}}", "0"), ("{{CallbackUrl}}", "https://example.vn/esms/cb?x=1&y=2"), ("{{RequestId}}", "req-001")));
        AssertSameBytes(expected, body);
    }

    [Fact]
    public void Zns_v5_payload_sends_sandbox_as_the_string_1_and_keeps_empty_optional_fields()
    {
        var settings = new ZnsSettings { OAID = "1", TemplateId = "2", Sandbox = true, SendingMode = "3" };
        var body = StrictUtf8.GetString(Build(b => ZnsPayload.Write(b, Credential, settings, "0901888484",
            new[] { new KeyValuePair<string, string>("otp", "123456") }, "r")));
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        Assert.Equal("1", root.GetProperty("Sandbox").GetString());
        Assert.Equal("3", root.GetProperty("SendingMode").GetString());
        Assert.Equal("", root.GetProperty("SendDate").GetString());
        Assert.Equal("", root.GetProperty("CallbackUrl").GetString());
    }

    [Fact]
    public void Journey_payload_is_the_seed_sample_with_IsJourney_a_json_true()
    {
        var settings = new ZnsSettings
        {
            OAID = "4097311281936189049",
            TemplateId = "267248",
            CampaignId = "Đơn hàng",
            CallbackUrl = "https://example.vn/cb",
        };

        var body = Build(b => JourneyPayload.Write(b, Credential, settings, "0918238965",
            new[] { "DH001", "Đã giao", "Quận 1" }, "ORDER-42", "jr-1"));

        string expected = Seeds.MinifyJson(Seeds.Fill(Seeds.Journey,
            ("{{APIKEY}}", Key), ("{{SecretKey}}", Secret), ("{{Phone}}", "0918238965"),
            ("{{PARAM1}}", "DH001"), ("{{PARAM2}}", "Đã giao"), ("{{PARAM3}}", "Quận 1"),
            ("{{ORDERID}}", "ORDER-42"), ("{{TempID}}", "267248"), ("{{OAID}}", "4097311281936189049"),
            ("{{RequestId}}", "jr-1"), ("{{campaignid}}", "Đơn hàng"), ("{{CallbackUrl}}", "https://example.vn/cb")));
        AssertSameBytes(expected, body);

        using var doc = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.True, doc.RootElement.GetProperty("IsJourney").ValueKind);
    }

    [Fact]
    public void Journey_payload_appends_sandbox_after_the_sample_fields()
    {
        var settings = new ZnsSettings { OAID = "1", TemplateId = "2", Sandbox = true };
        var body = StrictUtf8.GetString(Build(b => JourneyPayload.Write(b, Credential, settings, "0901888484", new[] { "a" }, "o", "r")));
        Assert.EndsWith(",\"CallbackUrl\":\"\",\"Sandbox\":\"1\"}", body);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.True, doc.RootElement.GetProperty("IsJourney").ValueKind);
    }

    [Fact]
    public void Sms_xml_has_the_seed_layout_with_the_APIKEY_typo_corrected_and_a_REQUESTID()
    {
        var settings = new SmsSettings
        {
            Content = "Baotrixemay: lịch hẹn của bạn là 09:00 ngày 19/03",
            SmsType = "2",
            Brandname = "Baotrixemay",
            SendDate = "2030-03-18 17:00:00",
            CallbackUrl = "https://example.vn/cb",
        };
        var phones = new[] { "0901888484", "0918238965", "0765418062" };

        var body = Build(b => SmsMultiXmlPayload.Write(b, Credential, settings, phones, "sms-req-1"));

        // The sample with its two typos fixed: "<APIKEY><{{ApiKey}}" and "{{callbackUrl}}}".
        string layout = Seeds.SmsXml
            .Replace("<APIKEY><{{ApiKey}}", "<APIKEY>{{ApiKey}}")
            .Replace("{{callbackUrl}}}", "{{callbackUrl}}")
            .Replace("</CALLBACKURL>\n", "</CALLBACKURL>\n<REQUESTID>{{RequestId}}</REQUESTID>\n")
            .Replace("<CUSTOMER><PHONE>{{Phone}}</PHONE></CUSTOMER>\n",
                string.Concat(phones.Select(p => $"<CUSTOMER><PHONE>{p}</PHONE></CUSTOMER>\n")));
        string expected = Seeds.Fill(layout,
            ("{{ApiKey}}", Key), ("{{SecretKey}}", Secret), ("{{Content}}", settings.Content), ("{{Brandname}}", "Baotrixemay"),
            ("{{senddate}}", "2030-03-18 17:00:00"), ("{{callbackUrl}}", "https://example.vn/cb"), ("{{RequestId}}", "sms-req-1"));
        AssertSameBytes(expected, body);
    }

    [Theory]
    [InlineData("Giảm giá <50%> & \"quà\" 'tặng'")]
    [InlineData("Trước</CONTENT><APIKEY>attacker</APIKEY><CONTENT>sau")]
    [InlineData("]]> <![CDATA[ x ]]> &amp; &lt;")]
    public void Sms_xml_escapes_content_so_an_xml_reader_gets_it_back_exactly(string content)
    {
        var settings = new SmsSettings { Content = content, Brandname = "Baotrixemay", CallbackUrl = "https://example.vn/cb?a=1&b=<2>" };
        var body = Build(b => SmsMultiXmlPayload.Write(b, Credential, settings, new[] { "0901888484", "0918238965" }, "r<&>1"));

        var values = ReadXmlElements(body);
        Assert.Equal(content, Assert.Single(values["CONTENT"]));
        Assert.Equal(Key, Assert.Single(values["APIKEY"]));
        Assert.Equal(Secret, Assert.Single(values["SECRETKEY"]));
        Assert.Equal("https://example.vn/cb?a=1&b=<2>", Assert.Single(values["CALLBACKURL"]));
        Assert.Equal("r<&>1", Assert.Single(values["REQUESTID"]));
        Assert.Equal(new[] { "0901888484", "0918238965" }, values["PHONE"]);
    }

    /// <summary>Every element's text, by name, read with a conforming XML parser (fails on malformed XML).</summary>
    private static Dictionary<string, List<string>> ReadXmlElements(byte[] body)
    {
        var result = new Dictionary<string, List<string>>();
        using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        string? current = null;
        var text = new StringBuilder();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    current = reader.Name;
                    text.Clear();
                    if (reader.IsEmptyElement) Add(current, "");
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                    text.Append(reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    if (reader.Name == current) Add(current, text.ToString());
                    current = null;
                    text.Clear();
                    break;
            }
        }
        return result;

        void Add(string name, string value)
        {
            if (!result.TryGetValue(name, out var list)) result[name] = list = new List<string>();
            list.Add(value);
        }
    }

    [Fact]
    public void Keys_appear_once_and_only_in_their_own_fields()
    {
        var zns = new ZnsSettings { OAID = "4097311281936189049", TemplateId = "267247", CampaignId = "c", CallbackUrl = "https://example.vn/cb" };
        var bodies = new Dictionary<string, string>
        {
            ["bulk"] = StrictUtf8.GetString(Build(b => ZnsBulkPayload.Write(b, Credential, zns, new[] { new BulkItem("0901888484", "r1", new[] { "a", "b", "c", "d" }) }))),
            ["v5"] = StrictUtf8.GetString(Build(b => ZnsPayload.Write(b, Credential, zns, "0901888484", new[] { new KeyValuePair<string, string>("k", "v") }, "r1"))),
            ["journey"] = StrictUtf8.GetString(Build(b => JourneyPayload.Write(b, Credential, zns, "0901888484", new[] { "a", "b" }, "o1", "r1"))),
        };
        foreach (var (name, body) in bodies)
        {
            Assert.True(Occurrences(body, Key) == 1, $"{name}: the ApiKey appears {Occurrences(body, Key)} times in {body}");
            Assert.True(Occurrences(body, Secret) == 1, $"{name}: the SecretKey appears {Occurrences(body, Secret)} times in {body}");
            using var doc = JsonDocument.Parse(body);
            Assert.Equal(Key, doc.RootElement.GetProperty("ApiKey").GetString());
            Assert.Equal(Secret, doc.RootElement.GetProperty("SecretKey").GetString());
        }

        var xml = Build(b => SmsMultiXmlPayload.Write(b, Credential, new SmsSettings { Content = "hello", Brandname = "Baotrixemay" }, new[] { "0901888484" }, "r1"));
        string xmlText = StrictUtf8.GetString(xml);
        Assert.Equal(1, Occurrences(xmlText, Key));
        Assert.Equal(1, Occurrences(xmlText, Secret));
        var elements = ReadXmlElements(xml);
        Assert.Equal(Key, Assert.Single(elements["APIKEY"]));
        Assert.Equal(Secret, Assert.Single(elements["SECRETKEY"]));
    }

    [Fact]
    public void Json_payload_escapes_quotes_backslashes_and_control_characters_in_values()
    {
        string nasty = "a\"b\\c\nd\te</script>";
        var zns = new ZnsSettings { OAID = "1", TemplateId = "2" };
        var body = Build(b => ZnsBulkPayload.Write(b, Credential, zns, new[] { new BulkItem("0901888484", "r1", new[] { nasty }) }));
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(nasty, doc.RootElement.GetProperty("Data")[0].GetProperty("Params")[0].GetString());
    }

    [Fact]
    public void A_large_bulk_body_survives_buffer_growth()
    {
        var zns = new ZnsSettings { OAID = "4097311281936189049", TemplateId = "267247", CampaignId = "Chiến dịch 1" };
        var items = Enumerable.Range(0, ZnsBulkPayload.MaxItems)
            .Select(i => new BulkItem(SessionRunner.Phone(i), "r" + i, new[] { "Khách hàng số " + i, "Gội đầu", "KH" + i, "19/03/2030" }))
            .ToArray();
        var body = Build(b => ZnsBulkPayload.Write(b, Credential, zns, items));
        using var doc = JsonDocument.Parse(body);
        var data = doc.RootElement.GetProperty("Data");
        Assert.Equal(ZnsBulkPayload.MaxItems, data.GetArrayLength());
        Assert.Equal("Khách hàng số 499", data[499].GetProperty("Params")[0].GetString());
        Assert.Equal(SessionRunner.Phone(250), data[250].GetProperty("Phone").GetString());
    }
}
