using System.Text.Json;
using EsmsZalo.Emulator.Internal;

namespace EsmsZalo.Emulator;

// The read side: GetSendStatus, GetSmsReceiverStatus_get, ZNS/GetListZOA, GetTemplate, GetZnsTemplateInfo,
// ZNS/GetQuota, QueryZnsStatus, GetListBrandname, SummaryZaloMessage_V4_post_json.
public sealed partial class EsmsEmulator
{
    partial void AddReadEndpoints(List<Endpoint> list)
    {
        list.Add(new Endpoint("GetSendStatus", BodyKind.Raw, true, true, GetSendStatus));
        list.Add(new Endpoint("GetSmsReceiverStatus_get", BodyKind.Raw, true, true, GetSmsReceiverStatus));
        list.Add(new Endpoint("ZNS/GetListZOA", BodyKind.Json, false, true, GetListZoa));
        list.Add(new Endpoint("GetTemplate", BodyKind.Json, false, true, GetTemplate));
        list.Add(new Endpoint("GetZnsTemplateInfo", BodyKind.Raw, true, true, GetZnsTemplateInfo));
        list.Add(new Endpoint("ZNS/GetQuota", BodyKind.Json, false, true, GetQuota));
        list.Add(new Endpoint("QueryZnsStatus", BodyKind.Json, false, true, QueryZnsStatus));
        list.Add(new Endpoint("GetListBrandname", BodyKind.Raw, true, true, GetListBrandname, PathArgs: 2));
        list.Add(new Endpoint("SummaryZaloMessage_V4_post_json", BodyKind.Json, false, true, SummaryZalo));
    }

    /// <summary>
    /// Finished once CallbackDelay has passed since acceptance (by the options' TimeProvider), or once
    /// a delivery callback has announced it: a status query never contradicts a callback already sent.
    /// </summary>
    private bool IsFinished(MessageRecord record) =>
        record.Announced || Options.TimeProvider.GetUtcNow() - record.Message.AcceptedAt >= Options.CallbackDelay;

    /// <summary>The recipients of an SMSID on this account, or null.</summary>
    private MessageRecord[]? FindOwned(EmulatorAccount account, string? smsId)
    {
        if (smsId is null) return null;
        var records = State.Find(smsId);
        return records is not null && ReferenceEquals(records[0].Account, account) ? records : null;
    }

    private EmulatorAccount? AuthenticateQuery(ApiRequest request) =>
        FindAccount(request.Query("ApiKey"), request.Query("SecretKey"));

    private static void CodeOnly(Reply reply, string field, string code, string? message = null)
    {
        var w = reply.Json;
        w.WriteStartObject();
        w.WriteString(field, code);
        if (message is not null) w.WriteString("ErrorMessage", message);
        w.WriteEndObject();
    }

    // ---- GET GetSendStatus?RefId=&ApiKey=&SecretKey= ------------------------------------------

    private void GetSendStatus(ApiRequest request, Reply reply)
    {
        var account = AuthenticateQuery(request);
        if (account is null)
        {
            CodeOnly(reply, "CodeResponse", "101", "Authorize Failed");
            return;
        }
        var records = FindOwned(account, request.Query("RefId"));
        if (records is null)
        {
            CodeOnly(reply, "CodeResponse", "105");
            return;
        }
        var finished = IsFinished(records[0]);
        int failed = 0;
        decimal price = 0;
        foreach (var r in records)
        {
            if (r.Failed) failed++;
            price += r.Price;
        }
        var total = records.Length;
        var w = reply.Json;
        w.WriteStartObject();
        w.WriteString("CodeResponse", "100");
        w.WriteString("SMSID", records[0].Message.SmsId);
        w.WriteNumber("SendFailed", finished ? failed : 0);
        w.WriteNumber("SendStatus", finished ? 5 : 2);
        w.WriteNumber("SendSuccess", finished ? total - failed : 0);
        w.WriteNumber("TotalPrice", price);
        w.WriteNumber("TotalReceiver", total);
        w.WriteNumber("TotalSent", finished ? total : 0);
        w.WriteEndObject();
    }

    // ---- GET GetSmsReceiverStatus_get?RefId=&ApiKey=&SecretKey= --------------------------------

