using System.Text.Json;
using System.Xml;
using EsmsZalo.Emulator.Internal;

namespace EsmsZalo.Emulator;

// The send side: SendZaloMessage_V5_post, Send_zns_bulk_v4_post_json, SendZaloMessage_V4_post_json,
// SendMultipleMessage_V4 and GetBalance_json.
public sealed partial class EsmsEmulator
{
    internal const string V5Name = "SendZaloMessage_V5_post";
    internal const string BulkName = "Send_zns_bulk_v4_post_json";
    internal const string JourneyName = "SendZaloMessage_V4_post_json";
    internal const string SmsName = "SendMultipleMessage_V4";
    internal const string SmsAliasName = "SendMultipleSMSBrandname";

    private const int MaxBulkItems = 500;
    private const int MinSmsPhones = 30;
    private const int MaxSmsPhones = 5000;
    private const int MaxRequestIdLength = 50;
    private const int MaxCampaignLength = 254;

    private Dictionary<string, Endpoint> BuildEndpoints()
    {
        var list = new List<Endpoint>
        {
            new Endpoint(V5Name, BodyKind.Json, false, true, SendZnsV5),
            new Endpoint(BulkName, BodyKind.Json, false, true, SendZnsBulk),
            new Endpoint(JourneyName, BodyKind.Json, false, true, SendJourney),
            new Endpoint(SmsName, BodyKind.Raw, false, true, SendSmsMulti),
            new Endpoint(SmsAliasName, BodyKind.Raw, false, true, SendSmsMulti),
            new Endpoint("GetBalance_json", BodyKind.Json, false, true, GetBalance),
        };
        AddReadEndpoints(list);
        return list.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The read side (status, templates, quota, brandnames, summary) lives in EsmsEmulator.Read.cs.</summary>
    partial void AddReadEndpoints(List<Endpoint> list);

    // ---- shared validation -----------------------------------------------------------------

    private EmulatorAccount? FindAccount(string? apiKey, string? secretKey)
    {
        if (apiKey is null || secretKey is null) return null;
        foreach (var account in Options.Accounts)
        {
            if (string.Equals(account.ApiKey, apiKey, StringComparison.Ordinal)
                && string.Equals(account.SecretKey, secretKey, StringComparison.Ordinal))
            {
                return account;
            }
        }
        return null;
    }

    private EmulatorAccount? Authenticate(JsonElement root) =>
        FindAccount(Json.Str(root, "ApiKey")?.Trim(), Json.Str(root, "SecretKey")?.Trim());

    private static EmulatorOA? FindOa(EmulatorAccount account, string oaId)
    {
        foreach (var oa in account.OAs)
        {
            if (oa.OAID == oaId) return oa;
        }
        return null;
    }

    private static EmulatorTemplate? FindTemplate(EmulatorOA oa, string tempId)
    {
        foreach (var t in oa.Templates)
        {
            if (t.TempId == tempId) return t;
        }
        return null;
    }

    /// <summary>Header fields common to the ZNS sends.</summary>
    private sealed class ZnsHeader
    {
        public required EmulatorAccount Account;
        public required EmulatorOA Oa;
        public required EmulatorTemplate Template;
        public string? SendDate;
        public string? CallbackUrl;
        public string? SendingMode;
        public string? CampaignId;
        public bool Sandbox;
    }

    /// <summary>101, 791, 799, 789, SendingMode 110/802/801, SendDate 110, CallbackUrl 110, campaignid 110.</summary>
    private bool ValidateZnsHeader(JsonElement root, Reply reply, out ZnsHeader header)
    {
        header = null!;
        var account = Authenticate(root);
        if (account is null)
        {
            reply.Error("101", "Authorize Failed");
            return false;
        }
        var oaId = Json.StrT(root, "OAID");
        var tempId = Json.StrT(root, "TempID");
        if (oaId is null || tempId is null)
        {
            reply.Error("791", "OAID or TempID is missing");
            return false;
        }
        var oa = FindOa(account, oaId);
        if (oa is null || !oa.Active)
        {
            reply.Error("799", "OAID is not active or not configured for this account");
            return false;
        }
        var template = FindTemplate(oa, tempId);
        if (template is null)
        {
            reply.Error("789", "TemplateId is not config");
            return false;
        }
        var mode = Json.StrT(root, "SendingMode");
        var sendDate = Json.StrT(root, "SendDate");
        if (mode is not null && mode != "1" && mode != "3")
        {
            reply.Error("110", "SendingMode must be 1 or 3");
            return false;
        }
        if (mode == "3" && !oa.AllowSendingMode3)
        {
            reply.Error("802", "OA is not allowed to send with SendingMode 3");
            return false;
        }
        if (mode == "3" && sendDate is not null)
        {
            reply.Error("801", "SendingMode 3 cannot be scheduled");
            return false;
        }
        if (!CheckCommon(root, reply, sendDate, out var callbackUrl, out var campaignId)) return false;

        header = new ZnsHeader
        {
            Account = account,
            Oa = oa,
            Template = template,
            SendDate = sendDate,
            CallbackUrl = callbackUrl,
            SendingMode = mode,
            CampaignId = campaignId,
            Sandbox = Json.IsTrue(Json.Str(root, "Sandbox")),
        };
        return true;
    }

    private static bool CheckCommon(JsonElement root, Reply reply, string? sendDate, out string? callbackUrl, out string? campaignId)
    {
        callbackUrl = Json.StrT(root, "CallbackUrl");
        campaignId = Json.StrT(root, "campaignid");
        if (sendDate is not null && !Checks.IsValidSendDate(sendDate))
        {
            reply.Error("110", "SendDate must be yyyy-MM-dd HH:mm:ss");
            return false;
        }
        if (callbackUrl is not null && !Checks.IsValidCallbackUrl(callbackUrl))
        {
            reply.Error("110", "CallbackUrl must be an absolute http(s) URL");
            return false;
        }
        if (campaignId is not null && campaignId.Length > MaxCampaignLength)
        {
            reply.Error("110", "campaignid is longer than 254 characters");
            return false;
        }
        return true;
    }

    /// <summary>The per-recipient record, with its delivery outcome decided now.</summary>
    private MessageRecord NewRecord(AcceptedMessage message, EmulatorAccount account, int typeId, decimal price) => new()
    {
        Message = message,
        Account = account,
        TypeId = typeId,
        Price = price,
        Failed = Roll(Options.CallbackFailureRate),
    };

    /// <summary>Duplicate check, balance check, charge, remember and record one SMSID's recipients.
    /// Returns null when accepted, else (code, message).</summary>
    private (string Code, string Message)? Commit(EmulatorAccount account, string? requestId, decimal price, bool sandbox, Func<MessageRecord[]> build)
    {
        var now = Options.TimeProvider.GetUtcNow();
        MessageRecord[] records;
        lock (State.SyncRoot)
        {
            if (requestId is not null && State.IsDuplicateLocked(account, requestId, now)) return ("124", "Request exist 1");
            if (account.Balance < price) return ("103", "Balance not enough to send message");
            if (sandbox) return null;
            records = build();
            account.Balance -= price;
            if (requestId is not null) State.RememberRequestIdLocked(account, requestId, now);
            State.RecordLocked(records);
        }
        ScheduleCallbacks(records);
        return null;
    }

    private void ScheduleCallbacks(MessageRecord[] records)
    {
        if (!Options.SendCallbacks) return;
        foreach (var r in records)
        {
            if (r.Message.CallbackUrl is not null) _callbacks.Enqueue(r);
        }
    }

    private static string? ReadRequestId(JsonElement obj, Reply reply, out bool ok)
    {
        var requestId = Json.StrT(obj, "RequestId");
        ok = requestId is null || requestId.Length <= MaxRequestIdLength;
        if (!ok) reply.Error("110", "RequestId is longer than 50 characters");
        return requestId;
    }

    // ---- SendZaloMessage_V5_post -------------------------------------------------------------

    private void SendZnsV5(ApiRequest request, Reply reply)
    {
        var root = request.Root;
        if (!ValidateZnsHeader(root, reply, out var h)) return;

        var phone = Json.StrT(root, "Phone");
        if (!Phones.TryNormalize(phone, out _))
        {
            reply.Error("108", "Phone number is invalid");
            return;
        }
        var requestId = ReadRequestId(root, reply, out var ok);
        if (!ok) return;

        var tempData = ReadTempData(root);
        if (tempData is null)
        {
            reply.Error("790", "TempData is missing or not a list of {key,value}");
            return;
        }
        foreach (var p in h.Template.Params)
        {
            if (p.Required && (!tempData.TryGetValue(p.Name, out var v) || string.IsNullOrWhiteSpace(v)))
            {
                reply.Error("790", "TempData is missing the template parameter " + p.Name);
                return;
            }
        }

        var smsId = Checks.NewSmsId("250");
        var error = Commit(h.Account, requestId, Options.ZnsPrice, h.Sandbox, () => new[]
        {
            NewRecord(new AcceptedMessage(V5Name, smsId, requestId, phone!, h.Oa.OAID, h.Template.TempId, null, tempData,
                null, null, null, h.CampaignId, h.SendDate, h.CallbackUrl, null, h.SendingMode, Options.TimeProvider.GetUtcNow()),
                h.Account, 24, Options.ZnsPrice),
        });
        Answer(reply, error, smsId, h.Sandbox, 1);
    }

    private void Answer(Reply reply, (string Code, string Message)? error, string smsId, bool sandbox, int recipients)
    {
        if (error is { } e)
        {
            reply.Error(e.Code, e.Message);
            return;
        }
        if (sandbox) State.AddSandbox(recipients);
        reply.Accepted(smsId);
    }

    /// <summary>TempData as [{key,value}] (documented) or as a plain object {"name":"value"}.</summary>
    private static Dictionary<string, string>? ReadTempData(JsonElement root)
    {
        if (!Json.TryGet(root, "TempData", out var td)) return null;
        if (td.ValueKind == JsonValueKind.String)
        {
            // Some clients double-encode the array as a string.
            try
            {
                using var inner = JsonDocument.Parse(td.GetString() ?? "", Json.DocumentOptions);
                return ReadTempDataElement(inner.RootElement);
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return ReadTempDataElement(td);
    }

    private static Dictionary<string, string>? ReadTempDataElement(JsonElement td)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (td.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in td.EnumerateArray())
            {
                var key = Json.StrT(item, "key");
                if (key is null) return null;
                result[key] = Json.Str(item, "value") ?? "";
            }
            return result;
        }
        if (td.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in td.EnumerateObject()) result[p.Name] = Json.AsString(p.Value) ?? "";
            return result;
        }
        return null;
    }

