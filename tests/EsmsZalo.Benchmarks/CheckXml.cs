using System.Text;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Payloads;

namespace EsmsZalo.Benchmarks;

/// <summary>--check-xml: the SMS body written directly as UTF-8 equals the former StringBuilder-then-encode body, byte for byte.</summary>
internal static class CheckXml
{
    private static byte[] Former(EsmsCredential credential, SmsSettings settings, IReadOnlyList<string> phones, string requestId)
    {
        var sb = new StringBuilder();
        void Element(string name, string value) { sb.Append('<').Append(name).Append('>'); SmsMultiXmlPayload.Escape(sb, value); sb.Append("</").Append(name).Append(">\n"); }
        sb.Append("<RQST>\n");
        Element("APIKEY", credential.ApiKey);
        Element("SECRETKEY", credential.SecretKey);
        Element("CONTENT", settings.Content);
        Element("SMSTYPE", settings.SmsType);
        Element("BRANDNAME", settings.Brandname);
        Element("SENDDATE", settings.SendDate ?? "");
        Element("CALLBACKURL", settings.CallbackUrl ?? "");
        Element("REQUESTID", requestId);
        if (!string.IsNullOrEmpty(settings.CampaignId)) Element("CAMPAIGNID", settings.CampaignId!);
        if (settings.Sandbox) Element("SANDBOX", "1");
        sb.Append("<CONTACTS>\n");
        foreach (var p in phones) { sb.Append("<CUSTOMER><PHONE>"); SmsMultiXmlPayload.Escape(sb, p); sb.Append("</PHONE></CUSTOMER>\n"); }
        sb.Append("</CONTACTS>\n</RQST>");
        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }

    public static int Run()
    {
        var rnd = new Random(42);
        string[] pieces = { "a", "Ư", "ễ", "<", ">", "&", "\"", "'", "</CONTENT>", "😀", "\uD83D", "\uDE00", " ", "\n", "\t", "&amp;", "漢", "" };
        int failures = 0;
        for (int n = 0; n < 20_000; n++)
        {
            string R(int max) { var sb = new StringBuilder(); int k = rnd.Next(max); for (int i = 0; i < k; i++) sb.Append(pieces[rnd.Next(pieces.Length)]); return sb.ToString(); }
            var cred = new EsmsCredential(R(6) + "KEY", R(6) + "SECRET", "check");
            var s = new SmsSettings
            {
                Content = R(40), SmsType = R(2), Brandname = R(4), SendDate = rnd.Next(2) == 0 ? null : R(5), CallbackUrl = rnd.Next(2) == 0 ? null : R(5),
                CampaignId = rnd.Next(3) == 0 ? null : R(4), Sandbox = rnd.Next(2) == 0,
            };
            var phones = Enumerable.Range(0, rnd.Next(0, 40)).Select(_ => rnd.Next(4) == 0 ? R(3) : "09" + rnd.Next(10_000_000, 99_999_999)).ToArray();
            string rid = R(5);
            using var buffer = new PooledBufferWriter(rnd.Next(1, 64));
            SmsMultiXmlPayload.Write(buffer, cred, s, phones, rid);
            if (!buffer.WrittenSpan.SequenceEqual(Former(cred, s, phones, rid)) && failures++ < 5) Console.WriteLine($"MISMATCH in case {n}");
        }
        Console.WriteLine(failures == 0 ? "SMS XML: 20,000 random bodies identical to the former encoding." : $"SMS XML: {failures} mismatches.");
        return failures == 0 ? 0 : 1;
    }
}
