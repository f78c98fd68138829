using System.Text;
using EsmsZalo.Core.Responses;
using Xunit;

namespace EsmsZalo.Core.Tests.Unit;

public sealed class AnswerParserTests
{
    private static SendAnswer Parse(string body) => SendAnswerParser.Parse(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void CodeResult_as_a_string_with_SMSID()
    {
        var a = Parse("""{"CodeResult":"100","CountRegenerate":0,"SMSID":"d8e0f1f0702544b2acb456ca9ccfd111250"}""");
        Assert.Equal("100", a.Code);
        Assert.Equal("d8e0f1f0702544b2acb456ca9ccfd111250", a.SmsId);
        Assert.Null(a.Detail);
        Assert.Null(a.Error);
    }

    [Fact]
    public void CodeResult_with_an_error_message()
    {
        var a = Parse("""{"CodeResult":"789","CountRegenerate":0,"ErrorMessage":"TemplateId is not config"}""");
        Assert.Equal("789", a.Code);
        Assert.Null(a.SmsId);
        Assert.Equal("TemplateId is not config", a.ErrorMessage);
        Assert.Equal("TemplateId is not config", a.Explanation);
    }

    [Fact]
    public void CodeResponse_is_read_as_the_code()
    {
        var a = Parse("""{"Balance":1000000,"CodeResponse":"101","UserID":12345}""");
        Assert.Equal("101", a.Code);
    }

    [Theory]
    [InlineData("""{"Code":100,"Data":[]}""", "100")]
    [InlineData("""{"Code":854}""", "854")]
    [InlineData("""{"CodeResult":107,"ErrorMessage":"x"}""", "107")]
    [InlineData("""{"CodeResult":"124","ErrorMessage":"Request exist 1"}""", "124")]
    public void Numeric_codes_are_read_as_text(string body, string code)
        => Assert.Equal(code, Parse(body).Code);

    [Fact]
    public void An_error_field_is_read_without_a_code()
    {
        var a = Parse("""{"error":"Invalid request"}""");
        Assert.Null(a.Code);
        Assert.Equal("Invalid request", a.Error);
        Assert.Equal("Invalid request", a.Explanation);
    }

    [Fact]
    public void A_bulk_answer_keeps_each_items_code_phone_and_id_in_order()
    {
        var a = Parse("""
            {
                "CodeResult": "100",
                "Message": "Sucess",
                "TotalSuccess": 2,
                "TotalFail": "1",
                "detail": [
                    { "CodeResult": "100", "Phone": "0901888484", "SMSID": "a037b928-cb7e-4bfc-bdf9-0286318163aa264" },
                    { "CodeResult": "108", "Phone": "091823896", "ErrorMessage": "Phone number is invalid" },
                    { "CodeResult": "100", "Phone": "0765418062", "SMSID": "b83ff06e-8989-4b0d-818e-795b96699e86264", "RequestId": "r3" }
                ]
            }
            """);
        Assert.Equal("100", a.Code);
        Assert.Equal("Sucess", a.Message);
        Assert.Equal(2, a.TotalSuccess);
        Assert.Equal(1, a.TotalFail);
        Assert.NotNull(a.Detail);
        Assert.Equal(new[] { "100", "108", "100" }, a.Detail!.Select(d => d.Code));
        Assert.Equal(new[] { "0901888484", "091823896", "0765418062" }, a.Detail.Select(d => d.Phone));
        Assert.Equal("a037b928-cb7e-4bfc-bdf9-0286318163aa264", a.Detail[0].SmsId);
        Assert.Null(a.Detail[1].SmsId);
        Assert.Equal("Phone number is invalid", a.Detail[1].ErrorMessage);
        Assert.Equal("b83ff06e-8989-4b0d-818e-795b96699e86264", a.Detail[2].SmsId);
        Assert.Equal("r3", a.Detail[2].RequestId);
    }

    [Fact]
    public void A_byte_order_mark_in_front_is_ignored()
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("""{"CodeResult":"100","SMSID":"x1"}""")).ToArray();
        var a = SendAnswerParser.Parse(body);
        Assert.Equal("100", a.Code);
        Assert.Equal("x1", a.SmsId);
    }

    [Fact]
    public void Field_names_are_matched_whatever_their_case()
    {
        var a = Parse("""{"coderesult":"103","smsid":"s","errormessage":"Balance not enough","DETAIL":[{"coderesult":"103","PHONE":"0901888484","smsId":"z"}]}""");
        Assert.Equal("103", a.Code);
        Assert.Equal("s", a.SmsId);
        Assert.Equal("Balance not enough", a.ErrorMessage);
        var d = Assert.Single(a.Detail!);
        Assert.Equal("103", d.Code);
        Assert.Equal("0901888484", d.Phone);
        Assert.Equal("z", d.SmsId);
    }

    [Fact]
    public void Escaped_field_names_and_values_are_decoded()
    {
        var a = Parse("""{"\u0043odeResult":"100","SMSID":"a\u002Db","ErrorMessage":"Tin nh\u1eafn"}""");
        Assert.Equal("100", a.Code);
        Assert.Equal("a-b", a.SmsId);
        Assert.Equal("Tin nhắn", a.ErrorMessage);
    }

    [Fact]
    public void Unknown_fields_of_any_shape_are_skipped()
    {
        var a = Parse("""{"Extra":{"CodeResult":"999","x":[1,2,{"y":null}]},"List":[{"CodeResult":"998"}],"CodeResult":"100","SMSID":"ok"}""");
        Assert.Equal("100", a.Code);
        Assert.Equal("ok", a.SmsId);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>")]
    [InlineData("")]
    [InlineData("   \r\n ")]
    [InlineData("[]")]
    [InlineData("\"100\"")]
    [InlineData("100")]
    [InlineData("""{"CodeResult":"100","SMSID":""")]
    [InlineData("""{"CodeResult":"100" "SMSID":"x"}""")]
    public void Anything_that_is_not_a_json_object_is_a_FormatException(string body)
        => Assert.Throws<FormatException>(() => Parse(body));

    [Fact]
    public void A_bare_BOM_is_a_FormatException()
        => Assert.Throws<FormatException>(() => SendAnswerParser.Parse(new byte[] { 0xEF, 0xBB, 0xBF }));
}
