using System.Text;
using Xunit;

namespace EsmsZalo.Core.Tests.TestSupport;

/// <summary>
/// The request samples of eSMS's developer docs, copied verbatim from the user's seed pages
/// (placeholders and typos included). Payloads are compared to these byte for byte.
/// </summary>
public static class Seeds
{
    /// <summary>Send_zns_bulk_v4_post_json ("Send personized message via Zalo").</summary>
    public const string ZnsBulk = """
        {
            "ApiKey": "{{ApiKey}}",
            "SecretKey": "{{SecretKey}}",
            "campaignid": "Chiến dịch 1",
            "OAID": "4097311281936189049",
            "TempID": "267247",
            "Sandbox": "0",
            "CallbackUrl": "https://esms.vn/webhook/",
            "Data": [
                {
                    "Phone": "0901888484",
                    "RequestId": "96accf59-0c41-4bc7-a5c1",
                    "Params": [ "Chị A", "Gội đầu", "KH001", "19/03/2025" ]
                },
                {
                    "Phone": "0918238965",
                    "RequestId": "96accf59-0c41-4bc7-a5c2",
                    "Params": [ "Chị B", "Uốn", "KH002", "19/03/2025" ]
                },
                {
                    "Phone": "0765418062",
                    "RequestId": "96accf59-0c41-4bc7-a5c3",
                    "Params": [ "Chị C", "Nhuộm", "KH003", "19/03/2025" ]
                }
            ]
        }
        """;

    /// <summary>SendZaloMessage_V5_post ("Send message via Zalo").</summary>
    public const string ZnsV5 = """
        {
            "ApiKey": "{{ApiKey}}",
            "SecretKey": "{{SecretKey}}",
            "OAID": "{{OAID}}",
            "Phone": "{{Phone}}",
            "TempData": [
                {
                    "key": "{{key1}}",
                    "value": "{{value1}}"
                },
                {
                    "key": "{{key2}}",
                    "value": "{{value2}}"
                }
            ],
            "SendDate": "{{SendDate}}",
            "TempID": "{{TempID}}",
            "campaignid": "{{Campaignid}}",
            "Sandbox": "{{Sandbox}}",
            "CallbackUrl": "{{CallbackUrl}}",
            "RequestId": "{{RequestId}}",
            "SendingMode":"1"
        }
        """;

    /// <summary>SendZaloMessage_V4_post_json ("Send Journey ZNS message").</summary>
    public const string Journey = """
        {
            "ApiKey": "{{APIKEY}}",
            "SecretKey": "{{SecretKey}}",
            "Phone": "{{Phone}}",
            "Params": ["{{PARAM1}}","{{PARAM2}}","{{PARAM3}}"],
            "IsJourney": true,
            "OrderId": "{{ORDERID}}",
            "TempID": "{{TempID}}",
            "OAID": "{{OAID}}",
            "RequestId": "{{RequestId}}",
            "campaignid": "{{campaignid}}",
            "CallbackUrl":"{{CallbackUrl}}"
        }
        """;

    /// <summary>SendMultipleMessage_V4 ("Send customer care message using POST TEXT"), typo and all.</summary>
    public const string SmsXml =
        "<RQST>\n" +
        "<APIKEY><{{ApiKey}}</APIKEY>\n" +
        "<SECRETKEY>{{SecretKey}}</SECRETKEY>\n" +
        "<CONTENT>{{Content}}</CONTENT>\n" +
        "<SMSTYPE>2</SMSTYPE>\n" +
        "<BRANDNAME>{{Brandname}}</BRANDNAME>\n" +
        "<SENDDATE>{{senddate}}</SENDDATE>\n" +
        "<CALLBACKURL>{{callbackUrl}}}</CALLBACKURL>\n" +
        "<CONTACTS>\n" +
        "<CUSTOMER><PHONE>{{Phone}}</PHONE></CUSTOMER>\n" +
        "</CONTACTS>\n" +
        "</RQST>";

    /// <summary>Drops the whitespace between JSON tokens (not inside strings). Written by hand so the
    /// expectation does not go through the System.Text.Json writer the payloads use.</summary>
    public static string MinifyJson(string json)
    {
        var sb = new StringBuilder(json.Length);
        bool inString = false, escaped = false;
        foreach (char c in json)
        {
            if (inString)
            {
                sb.Append(c);
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            }
            else if (c == '"')
            {
                inString = true;
                sb.Append(c);
            }
            else if (!char.IsWhiteSpace(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Replaces each {{placeholder}} (exact spelling) with its value.</summary>
    public static string Fill(string template, params (string Placeholder, string Value)[] values)
    {
        foreach (var (p, v) in values)
        {
            Assert.Contains(p, template);
            template = template.Replace(p, v);
        }
        Assert.DoesNotContain("{{", template);
        return template;
    }
}
