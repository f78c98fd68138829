namespace EsmsZalo.Emulator;

/// <summary>One message accepted (CodeResult 100, not sandbox) and recorded by the emulator.
/// An SMS request to N distinct phones records N messages sharing one SmsId.</summary>
public sealed record AcceptedMessage(
    string Endpoint,
    string SmsId,
    string? RequestId,
    string Phone,
    string? OAID,
    string? TempId,
    IReadOnlyList<string>? Params,
    IReadOnlyDictionary<string, string>? TempData,
    string? Content,
    string? Brandname,
    string? SmsType,
    string? CampaignId,
    string? SendDate,
    string? CallbackUrl,
    string? OrderId,
    string? SendingMode,
    DateTimeOffset AcceptedAt);

/// <summary>One callback GET made (or skipped) by the emulator.
/// StatusCode is set when the receiver answered; Error when the attempt failed or was skipped.</summary>
public sealed record CallbackAttempt(
    string Url,
    int? StatusCode,
    string? Error,
    int Attempt,
    string SmsId,
    string Phone,
    DateTimeOffset At)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>Internal per-recipient record behind the status queries and callbacks.</summary>
internal sealed class MessageRecord
{
    public required AcceptedMessage Message { get; init; }
    public required EmulatorAccount Account { get; init; }
    public required int TypeId { get; init; }
    public required decimal Price { get; init; }
    public required bool Failed { get; init; }

    /// <summary>
    /// Set by the callback dispatcher before its first GET: from then on the status queries say
    /// Finished too, whatever the clocks say (the dispatcher waits in real time, the queries read
    /// the options' TimeProvider, and the two may disagree by a tick or a clock step).
    /// </summary>
    public volatile bool Announced;

    /// <summary>A fake Zalo message id, derived from SmsId and phone (not stored: keeps big runs small).</summary>
    public string ZaloMsgId
    {
        get
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(Message.SmsId + "|" + Message.Phone);
            return Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(bytes));
        }
    }
}
