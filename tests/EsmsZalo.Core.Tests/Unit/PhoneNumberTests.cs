using EsmsZalo.Core.Phones;
using Xunit;

namespace EsmsZalo.Core.Tests.Unit;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+84 901 888 484", "0901888484")]
    [InlineData("84901888484", "0901888484")]
    [InlineData("901888484", "0901888484")]          // Excel dropped the leading 0
    [InlineData("0901888484", "0901888484")]
    [InlineData("0901.888.484", "0901888484")]
    [InlineData("0901-888-488", "0901888488")]
    [InlineData("(090) 1888 484", "0901888484")]
    [InlineData("+84 (0) 901 888 484", "0901888484")]
    [InlineData("+840901888484", "0901888484")]
    [InlineData("  0765418062\t", "0765418062")]
    [InlineData("0918\u00A0238\u00A0965", "0918238965")] // non-breaking spaces from a spreadsheet
    [InlineData("0321234567", "0321234567")]
    [InlineData("0561234567", "0561234567")]
    [InlineData("0861234567", "0861234567")]
    [InlineData("901-888484", "0901888484")]          // ten characters but not ten digits: rebuilt, not passed through
    [InlineData("84-9018884", "0849018884")]
    public void Accepted_forms_normalise_to_ten_digits_with_a_leading_zero(string input, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var normalized, out var error), error);
        Assert.Equal(expected, normalized);
        Assert.Equal("", error);
        Assert.Equal(expected, PhoneNumber.Normalize(input));
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("09O1888484", "'O'")]                // letter O for zero
    [InlineData("abc", "'a'")]
    [InlineData("0901888484 ext 2", "'e'")]
    [InlineData("090188848", "too short")]            // 9 digits starting with 0
    [InlineData("0901888", "too short")]
    [InlineData("1", "too short")]
    [InlineData("090188848412345", "too long")]
    [InlineData("09018884841234567890", "too long")]
    [InlineData("+1 415 555 0100", "+84")]           // wrong country
    [InlineData("+14155550100", "+84")]
    [InlineData("+66 81 234 5678", "+84")]
    [InlineData("0241234567", "mobile")]              // Hanoi landline shape (02x)
    [InlineData("+84 24 1234 567", "mobile")]
    [InlineData("0101234567", "mobile")]
    [InlineData("+", "no digits")]
    [InlineData("--", "no digits")]
    [InlineData("++84901888484", "'+'")]
    [InlineData("0901+888484", "'+'")]
    public void Other_input_is_refused_with_a_reason(string? input, string reasonFragment)
    {
        Assert.False(PhoneNumber.TryNormalize(input, out var normalized, out var error));
        Assert.Equal("", normalized);
        Assert.Contains(reasonFragment, error, StringComparison.OrdinalIgnoreCase);

        var ex = Assert.Throws<FormatException>(() => PhoneNumber.Normalize(input));
        Assert.Equal(error, ex.Message);
    }

    [Fact]
    public void A_refusal_names_the_input_but_never_an_overlong_one_in_full()
    {
        string huge = new string('x', 500);
        Assert.False(PhoneNumber.TryNormalize(huge, out _, out var error));
        Assert.True(error.Length < 200, error);
        Assert.Contains("xxx...", error);
    }
}