    private void GetSmsReceiverStatus(ApiRequest request, Reply reply)
    {
        var account = AuthenticateQuery(request);
        if (account is null)
        {
            CodeOnly(reply, "CodeResult", "101", "Authorize Failed");
            return;
        }
        var records = FindOwned(account, request.Query("RefId"));
        if (records is null)
        {
            CodeOnly(reply, "CodeResult", "105");
            return;
        }
        var finished = IsFinished(records[0]);
        var w = reply.Json;
        w.WriteStartObject();
        w.WriteString("CodeResult", "100");
        w.WriteStartArray("ReceiverList");
        foreach (var r in records)
        {
            Phones.TryNormalize(r.Message.Phone, out var normalized);
            w.WriteStartObject();
            w.WriteBoolean("IsSent", finished);
            w.WriteString("NetworkName", Phones.NetworkName(Phones.TelcoId(normalized)));
            w.WriteString("Phone", r.Message.Phone);
            w.WriteNumber("Retry", 0);
            w.WriteBoolean("SentResult", finished && !r.Failed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // ---- POST ZNS/GetListZOA/ --------------------------------------------------------------

    private void GetListZoa(ApiRequest request, Reply reply)
    {
        var account = Authenticate(request.Root);
        if (account is null)
        {
            reply.Error("101", "Authorize Failed");
            return;
        }
        var w = reply.Json;
        w.WriteStartObject();
        w.WriteString("CodeResult", "100");
        w.WriteStartArray("ZOAList");
        foreach (var oa in account.OAs)
        {
            w.WriteStartObject();
            w.WriteString("OAID", oa.OAID);
            w.WriteString("OAName", oa.Name);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // ---- POST GetTemplate/ (OAId, SmsType 24|25) -------------------------------------------

    private void GetTemplate(ApiRequest request, Reply reply)
    {
        var root = request.Root;
        var account = Authenticate(root);
        if (account is null)
        {
            reply.Error("101", "Authorize Failed");
            return;
        }
        var smsType = Json.StrT(root, "SmsType");
        if (smsType is not null && smsType != "24" && smsType != "25")
        {
            reply.Error("118", "SmsType must be 24 or 25");
            return;
        }
        var oaId = Json.StrT(root, "OAId");
        if (oaId is null)
        {
            reply.Error("791", "OAID is missing");
            return;
        }
        var oa = FindOa(account, oaId);
        if (oa is null)
        {
            reply.Error("799", "OAID is not configured for this account");
            return;
        }
        var w = reply.Json;
        w.WriteStartObject();
        w.WriteString("CodeResult", "100");
        w.WriteStartArray("ZNSTemplates");
        foreach (var t in oa.Templates)
        {
            w.WriteStartObject();
            w.WriteString("TempId", t.TempId);
            w.WriteString("TempName", t.Name);
            w.WriteString("TempContent", t.Content);
            w.WriteStartArray("ZNSTempDetail");
            foreach (var p in t.Params)
            {
                w.WriteStartObject();
                w.WriteString("Param", p.Name);
                w.WriteNumber("Limit", p.MaxLength);
                w.WriteNumber("ParamLevel", p.Required ? 1 : 0);
                w.WriteString("RequireType", p.Type);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // ---- GET GetZnsTemplateInfo?TemplateId=&OAId=&ApiKey=&SecretKey= --------------------------

    private void GetZnsTemplateInfo(ApiRequest request, Reply reply)
    {
        var account = AuthenticateQuery(request);
        if (account is null)
        {
            reply.Error("101", "Authorize Failed");
            return;
        }
        var templateId = request.Query("TemplateId");
        var oaId = request.Query("OAId");
        var oa = oaId is null ? null : FindOa(account, oaId);
        var template = oa is null || templateId is null ? null : FindTemplate(oa, templateId);
        if (template is null)
        {
            CodeOnly(reply, "CodeResult", "854", "No data found");
            return;
        }
        var remaining = Math.Max(0, Options.TemplateDailyQuota - State.ZnsCountForTemplate(oa!.OAID, template.TempId));
        var w = reply.Json;
        w.WriteStartObject();
        w.WriteString("CodeResult", "100");
        w.WriteStartObject("Data");
        w.WriteStartArray("ListParams");
        foreach (var p in template.Params)
        {
            w.WriteStartObject();
            w.WriteString("Name", p.Name);
            w.WriteBoolean("Require", p.Required);
            w.WriteString("Type", p.Type);
            w.WriteNumber("MaxLength", p.MaxLength);
            w.WriteNumber("MinLength", p.MinLength);
            w.WriteBoolean("AcceptNull", !p.Required);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("Status", oa.Active ? "ENABLE" : "DISABLE");
        w.WriteString("TemplateQuality", "HIGH");
        w.WriteString("TemplateDailyQuota", Options.TemplateDailyQuota.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("TemplateRemainingQuota", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("PreviewUrl", $"https://account.zalo.cloud/znspreview/emulator-{template.TempId}");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // ---- POST ZNS/GetQuota/ (OAID) ---------------------------------------------------------

    private void GetQuota(ApiRequest request, Reply reply)
    {
        var root = request.Root;
        var account = Authenticate(root);
        if (account is null)
        {
            reply.Error("101", "Authorize Failed");
            return;
        }
        var oaId = Json.StrT(root, "OAID");
        if (oaId is null)
        {
            reply.Error("791", "OAID is missing");
            return;
        }
        var oa = FindOa(account, oaId);
        if (oa is null)
        {
            reply.Error("799", "OAID is not configured for this account");
            return;
        }
        var w = reply.Json;
        w.WriteStartObject();
        w.WriteString("CodeResult", "100");
        w.WriteNumber("DailyQuota", Options.OaDailyQuota);
        w.WriteNumber("RemainingQuota", Math.Max(0, Options.OaDailyQuota - State.ZnsCountForOa(oa.OAID)));
        w.WriteEndObject();
    }

    // ---- POST QueryZnsStatus/ (SmsId, SmsType) ---------------------------------------------

    private void QueryZnsStatus(ApiRequest request, Reply reply)
    {
        var root = request.Root;
        var account = Authenticate(root);
        if (account is null)
        {
            reply.Error("101", "Authorize Failed");
            return;
        }
        var smsId = Json.StrT(root, "SmsId") ?? Json.StrT(root, "MessageId");
        if (smsId is null)
        {
            reply.Error("851", "SmsId is required");
            return;
        }
        var records = FindOwned(account, smsId);
        if (records is null)
        {
            CodeOnly(reply, "CodeResult", "854", "No data found");
            return;
        }
        var r = records[0];
        var finished = IsFinished(r);
        var w = reply.Json;
        w.WriteStartObject();
        w.WriteString("CodeResult", "100");
        w.WriteStartObject("Data");
        if (finished && r.Failed) w.WriteString("ErrorInfo", CallbackDispatcher.ErrorInfo);
        else w.WriteNull("ErrorInfo");
        w.WriteString("FinalStatus", !finished ? "PENDING" : r.Failed ? "FAILED" : "DELIVERED");
        w.WriteString("ZaloMsgId", r.ZaloMsgId);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // ---- GET GetListBrandname/{ApiKey}/{SecretKey} -------------------------------------------

    private void GetListBrandname(ApiRequest request, Reply reply)
    {
        var account = request.PathArgs.Length == 2
            ? FindAccount(request.PathArgs[0], request.PathArgs[1])
            : AuthenticateQuery(request);
        if (account is null)
        {
            CodeOnly(reply, "CodeResponse", "101", "Authorize Failed");
            return;
        }
        var w = reply.Json;
        w.WriteStartObject();
        w.WriteString("CodeResponse", "100");
        w.WriteStartArray("ListBrandName");
        foreach (var b in account.Brandnames)
        {
            w.WriteStartObject();
            w.WriteString("Brandname", b.Brandname);
            w.WriteNumber("Type", b.Type);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // ---- POST SummaryZaloMessage_V4_post_json/ ------------------------------------------------

    private void SummaryZalo(ApiRequest request, Reply reply)
    {
        var root = request.Root;
        var account = Authenticate(root);
        if (account is null)
        {
            reply.Error("101", "Authorize Failed");
            return;
        }
        var oaId = Json.StrT(root, "OAID");
        var tempId = Json.StrT(root, "TempID");
        if (oaId is null || tempId is null)
        {
            reply.Error("791", "OAID or TempID is missing");
            return;
        }
        var oa = FindOa(account, oaId);
        if (oa is null || !oa.Active)
        {
            reply.Error("799", "OAID is not active or not configured for this account");
            return;
        }
        if (FindTemplate(oa, tempId) is null)
        {
            reply.Error("789", "TemplateId is not config");
            return;
        }

        // Receivers: Data[] (bulk-like), Phones[] or Phone (single / comma-separated).
        var receivers = 0;
        if (Json.TryGet(root, "Data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in data.EnumerateArray())
            {
                if (Phones.TryNormalize(Json.Str(item, "Phone"), out _)) receivers++;
            }
        }
        else if (Json.TryGet(root, "Phones", out var phones) && phones.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in phones.EnumerateArray())
            {
                if (Phones.TryNormalize(Json.AsString(item), out _)) receivers++;
            }
        }
        else if (Json.StrT(root, "Phone") is { } phone)
        {
            foreach (var p in phone.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Phones.TryNormalize(p, out _)) receivers++;
            }
        }
        if (receivers == 0)
        {
            reply.Error("108", "Phone number is invalid");
            return;
        }
        var w = reply.Json;
        w.WriteStartObject();
        w.WriteString("CodeResult", "100");
        w.WriteNumber("TotalPrice", Options.ZnsPrice * receivers);
        w.WriteNumber("TotalReceiver", receivers);
        w.WriteEndObject();
    }
}
