using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Read;
using Xunit;

namespace EsmsZalo.Core.Tests.Read;

/// <summary>Every documented answer shape of the read endpoints, fed straight to the parsers.</summary>
public sealed class ReadAnswerParsingTests
{
    private static readonly EsmsCredential Cred = new("APIKEY123456", "SECRET987654", "test");

    [Fact]
    public void SendStatus_with_CodeResponse_and_numbers()
    {
        var s = MessageStatusQuery.ParseStatus(
            """{"CodeResponse":"100","SMSID":"abc-1","SendFailed":1,"SendStatus":5,"SendSuccess":2,"TotalPrice":900,"TotalReceiver":3,"TotalSent":3}""", "abc-1");
        Assert.Equal("abc-1", s.SmsId);
        Assert.Equal(5, s.SendStatus);
        Assert.Equal("Finished", s.SendStatusName);
        Assert.True(s.IsFinished);
        Assert.Equal(2, s.SendSuccess);
        Assert.Equal(1, s.SendFailed);
        Assert.Equal(3, s.TotalReceiver);
        Assert.Equal(3, s.TotalSent);
        Assert.Equal(900m, s.TotalPrice);
        Assert.Equal("100", s.CodeResult);
    }

    [Fact]
    public void SendStatus_with_string_numbers_and_CodeResult_spelling()
    {
        var s = MessageStatusQuery.ParseStatus(
            """{"CodeResult":"100","SMSID":"x","SendFailed":"0","SendStatus":"2","SendSuccess":"0","TotalPrice":"1500.5","TotalReceiver":"1","TotalSent":"0"}""", "x");
        Assert.Equal(2, s.SendStatus);
        Assert.Equal("Waiting", s.SendStatusName);
        Assert.False(s.IsFinished);
        Assert.Equal(1500.5m, s.TotalPrice);
    }

    [Theory]
    [InlineData("""{"CodeResponse":"105"}""", "105")]
    [InlineData("""{"CodeResult":"105","ErrorMessage":"Not found"}""", "105")]
    [InlineData("""{"Code":854,"Message":"No data found"}""", "854")]
    [InlineData("""{"codeResponse":105}""", "105")]
    public void SendStatus_not_found_is_a_clear_error_with_the_code(string json, string code)
    {
        var ex = Assert.Throws<EsmsApiException>(() => MessageStatusQuery.ParseStatus(json, "gone-1"));
        Assert.Equal(code, ex.Code);
        Assert.Contains("gone-1", ex.Message);
        Assert.Contains("no data", ex.Message);
        Assert.Contains("7 days", ex.Message); Assert.Contains("SmsId", ex.Message);
    }

    [Fact]
    public void Malformed_request_answer_error_object_is_refused()
    {
        var ex = Assert.Throws<EsmsApiException>(() => ZaloOAQuery.Parse("""{"error":"Invalid request"}"""));
        Assert.Null(ex.Code);
        Assert.Contains("Invalid request", ex.Message);
    }

    [Fact]
    public void Wrong_keys_names_the_code_and_advice_without_echoing_keys()
    {
        var ex = Assert.Throws<EsmsApiException>(() => BrandnameQuery.Parse("""{"CodeResponse":"101","ErrorMessage":"Authorize Failed for APIKEY123456/SECRET987654"}""", Cred));
        Assert.Equal("101", ex.Code);
        Assert.DoesNotContain("APIKEY123456", ex.Message);
        Assert.DoesNotContain("SECRET987654", ex.Message);
        Assert.Contains("***", ex.Message);
    }

    [Fact]
    public void ReceiverList_reads_bools_in_any_spelling()
    {
        var list = MessageStatusQuery.ParseReceivers(
            """{"CodeResult":"100","ReceiverList":[{"IsSent":true,"NetworkName":"Viettel","Phone":"0961234567","Retry":0,"SentResult":true},{"IsSent":"1","NetworkName":"Mobifone","Phone":"0901888484","Retry":"2","SentResult":"false"},{"IsSent":false,"NetworkName":"Vinaphone","Phone":"0912345678","Retry":0,"SentResult":false}]}""", "s1");
        Assert.Equal(3, list.Count);
        Assert.True(list[0].SentResult);
        Assert.Equal("Mobifone", list[1].NetworkName);
        Assert.Equal(2, list[1].Retry);
        Assert.False(list[1].SentResult);
        Assert.Null(list[2].SentResult); // not sent yet: no result, not a failure
        Assert.All(list, r => Assert.Equal("s1", r.SmsId));
    }

    [Fact]
    public void ReceiverList_without_code_is_data()
    {
        var list = MessageStatusQuery.ParseReceivers("""{"ReceiverList":[{"IsSent":true,"Phone":"0901888484","SentResult":true}]}""", "s2");
        Assert.Single(list);
    }

