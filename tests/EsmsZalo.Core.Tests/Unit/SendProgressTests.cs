using EsmsZalo.Core.Sending;
using Xunit;

namespace EsmsZalo.Core.Tests.Unit;

public sealed class SendProgressTests
{
    [Fact]
    public void Counting_a_request_at_once_gives_the_same_counters_as_row_by_row()
    {
        var statuses = new[] { SendStatus.Accepted, SendStatus.Accepted, SendStatus.Duplicate, SendStatus.Rejected, SendStatus.Failed, SendStatus.Skipped, SendStatus.Accepted };
        var results = statuses.Select((s, i) => new SendResult { Row = i + 1, Status = s }).ToArray();

        var byRow = new SendProgress();
        foreach (var r in results) byRow.Add(r);
        var atOnce = new SendProgress();
        atOnce.AddAll(results);
        atOnce.AddAll(Array.Empty<SendResult>());

        Assert.Equal(7, atOnce.Completed);
        Assert.Equal(3, atOnce.Accepted);
        Assert.Equal((byRow.Completed, byRow.Accepted, byRow.Duplicate, byRow.Rejected, byRow.Failed, byRow.Skipped),
                     (atOnce.Completed, atOnce.Accepted, atOnce.Duplicate, atOnce.Rejected, atOnce.Failed, atOnce.Skipped));
    }
}
