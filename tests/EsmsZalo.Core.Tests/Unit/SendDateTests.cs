using System.Globalization;
using EsmsZalo.Core.Scheduling;
using Xunit;

namespace EsmsZalo.Core.Tests.Unit;

public sealed class SendDateTests
{
    // 2030-06-01 08:00 in Vietnam.
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 1, 0, 0, TimeSpan.Zero);

    private static string Format(object? value)
    {
        Assert.True(SendDate.TryFormat(value, Now, out var formatted, out var error), error);
        Assert.Equal("", error);
        return formatted;
    }

    private static string Refuse(object? value)
    {
        Assert.False(SendDate.TryFormat(value, Now, out var formatted, out var error));
        Assert.Equal("", formatted);
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error;
    }

    [Fact]
    public void A_DateTimeOffset_is_converted_to_Vietnam_time()
    {
        Assert.Equal("2030-06-02 21:00:00", Format(new DateTimeOffset(2030, 6, 2, 9, 0, 0, TimeSpan.FromHours(-5))));
        Assert.Equal("2030-06-02 09:00:00", Format(new DateTimeOffset(2030, 6, 2, 9, 0, 0, TimeSpan.FromHours(7))));
        Assert.Equal("2030-06-03 06:30:00", Format(new DateTimeOffset(2030, 6, 2, 23, 30, 0, TimeSpan.Zero)));  // crosses midnight
        Assert.Equal("2030-06-02 07:15:45", Format(new DateTimeOffset(2030, 6, 2, 9, 15, 45, TimeSpan.FromHours(9))));
    }

    [Fact]
    public void A_utc_DateTime_is_converted_to_Vietnam_time()
    {
        Assert.Equal("2030-06-02 09:00:00", Format(new DateTime(2030, 6, 2, 2, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("2031-01-01 05:59:59", Format(new DateTime(2030, 12, 31, 22, 59, 59, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_local_DateTime_is_converted_from_this_machines_zone_to_Vietnam_time()
    {
        var local = new DateTime(2030, 6, 2, 14, 0, 0, DateTimeKind.Local);
        var utc = local.ToUniversalTime();
        string expected = utc.AddHours(7).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(expected, Format(local));
    }

    [Fact]
    public void Zoneless_values_are_read_as_Vietnam_time()
    {
        Assert.Equal("2030-06-02 09:00:00", Format(new DateTime(2030, 6, 2, 9, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("2030-06-02 09:00:00", Format("2030-06-02 09:00:00"));
        Assert.Equal("2030-06-02 09:00:00", Format("2030-06-02 09:00"));
        Assert.Equal("2030-06-02 09:05:00", Format("2030-06-02 9:05"));
        Assert.Equal("2030-06-02 09:00:00", Format("2030-06-02T09:00:00"));
        Assert.Equal("2030-06-02 09:00:00", Format("  2030-06-02 09:00:00  "));
    }

    [Fact]
    public void Strings_with_an_explicit_zone_are_converted()
    {
        Assert.Equal("2030-06-02 16:00:00", Format("2030-06-02T09:00:00Z"));
        Assert.Equal("2030-06-02 09:00:00", Format("2030-06-02T09:00:00+07:00"));
        Assert.Equal("2030-06-02 23:00:00", Format("2030-06-02T09:00:00-07:00"));
    }

    [Fact]
    public void Slashed_dates_are_day_first_as_Vietnamese_spreadsheets_write_them()
    {
        Assert.Equal("2030-07-05 09:00:00", Format("05/07/2030 09:00"));       // 5 July, not 7 May
        Assert.Equal("2030-07-05 09:00:30", Format("05/07/2030 09:00:30"));
        Assert.Equal("2030-07-05 09:00:00", Format("5/7/2030 9:00"));
        Assert.Equal("2030-12-25 18:00:00", Format("25/12/2030 18:00"));
    }

    [Theory]
    [InlineData("12/25/2030 09:00")]   // US order: month 25 does not exist
    [InlineData("tomorrow")]
    [InlineData("2030-13-01 09:00:00")]
    [InlineData("2030-02-30 09:00:00")]
    [InlineData("31/02/2030 09:00")]
    [InlineData("2030-06-02 25:00:00")]
    [InlineData("2030/06/02 09:00:00x")]
    [InlineData("09:00")]
    public void Malformed_values_are_refused_with_the_expected_format_named(string value)
    {
        string error = Refuse(value);
        Assert.Contains("yyyy-MM-dd HH:mm:ss", error);
    }

    [Fact]
    public void Times_in_the_past_are_refused()
    {
        Assert.Contains("past", Refuse(Now.AddHours(-1)));
        Assert.Contains("past", Refuse("2030-06-01 07:00:00"));                                     // an hour ago in Vietnam
        Assert.Contains("past", Refuse("2030-06-01 07:58:00"));                                     // two minutes ago
        // Up to a minute old is clock skew between this machine and eSMS, not an intent: kept as given.
        Assert.Equal("2030-06-01 07:59:30", Format("2030-06-01 07:59:30"));
        Assert.Contains("past", Refuse(new DateTime(2030, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Contains("past", Refuse("01/05/2030 08:00"));
        // A zoneless 08:30 is in the future in Vietnam even though 08:30 UTC would be too: it is read as Vietnam time.
        Assert.Equal("2030-06-01 08:30:00", Format("2030-06-01 08:30:00"));
    }

    [Fact]
    public void Empty_means_send_now()
    {
        foreach (var empty in new object?[] { null, "", "   " })
        {
            Assert.True(SendDate.TryFormat(empty, Now, out var formatted, out var error), error);
            Assert.Equal("", formatted);
        }
    }

    [Fact]
    public void Output_is_invariant_whatever_the_thread_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("th-TH"); // Buddhist calendar
            Assert.Equal("2030-06-02 09:00:00", Format("2030-06-02 09:00:00"));
            CultureInfo.CurrentCulture = new CultureInfo("vi-VN");
            Assert.Equal("2030-06-02 09:00:00", Format(new DateTime(2030, 6, 2, 2, 0, 0, DateTimeKind.Utc)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