    [Fact]
    public void ZOAList()
    {
        var list = ZaloOAQuery.Parse("""{"CodeResult":"100","ZOAList":[{"OAID":"4097311281936189049","OAName":"Salon Demo"},{"OAID":1111,"OAName":"Other"}]}""");
        Assert.Equal(2, list.Count);
        Assert.Equal("4097311281936189049", list[0].OAID);
        Assert.Equal("Salon Demo", list[0].Name);
        Assert.Equal("1111", list[1].OAID);
    }

    [Fact]
    public void ZnsTemplate_list_with_details()
    {
        var list = ZnsTemplateQuery.ParseList(
            """{"CodeResult":"100","ZNSTemplates":[{"TempId":"267247","TempName":"Nhắc lịch hẹn","TempContent":"Xin chào <customer_name>","ZNSTempDetail":[{"Param":"customer_name","Limit":30,"ParamLevel":1,"RequireType":"STRING"},{"Param":"note","Limit":"100","ParamLevel":"0","RequireType":"STRING"}]}]}""", "oa1");
        var t = Assert.Single(list);
        Assert.Equal("267247", t.TemplateId);
        Assert.Equal("oa1", t.OAID);
        Assert.Equal("Nhắc lịch hẹn", t.Name);
        Assert.False(t.Detailed);
        Assert.Equal(2, t.Parameters.Count);
        Assert.Equal(30, t.Parameters[0].MaxLength);
        Assert.True(t.Parameters[0].Required);
        Assert.False(t.Parameters[1].Required);
        Assert.Equal(100, t.Parameters[1].MaxLength);
    }

    [Fact]
    public void ZnsTemplate_info_with_rules()
    {
        var t = ZnsTemplateQuery.ParseInfo(
            """{"CodeResult":"100","Data":{"ListParams":[{"Name":"otp","Require":true,"Type":"NUMBER","MaxLength":6,"MinLength":4,"AcceptNull":false}],"Status":"ENABLE","TemplateQuality":"HIGH","TemplateDailyQuota":"1000","TemplateRemainingQuota":"998","PreviewUrl":"https://account.zalo.cloud/znspreview/x"}}""", "oa1", "267249");
        Assert.True(t.Detailed);
        Assert.Equal("ENABLE", t.Status);
        Assert.Equal("HIGH", t.Quality);
        Assert.Equal(1000, t.DailyQuota);
        Assert.Equal(998, t.RemainingQuota);
        var p = Assert.Single(t.Parameters);
        Assert.Equal(("otp", "NUMBER", true, 4, 6, false), (p.Name, p.Type, p.Required, p.MinLength, p.MaxLength, p.AcceptNull));
    }

    [Fact]
    public void ZnsTemplate_info_854_is_not_found()
    {
        var ex = Assert.Throws<EsmsApiException>(() => ZnsTemplateQuery.ParseInfo("""{"CodeResult":"854","ErrorMessage":"No data found"}""", "oa1", "999"));
        Assert.Equal("854", ex.Code);
        Assert.Contains("template 999 of OA oa1", ex.Message);
    }

    [Fact]
    public void Quota_at_top_level_or_in_Data()
    {
        var a = ZnsQuotaQuery.Parse("""{"CodeResult":"100","DailyQuota":500000,"RemainingQuota":"499990"}""", "oa1");
        Assert.Equal(500000, a.DailyQuota);
        Assert.Equal(499990, a.RemainingQuota);
        var b = ZnsQuotaQuery.Parse("""{"DailyQuota":"10","RemainingQuota":3}""", "oa1");
        Assert.Equal(3, b.RemainingQuota);
        var c = ZnsQuotaQuery.Parse("""{"CodeResult":"100","Data":{"DailyQuota":7,"RemainingQuota":6}}""", "oa1");
        Assert.Equal(7, c.DailyQuota);
    }

    [Fact]
    public void Quota_799_is_refused_with_advice()
    {
        var ex = Assert.Throws<EsmsApiException>(() => ZnsQuotaQuery.Parse("""{"CodeResult":"799","ErrorMessage":"OAID is not configured"}""", "oa9"));
        Assert.Equal("799", ex.Code);
        Assert.Contains("OA oa9", ex.Message);
    }

    [Fact]
    public void Brandnames_with_CodeResponse()
    {
        var list = BrandnameQuery.Parse("""{"CodeResponse":"100","ListBrandName":[{"Brandname":"Baotrixemay","Type":2},{"Brandname":"ESMS.VN","Type":"1"}]}""");
        Assert.Equal(2, list.Count);
        Assert.Equal(("Baotrixemay", 2, "CustomerCare"), (list[0].Name, list[0].Type, list[0].TypeName));
        Assert.Equal("Advertising", list[1].TypeName);
    }

    [Fact]
    public void Query_string_escapes_values_and_ends_with_the_keys()
    {
        var cred = new EsmsCredential("key&1", "s/e=c", "t");
        string q = ReadAnswer.QueryString(new[] { ReadAnswer.F("RefId", "a b&c") }, cred);
        Assert.Equal("?RefId=a%20b%26c&ApiKey=key%261&SecretKey=s%2Fe%3Dc", q);
    }
}
