using System.Net;
using System.Text;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Tests.Reliability;
using EsmsZalo.Core.Tests.TestSupport;
using Xunit;

namespace EsmsZalo.Core.Tests.Unit;

/// <summary>The send path reads answers into pooled arrays; what it reads must be what came.</summary>
public sealed class HttpAnswerTests
{
    private static EsmsClient Client(string body, HttpStatusCode status = HttpStatusCode.OK)
        => new(new Uri("http://127.0.0.1:9/MainService.svc/json/"), Demo.Credential,
               new CannedHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) })));

    [Theory]
    [InlineData("")]
    [InlineData("{\"CodeResult\":\"100\"}")]
    [InlineData("\uFEFF{\"CodeResult\":\"100\",\"Message\":\"Thành công\"}")]
    [InlineData(null)] // a long answer: larger than any first guess of the buffer
    public async Task A_pooled_answer_has_the_same_body_status_and_excerpt_as_a_plain_one(string? text)
    {
        text ??= "{\"detail\":[" + string.Join(",", Enumerable.Range(0, 3000).Select(i => $"{{\"CodeResult\":\"100\",\"Phone\":\"09{i:D8}\",\"SMSID\":\"ệ{i}\"}}")) + "]}\r\n";
        var client = Client(text);
        var plain = await client.PostAsync(EsmsPaths.SendZnsBulk, new byte[] { 1, 2 }, 2, "application/json", default);
        var pooled = await client.PostPooledAsync(EsmsPaths.SendZnsBulk, new byte[] { 1, 2 }, 2, "application/json", default);

        Assert.Equal(plain.StatusCode, pooled.StatusCode);
        Assert.Equal(plain.Body, pooled.BodySpan.ToArray());
        Assert.Equal(plain.Body, pooled.Body);
        Assert.Equal(plain.Excerpt(), pooled.Excerpt());
        Assert.Equal(plain.Excerpt(2000), pooled.Excerpt(2000));

        pooled.ReturnBuffer();
        pooled.ReturnBuffer(); // twice is harmless
        plain.ReturnBuffer();  // an ordinary answer keeps its body
        Assert.Equal(Encoding.UTF8.GetBytes(text), plain.Body);
    }

    [Fact]
    public async Task A_returned_pooled_answer_reads_as_empty_not_as_someone_elses_bytes()
    {
        var pooled = await Client("{\"CodeResult\":\"100\"}", HttpStatusCode.BadGateway).PostPooledAsync(EsmsPaths.SendZnsBulk, new byte[1], 1, "application/json", default);
        Assert.Equal(502, pooled.StatusCode);
        pooled.ReturnBuffer();
        Assert.Equal(0, pooled.BodySpan.Length);
        Assert.Equal("(empty body)", pooled.Excerpt());
    }
}
