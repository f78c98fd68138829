using EsmsZalo.Core.Callbacks;
using Xunit;

namespace EsmsZalo.Core.Tests.Read;

public sealed class CallbackParserTests
{
    [Fact]
    public void Zns_failure_with_url_encoded_error_info()
    {
        var c = CallbackParser.Parse(
            "https://example.vn/esms/callback?SMSID=7f1c-22&RequestId=96accf59-0c41-4bc7-a5c1&SendStatus=5&SendSuccess=0&SendFailed=1&TotalReceiver=1&TotalSent=1&TotalPrice=300&TypeId=24&telcoid=1&phonenumber=0961234567&partnerids=zmsg1&error_info=%7B%22error%22%3A-114%2C%22message%22%3A%22User%20is%20inactive%2C%20reject%20msg%22%7D&oaid=4097311281936189049&tempid=267247");
        Assert.Equal("7f1c-22", c.SmsId);
        Assert.Equal("96accf59-0c41-4bc7-a5c1", c.RequestId);
        Assert.Equal(5, c.SendStatus);
        Assert.Equal("Finished", c.SendStatusName);
        Assert.False(c.Delivered);
        Assert.Equal(300m, c.TotalPrice);
        Assert.Equal("ZnsPriority", c.TypeName);
        Assert.Equal("Viettel", c.TelcoName);
        Assert.Equal("0961234567", c.Phone);
        Assert.Equal("zmsg1", c.ZaloMsgId);
        Assert.Equal(-114, c.ErrorCode);
        Assert.Equal("User is inactive, reject msg", c.ErrorMessage);
        Assert.Equal("""{"error":-114,"message":"User is inactive, reject msg"}""", c.ErrorInfo);
        Assert.Equal("4097311281936189049", c.OAID);
        Assert.Equal("267247", c.TemplateId);
    }

    [Fact]
    public void Names_are_case_insensitive_and_leading_question_mark_is_fine()
    {
        var c = CallbackParser.Parse("?smsid=A1&REQUESTID=r&sendstatus=5&SENDSUCCESS=1&sendfailed=0&typeid=27&TELCOID=3&PhoneNumber=0912345678");
        Assert.Equal("A1", c.SmsId);
        Assert.Equal("r", c.RequestId);
        Assert.True(c.Delivered);
        Assert.Equal("ZnsJourney", c.TypeName);
        Assert.Equal("Vinaphone", c.TelcoName);
        Assert.Equal("0912345678", c.Phone);
    }

    [Theory]
    [InlineData(1, "PendingApproval")]
    [InlineData(2, "Waiting")]
    [InlineData(4, "Rejected")]
    [InlineData(5, "Finished")]
    [InlineData(7, "AtTelco")]
    public void SendStatus_names(int code, string name)
        => Assert.Equal(name, CallbackParser.Parse($"SMSID=x&SendStatus={code}").SendStatusName);

    [Theory]
    [InlineData(1, "Viettel")]
    [InlineData(2, "Mobifone")]
    [InlineData(3, "Vinaphone")]
    [InlineData(4, "Vietnamobile")]
    [InlineData(5, "Gtel")]
    [InlineData(6, "Itel")]
    [InlineData(7, "Reddi")]
    public void Telco_names(int code, string name)
        => Assert.Equal(name, CallbackParser.Parse($"SMSID=x&telcoid={code}").TelcoName);

    [Theory]
    [InlineData(1, "SmsAdvertising")]
    [InlineData(2, "SmsCustomerCare")]
    [InlineData(23, "Viber")]
    [InlineData(24, "ZnsPriority")]
    [InlineData(25, "ZnsNormal")]
    [InlineData(26, "ZaloFollower")]
    [InlineData(27, "ZnsJourney")]
    public void Type_names(int code, string name)
        => Assert.Equal(name, CallbackParser.Parse($"SMSID=x&TypeId={code}").TypeName);

    [Fact]
    public void Pending_has_no_delivery_verdict_and_plus_is_space()
    {
        var c = CallbackParser.Parse("SMSID=x&SendStatus=7&SendSuccess=0&SendFailed=0&campaign=Chi%E1%BA%BFn+d%E1%BB%8Bch+1");
        Assert.Null(c.Delivered);
        Assert.Equal("AtTelco", c.SendStatusName);
        Assert.Equal("Chiến dịch 1", c.Other["campaign"]);
    }

    [Fact]
    public void Error_info_that_is_not_json_becomes_the_message()
    {
        var c = CallbackParser.Parse("SMSID=x&SendFailed=1&error_info=timeout+at+telco");
        Assert.Null(c.ErrorCode);
        Assert.Equal("timeout at telco", c.ErrorMessage);
    }

    [Fact]
    public void Garbage_escapes_do_not_throw()
    {
        var c = CallbackParser.Parse("SMSID=%ZZ&SendStatus=abc");
        Assert.Equal("%ZZ", c.SmsId);
        Assert.Null(c.SendStatus);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/esms/", true)]
    [InlineData("http://localhost:8080/", true)]
    [InlineData("http://[::1]:8080/esms/", true)]
    [InlineData("http://+:8080/esms/", false)]
    [InlineData("http://*:8080/", false)]
    [InlineData("http://0.0.0.0:8080/", false)]
    [InlineData("http://example.vn:8080/", false)]
    public void Loopback_prefixes(string prefix, bool loopback)
        => Assert.Equal(loopback, CallbackReceiver.IsLoopbackPrefix(prefix));

    [Fact]
    public void Receiver_refuses_a_remote_prefix_unless_allowed()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CallbackReceiver("http://+:18080/esms/"));
        Assert.Contains("reverse proxy", ex.Message);
        using var allowed = new CallbackReceiver("http://+:18080/esms", allowRemote: true);
        Assert.Equal("http://+:18080/esms/", allowed.Prefix);
    }
}
