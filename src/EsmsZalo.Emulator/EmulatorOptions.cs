namespace EsmsZalo.Emulator;

/// <summary>Configuration of one emulator instance. Defaults to the demo data (<see cref="Demo"/>).</summary>
public sealed class EmulatorOptions
{
    public const string DemoApiKey = "DEMOAPIKEY0123456789";
    public const string DemoSecretKey = "DEMOSECRETKEY0123456789";
    public const string DemoOaId = "4097311281936189049";
    public const string DemoInactiveOaId = "1111111111111111111";
    public const string DemoAppointmentTemplateId = "267247";
    public const string DemoJourneyTemplateId = "267248";
    public const string DemoOtpTemplateId = "267249";

    public EmulatorOptions()
    {
        Accounts = new List<EmulatorAccount> { CreateDemoAccount() };
    }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Accounts known to the emulator (default: the demo account).</summary>
    public List<EmulatorAccount> Accounts { get; }

    /// <summary>Clock for the 24 h RequestId window, AcceptedAt and the status queries' waiting/finished switch.
    /// Callback dispatch itself waits in real time.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Delay between acceptance and the delivery callback (and the switch from SendStatus 2 to 5).</summary>
    public TimeSpan CallbackDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When false, no callback GET is ever made.</summary>
    public bool SendCallbacks { get; set; } = true;

    /// <summary>Fraction (0..1) of accepted messages reported as failed (callback SendFailed=1 with error_info, status queries agree).</summary>
    public double CallbackFailureRate { get; set; }

    /// <summary>Timeout of one callback attempt.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Pause before retrying a failed callback (up to 5 retries).</summary>
    public TimeSpan CallbackRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>When set, faults and failure draws come from a Random seeded with this value.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>Console logging of the ASP.NET Core host (off by default: the emulator is benchmarked).</summary>
    public bool EnableLogging { get; set; }

    /// <summary>Price of one ZNS message (VND).</summary>
    public decimal ZnsPrice { get; set; } = 300m;

    /// <summary>Price of one SMS (VND).</summary>
    public decimal SmsPrice { get; set; } = 800m;

    /// <summary>Daily ZNS quota reported by ZNS/GetQuota per OA.</summary>
    public int OaDailyQuota { get; set; } = 500_000;

    /// <summary>Daily quota reported by GetZnsTemplateInfo per template.</summary>
    public int TemplateDailyQuota { get; set; } = 1000;

    /// <summary>The demo data (same as <c>new EmulatorOptions()</c>).</summary>
    public static EmulatorOptions Demo() => new();

    /// <summary>Builds the demo account: balance 1,000,000,000 VND, two OAs, three templates, two brandnames.</summary>
    public static EmulatorAccount CreateDemoAccount()
    {
        var account = new EmulatorAccount(DemoApiKey, DemoSecretKey)
        {
            Balance = 1_000_000_000m,
            UserID = 12345,
        };

        var salon = new EmulatorOA(DemoOaId, "Salon Demo") { Active = true, AllowSendingMode3 = true };
        salon.Templates.Add(new EmulatorTemplate(
            DemoAppointmentTemplateId,
            "Nhắc lịch hẹn",
            "Xin chào <customer_name>, Salon Demo xác nhận lịch hẹn <service> của quý khách (mã KH <customer_code>) vào ngày <appointment_date>. Hẹn gặp lại quý khách!",
            new[]
            {
                new EmulatorTemplateParam("customer_name", "STRING", true, 30),
                new EmulatorTemplateParam("service", "STRING", true, 30),
                new EmulatorTemplateParam("customer_code", "STRING", true, 30),
                new EmulatorTemplateParam("appointment_date", "DATE", true, 20),
            }));
        salon.Templates.Add(new EmulatorTemplate(
            DemoJourneyTemplateId,
            "Hành trình đơn hàng",
            "Đơn hàng <order_code> của quý khách: <order_status>. Cảm ơn quý khách đã mua hàng tại Salon Demo.",
            new[]
            {
                new EmulatorTemplateParam("order_code", "STRING", true, 30),
                new EmulatorTemplateParam("order_status", "STRING", true, 50),
            })
        { IsJourney = true });
        salon.Templates.Add(new EmulatorTemplate(
            DemoOtpTemplateId,
            "Mã OTP",
            "Mã OTP của quý khách là <otp>. Vui lòng không chia sẻ mã này cho bất kỳ ai.",
            new[]
            {
                new EmulatorTemplateParam("otp", "NUMBER", true, 6),
            }));
        account.OAs.Add(salon);
        account.OAs.Add(new EmulatorOA(DemoInactiveOaId, "OA tạm ngưng") { Active = false });

        account.Brandnames.Add(new EmulatorBrandname("Baotrixemay", 2));
        account.Brandnames.Add(new EmulatorBrandname("ESMS.VN", 1));
        return account;
    }
}

/// <summary>An eSMS account. Balance is decreased by the emulator under its state lock.</summary>
public sealed record EmulatorAccount(string ApiKey, string SecretKey)
{
    public decimal Balance { get; set; }
    public int UserID { get; set; } = 12345;
    public List<EmulatorOA> OAs { get; } = new();
    public List<EmulatorBrandname> Brandnames { get; } = new();

    /// <summary>Never shows the SecretKey.</summary>
    public override string ToString() => $"EmulatorAccount {{ ApiKey = {ApiKey}, UserID = {UserID} }}";

    // Records compare by value; the emulator keys its per-account data by reference instead.
    public bool Equals(EmulatorAccount? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>A Zalo Official Account registered on an eSMS account.</summary>
public sealed record EmulatorOA(string OAID, string Name)
{
    /// <summary>Inactive OAs answer 799 on every send.</summary>
    public bool Active { get; set; } = true;

    /// <summary>Whether SendingMode 3 (exceed quota) is allowed; otherwise 802.</summary>
    public bool AllowSendingMode3 { get; set; } = true;

    public List<EmulatorTemplate> Templates { get; } = new();

    public bool Equals(EmulatorOA? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>A ZNS template; <see cref="Params"/> are in template order.</summary>
public sealed record EmulatorTemplate(string TempId, string Name, string Content, IReadOnlyList<EmulatorTemplateParam> Params)
{
    public bool IsJourney { get; init; }
}

/// <summary>One variable of a ZNS template. Type is STRING, NUMBER or DATE.</summary>
public sealed record EmulatorTemplateParam(string Name, string Type, bool Required, int MaxLength, int MinLength = 0);

/// <summary>An SMS brandname. Type 1 advertising, 2 customer care.</summary>
public sealed record EmulatorBrandname(string Brandname, int Type);
