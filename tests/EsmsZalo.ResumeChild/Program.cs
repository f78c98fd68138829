using System;
using System.Collections.Generic;
using System.Globalization;
using EsmsZalo;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Journal;
using EsmsZalo.Core.Resilience;
using EsmsZalo.Core.Sending;

// Usage: EsmsZalo.ResumeChild <Zns|ZnsBulk> <baseUri> <journalPath> <rows> [batchSize]
// Sends rows 0..rows-1 (RequestId "resume-{i}") through a SendSession with a SendJournal, the way the
// cmdlet does, and prints a summary. The kill-and-resume test kills it midway.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: EsmsZalo.ResumeChild <Zns|ZnsBulk> <baseUri> <journalPath> <rows> [batchSize]");
    return 2;
}
var kind = Enum.Parse<MessageKind>(args[0]);
var baseUri = new Uri(args[1]);
string journalPath = args[2];
int rows = int.Parse(args[3], CultureInfo.InvariantCulture);
int? batch = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : null;

// The demo keys of the emulator; they never reach the console.
var client = new EsmsClient(baseUri, new EsmsCredential("DEMOAPIKEY0123456789", "DEMOSECRETKEY0123456789", "resume child"));
using var journal = SendJournal.Open(journalPath);
foreach (var w in journal.Warnings) Console.WriteLine("WARNING " + w);
var options = new SendOptions
{
    Journal = journal,
    ThrottleLimit = 4,
    BatchSize = batch,
    Retry = new RetryOptions { MaximumRetryCount = 5, RetryInterval = TimeSpan.FromMilliseconds(10), MaximumDelay = TimeSpan.FromMilliseconds(100) },
};
var counts = new Dictionary<SendStatus, int>();
using (var session = new SendSession(kind, client, options))
{
    Console.WriteLine("STARTED");
    Console.Out.Flush();
    for (int i = 0; i < rows; i++)
    {
        session.Add(Row(kind, i));
        foreach (var r in session.TakeReady()) counts[r.Status] = counts.GetValueOrDefault(r.Status) + 1;
    }
    foreach (var r in session.Complete()) counts[r.Status] = counts.GetValueOrDefault(r.Status) + 1;
}
foreach (var kv in counts) Console.WriteLine($"{kv.Key} {kv.Value}");
Console.WriteLine("DONE");
return 0;

static MessageRow Row(MessageKind kind, int i)
{
    string phone = "09" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture);
    var row = new MessageRow
    {
        Phone = phone,
        OAID = "4097311281936189049",
        TemplateId = "267247",
        RequestId = "resume-" + i.ToString(CultureInfo.InvariantCulture),
    };
    if (kind == MessageKind.Zns)
        row.TemplateData = new[]
        {
            new KeyValuePair<string, object?>("customer_name", "Khách " + i),
            new KeyValuePair<string, object?>("service", "Cắt tóc"),
            new KeyValuePair<string, object?>("customer_code", "KH" + i),
            new KeyValuePair<string, object?>("appointment_date", "19/03/2025"),
        };
    else
    {
        row.Params = new object?[] { "Khách " + i, "Cắt tóc", "KH" + i, "19/03/2025" };
        row.ParamNames = new[] { "customer_name", "service", "customer_code", "appointment_date" };
    }
    return row;
}