    // ---- SendZaloMessage_V4_post_json (journey) -----------------------------------------------

    private void SendJourney(ApiRequest request, Reply reply)
    {
        var root = request.Root;
        if (!ValidateZnsHeader(root, reply, out var h)) return;

        var phone = Json.StrT(root, "Phone");
        if (!Phones.TryNormalize(phone, out _))
        {
            reply.Error("108", "Phone number is invalid");
            return;
        }
        var requestId = ReadRequestId(root, reply, out var ok);
        if (!ok) return;

        string[]? parameters = Json.TryGet(root, "Params", out var pe) ? Json.StrArray(pe) : null;
        if (parameters is null || parameters.Length != h.Template.Params.Count)
        {
            reply.Error("790", $"Params must hold {h.Template.Params.Count} values in template order");
            return;
        }
        var isJourney = Json.IsTrue(Json.Str(root, "IsJourney"));
        var orderId = Json.StrT(root, "OrderId");
        if (isJourney && orderId is null)
        {
            reply.Error("110", "OrderId is required when IsJourney is true");
            return;
        }

        var smsId = Checks.NewSmsId("250");
        var error = Commit(h.Account, requestId, Options.ZnsPrice, h.Sandbox, () => new[]
        {
            NewRecord(new AcceptedMessage(JourneyName, smsId, requestId, phone!, h.Oa.OAID, h.Template.TempId, parameters, null,
                null, null, null, h.CampaignId, h.SendDate, h.CallbackUrl, orderId, h.SendingMode, Options.TimeProvider.GetUtcNow()),
                h.Account, isJourney ? 27 : 24, Options.ZnsPrice),
        });
        Answer(reply, error, smsId, h.Sandbox, 1);
    }

