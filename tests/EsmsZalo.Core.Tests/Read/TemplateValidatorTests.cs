using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Read;
using EsmsZalo.Core.Sending;
using Xunit;

namespace EsmsZalo.Core.Tests.Read;

public sealed class TemplateValidatorTests
{
    private static readonly ZnsTemplate Appointment = new()
    {
        OAID = "oa", TemplateId = "267247", Detailed = true,
        Parameters = new[]
        {
            new ZnsTemplateParameter { Name = "customer_name", Type = "STRING", Required = true, MaxLength = 30 },
            new ZnsTemplateParameter { Name = "service", Type = "STRING", Required = true, MaxLength = 30 },
            new ZnsTemplateParameter { Name = "appointment_date", Type = "DATE", Required = true, MaxLength = 20 },
        },
    };

    private static readonly ZnsTemplate Otp = new()
    {
        OAID = "oa", TemplateId = "267249",
        Parameters = new[]
        {
            new ZnsTemplateParameter { Name = "otp", Type = "NUMBER", Required = true, MinLength = 4, MaxLength = 6 },
            new ZnsTemplateParameter { Name = "note", Type = "STRING", Required = false, AcceptNull = true, MaxLength = 10 },
        },
    };

    [Fact]
    public void Good_params_pass()
        => Assert.Null(TemplateValidator.CheckParams(Appointment, new object?[] { "Chị A", "Gội đầu", "19/03/2025" }));

    [Fact]
    public void DateTime_values_pass_as_dates()
        => Assert.Null(TemplateValidator.CheckParams(Appointment, new object?[] { "Chị A", "Gội đầu", new DateTime(2025, 3, 19, 9, 30, 0) }));

    [Fact]
    public void Too_few_params_names_the_missing_ones()
    {
        var p = TemplateValidator.CheckParams(Appointment, new object?[] { "Chị A", "Gội đầu" })!;
        Assert.Equal(ErrorIds.TemplateParamCount, p.ErrorId);
        Assert.Contains("appointment_date", p.Message);
        Assert.Contains("takes 3", p.Message);
    }

    [Fact]
    public void Too_many_params()
        => Assert.Equal(ErrorIds.TemplateParamCount, TemplateValidator.CheckParams(Otp, new object?[] { "1234", "x", "y" })!.ErrorId);

    [Fact]
    public void Too_long_names_the_limit()
    {
        var p = TemplateValidator.CheckParams(Appointment, new object?[] { new string('a', 31), "Cắt", "19/03/2025" })!;
        Assert.Equal(ErrorIds.TemplateParamTooLong, p.ErrorId);
        Assert.Equal("customer_name", p.Parameter);
        Assert.Contains("at most 30", p.Message);
    }

    [Theory]
    [InlineData("12a4")]
    [InlineData("12 34")]
    [InlineData("1,234")]
    [InlineData("--12")]
    public void Number_with_letters_is_invalid(string value)
    {
        var p = TemplateValidator.CheckParams(Otp, new object?[] { value, "" })!;
        Assert.Equal(ErrorIds.TemplateParamInvalid, p.ErrorId);
        Assert.Contains("'otp' is a NUMBER", p.Message);
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("0123")]
    public void Numbers_pass_and_optional_empty_passes(string value)
        => Assert.Null(TemplateValidator.CheckParams(Otp, new object?[] { value, null }));

    [Fact]
    public void Integer_values_pass_as_numbers()
        => Assert.Null(TemplateValidator.CheckParams(Otp, new object?[] { 4821, null }));

    [Fact]
    public void Too_short_is_invalid()
        => Assert.Equal(ErrorIds.TemplateParamInvalid, TemplateValidator.CheckParams(Otp, new object?[] { "12", null })!.ErrorId);

    [Fact]
    public void Bad_date_is_invalid_and_says_the_format()
    {
        var p = TemplateValidator.CheckParams(Appointment, new object?[] { "A", "B", "2025-03-19" })!;
        Assert.Equal(ErrorIds.TemplateParamInvalid, p.ErrorId);
        Assert.Contains("dd/MM/yyyy", p.Message);
    }

    [Fact]
    public void Empty_required_is_empty()
        => Assert.Equal(ErrorIds.TemplateParamEmpty, TemplateValidator.CheckParams(Appointment, new object?[] { " ", "B", "19/03/2025" })!.ErrorId);

    [Fact]
    public void TemplateData_missing_name()
    {
        var p = TemplateValidator.CheckTemplateData(Appointment, new[] { KV("customer_name", "A"), KV("service", "B") })!;
        Assert.Equal(ErrorIds.TemplateParamMissing, p.ErrorId);
        Assert.Equal("appointment_date", p.Parameter);
    }

    [Fact]
    public void TemplateData_wrong_case_is_pointed_out()
    {
        var p = TemplateValidator.CheckTemplateData(Appointment, new[] { KV("Customer_Name", "A"), KV("service", "B"), KV("appointment_date", "19/03/2025") })!;
        Assert.Equal(ErrorIds.TemplateParamInvalid, p.ErrorId);
        Assert.Contains("write 'customer_name'", p.Message);
    }

    [Fact]
    public void TemplateData_in_any_order_passes_and_optional_may_be_left_out()
    {
        Assert.Null(TemplateValidator.CheckTemplateData(Appointment, new[] { KV("appointment_date", "19/03/2025"), KV("service", "B"), KV("customer_name", "A") }));
        Assert.Null(TemplateValidator.CheckTemplateData(Otp, new[] { KV("otp", "1234") }));
    }

    [Fact]
    public void CheckRow_picks_TemplateData_for_single_and_Params_for_bulk()
    {
        var single = new MessageRow { TemplateData = new[] { KV("otp", "12x4") } };
        Assert.Equal(ErrorIds.TemplateParamInvalid, TemplateValidator.CheckRow(Otp, single)!.ErrorId);
        var bulk = new MessageRow { Params = new object?[] { "1234" } };
        Assert.Equal(ErrorIds.TemplateParamCount, TemplateValidator.CheckRow(Otp, bulk)!.ErrorId);
    }

    private static KeyValuePair<string, object?> KV(string k, object? v) => new(k, v);
}