    // ---- Send_zns_bulk_v4_post_json ------------------------------------------------------

    private struct BulkItem
    {
        public string Phone;
        public string? RequestId;
        public string[]? Params;
        public string? Code;
        public string? Error;
        public string? SmsId;
    }

    private void SendZnsBulk(ApiRequest request, Reply reply)
    {
        var root = request.Root;
        if (!ValidateZnsHeader(root, reply, out var h)) return;

        if (!Json.TryGet(root, "Data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            reply.Error("110", "Data must be an array of {Phone, RequestId, Params}");
            return;
        }
        var count = data.GetArrayLength();
        if (count == 0)
        {
            reply.Error("110", "Data is empty");
            return;
        }
        if (count > MaxBulkItems)
        {
            reply.Error("687", "Data has more than 500 items");
            return;
        }

        // Validation that needs no shared state, outside the lock.
        var items = new BulkItem[count];
        var paramCount = h.Template.Params.Count;
        var i = 0;
        foreach (var element in data.EnumerateArray())
        {
            ref var item = ref items[i++];
            if (element.ValueKind != JsonValueKind.Object)
            {
                item.Phone = "";
                item.Code = "110";
                item.Error = "Data item must be an object";
                continue;
            }
            item.Phone = Json.Str(element, "Phone")?.Trim() ?? "";
            item.RequestId = Json.StrT(element, "RequestId");
            item.Params = Json.TryGet(element, "Params", out var pe) ? Json.StrArray(pe) : null;
            if (!Phones.TryNormalize(item.Phone, out _))
            {
                item.Code = "108";
                item.Error = "Phone number is invalid";
            }
            else if (item.RequestId is { Length: > MaxRequestIdLength })
            {
                item.Code = "110";
                item.Error = "RequestId is longer than 50 characters";
            }
            else if (item.Params is null || item.Params.Length != paramCount)
            {
                item.Code = "790";
                item.Error = $"Params must hold {paramCount} values in template order";
            }
        }

        var now = Options.TimeProvider.GetUtcNow();
        var price = Options.ZnsPrice;
        var accepted = h.Sandbox ? null : new List<MessageRecord>(count);
        HashSet<string>? batchIds = null;
        int success = 0;
        lock (State.SyncRoot)
        {
            for (i = 0; i < count; i++)
            {
                ref var item = ref items[i];
                if (item.Code is not null) continue;
                if (item.RequestId is { } rid)
                {
                    batchIds ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!batchIds.Add(rid) || State.IsDuplicateLocked(h.Account, rid, now))
                    {
                        item.Code = "124";
                        item.Error = "Request exist 1";
                        continue;
                    }
                }
                if (h.Account.Balance < price)
                {
                    item.Code = "103";
                    item.Error = "Balance not enough to send message";
                    continue;
                }
                item.Code = "100";
                item.SmsId = Checks.NewBulkSmsId();
                success++;
                if (accepted is null) continue;

                h.Account.Balance -= price;
                if (item.RequestId is not null) State.RememberRequestIdLocked(h.Account, item.RequestId, now);
                var record = NewRecord(new AcceptedMessage(BulkName, item.SmsId, item.RequestId, item.Phone, h.Oa.OAID, h.Template.TempId,
                    item.Params, null, null, null, null, h.CampaignId, h.SendDate, h.CallbackUrl, null, h.SendingMode, now),
                    h.Account, 24, price);
                State.RecordLocked(new[] { record });
                accepted.Add(record);
            }
        }
        if (accepted is not null) ScheduleCallbacks(accepted.ToArray());
        else State.AddSandbox(success);

        var w = reply.Json;
        w.WriteStartObject();
        w.WriteString("CodeResult", "100");
        w.WriteString("Message", "Sucess");
        w.WriteNumber("TotalSuccess", success);
        w.WriteNumber("TotalFail", count - success);
        w.WriteStartArray("detail");
        var shown = request.ShortDetail ? count - 1 : count;
        for (i = 0; i < shown; i++)
        {
            ref var item = ref items[i];
            w.WriteStartObject();
            w.WriteString("CodeResult", item.Code);
            w.WriteString("Phone", item.Phone);
            if (item.SmsId is not null) w.WriteString("SMSID", item.SmsId);
            else w.WriteString("ErrorMessage", item.Error);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // ---- SendMultipleMessage_V4 (SMS, XML body) ---------------------------------------------

    private sealed class SmsRequest
    {
        public string? ApiKey, SecretKey, Content, SmsType, Brandname, SendDate, CallbackUrl, RequestId, Sandbox, CampaignId;
        public readonly List<string> Phones = new();
    }

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = 64 * 1024 * 1024,
    };

    private static SmsRequest ParseSmsXml(byte[] body, int length)
    {
        var result = new SmsRequest();
        using var stream = new MemoryStream(body, 0, length, writable: false);
        using var xr = XmlReader.Create(stream, XmlSettings);
        xr.MoveToContent();
        if (xr.NodeType != XmlNodeType.Element || !xr.LocalName.Equals("RQST", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidRequestException();
        }
        if (xr.IsEmptyElement) throw new InvalidRequestException();
        xr.Read();
        while (!xr.EOF)
        {
            if (xr.NodeType == XmlNodeType.EndElement) break; // </RQST>
            if (xr.NodeType != XmlNodeType.Element)
            {
                xr.Read();
                continue;
            }
            var name = xr.LocalName.ToUpperInvariant();
            if (name == "CONTACTS")
            {
                ReadContacts(xr, result.Phones);
                continue;
            }
            var value = xr.ReadElementContentAsString();
            switch (name)
            {
                case "APIKEY": result.ApiKey = value; break;
                case "SECRETKEY": result.SecretKey = value; break;
                case "CONTENT": result.Content = value; break;
                case "SMSTYPE": result.SmsType = value; break;
                case "BRANDNAME": result.Brandname = value; break;
                case "SENDDATE": result.SendDate = value; break;
                case "CALLBACKURL": result.CallbackUrl = value; break;
                case "REQUESTID": result.RequestId = value; break;
                case "SANDBOX": result.Sandbox = value; break;
                case "CAMPAIGNID": result.CampaignId = value; break;
            }
        }
        while (xr.Read())
        {
            // Reads to the end so that trailing garbage makes the request invalid.
        }
        return result;
    }

    private static void ReadContacts(XmlReader xr, List<string> phones)
    {
        if (xr.IsEmptyElement)
        {
            xr.Read();
            return;
        }
        using (var sub = xr.ReadSubtree())
        {
            sub.Read(); // <CONTACTS>
            sub.Read();
            while (!sub.EOF)
            {
                if (sub.NodeType == XmlNodeType.Element && sub.LocalName.Equals("PHONE", StringComparison.OrdinalIgnoreCase))
                {
                    phones.Add(sub.ReadElementContentAsString());
                }
                else
                {
                    sub.Read();
                }
            }
        }
        xr.Read(); // past </CONTACTS>
    }

    private static string? Trimmed(string? s)
    {
        s = s?.Trim();
        return string.IsNullOrEmpty(s) ? null : s;
    }

    private void SendSmsMulti(ApiRequest request, Reply reply)
    {
        SmsRequest sms;
        try
        {
            sms = ParseSmsXml(request.Body, request.Length);
        }
        catch (XmlException)
        {
            reply.InvalidRequest();
            return;
        }

        var account = FindAccount(Trimmed(sms.ApiKey), Trimmed(sms.SecretKey));
        if (account is null)
        {
            reply.Error("101", "Authorize Failed");
            return;
        }
        var smsType = Trimmed(sms.SmsType);
        if (smsType is null)
        {
            reply.Error("300", "SMSTYPE is missing");
            return;
        }
        if (smsType != "1" && smsType != "2")
        {
            reply.Error("118", "Message type is not supported");
            return;
        }
        var brandname = Trimmed(sms.Brandname);
        if (brandname is null || !account.Brandnames.Any(b => string.Equals(b.Brandname, brandname, StringComparison.OrdinalIgnoreCase)))
        {
            reply.Error("104", "Brand name code is not exist");
            return;
        }
        var content = sms.Content;
        if (string.IsNullOrWhiteSpace(content))
        {
            reply.Error("110", "CONTENT is empty");
            return;
        }

        // Distinct numbers, first spelling kept.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var phones = new List<string>();
        foreach (var raw in sms.Phones)
        {
            if (!Phones.TryNormalize(raw, out var normalized))
            {
                reply.Error("108", "Phone number is invalid: " + raw.Trim());
                return;
            }
            if (seen.Add(normalized)) phones.Add(raw.Trim());
        }
        if (phones.Count < MinSmsPhones)
        {
            reply.Error("107", "Each request has at least 30 numbers to be approved");
            return;
        }
        if (phones.Count > MaxSmsPhones)
        {
            reply.Error("120", "Each request has at most 5000 numbers");
            return;
        }

        var sendDate = Trimmed(sms.SendDate);
        var callbackUrl = Trimmed(sms.CallbackUrl);
        var requestId = Trimmed(sms.RequestId);
        var campaignId = Trimmed(sms.CampaignId);
        if (sendDate is not null && !Checks.IsValidSendDate(sendDate))
        {
            reply.Error("110", "SENDDATE must be yyyy-MM-dd HH:mm:ss");
            return;
        }
        if (callbackUrl is not null && !Checks.IsValidCallbackUrl(callbackUrl))
        {
            reply.Error("110", "CALLBACKURL must be an absolute http(s) URL");
            return;
        }
        if (requestId is { Length: > MaxRequestIdLength })
        {
            reply.Error("110", "REQUESTID is longer than 50 characters");
            return;
        }
        if (campaignId is { Length: > MaxCampaignLength })
        {
            reply.Error("110", "CAMPAIGNID is longer than 254 characters");
            return;
        }

        var sandbox = Json.IsTrue(sms.Sandbox);
        var smsId = Checks.NewSmsId("");
        var typeId = smsType == "1" ? 1 : 2;
        var unitPrice = Options.SmsPrice;
        var error = Commit(account, requestId, unitPrice * phones.Count, sandbox, () =>
        {
            var now = Options.TimeProvider.GetUtcNow();
            var records = new MessageRecord[phones.Count];
            for (var k = 0; k < records.Length; k++)
            {
                records[k] = NewRecord(new AcceptedMessage(request.EndpointName, smsId, requestId, phones[k], null, null, null, null,
                    content, brandname, smsType, campaignId, sendDate, callbackUrl, null, null, now), account, typeId, unitPrice);
            }
            return records;
        });
        Answer(reply, error, smsId, sandbox, phones.Count);
    }

    // ---- GetBalance_json ------------------------------------------------------------------

    private void GetBalance(ApiRequest request, Reply reply)
    {
        var account = Authenticate(request.Root);
        var w = reply.Json;
        w.WriteStartObject();
        if (account is null)
        {
            w.WriteNumber("Balance", 0);
            w.WriteString("CodeResponse", "101");
            w.WriteNumber("UserID", 0);
            w.WriteString("ErrorMessage", "Authorize Failed");
        }
        else
        {
            w.WriteNumber("Balance", State.BalanceOf(account));
            w.WriteString("CodeResponse", "100");
            w.WriteNumber("UserID", account.UserID);
        }
        w.WriteEndObject();
    }
}
