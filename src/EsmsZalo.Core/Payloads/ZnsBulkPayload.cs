using System.Collections.Generic;
using System.Text.Json;
using EsmsZalo.Core.Credentials;

namespace EsmsZalo.Core.Payloads
{
    /// <summary>One message of a bulk ZNS request.</summary>
    public readonly struct BulkItem
    {
        public BulkItem(string phone, string requestId, IReadOnlyList<string> @params)
        {
            Phone = phone;
            RequestId = requestId;
            Params = @params;
        }

        public string Phone { get; }
        public string RequestId { get; }
        public IReadOnlyList<string> Params { get; }
    }

    /// <summary>
    /// Body of Send_zns_bulk_v4_post_json, in the order of eSMS's sample: ApiKey, SecretKey,
    /// campaignid, OAID, TempID, Sandbox, CallbackUrl, then SendDate and SendingMode when set,
    /// then Data[{Phone, RequestId, Params}] (at most 500 items).
    /// </summary>
    public static class ZnsBulkPayload
    {
        public const int MaxItems = 500;

        private static readonly JsonEncodedText ApiKey = JsonEncodedText.Encode("ApiKey");
        private static readonly JsonEncodedText SecretKey = JsonEncodedText.Encode("SecretKey");
        private static readonly JsonEncodedText CampaignId = JsonEncodedText.Encode("campaignid");
        private static readonly JsonEncodedText OAID = JsonEncodedText.Encode("OAID");
        private static readonly JsonEncodedText TempID = JsonEncodedText.Encode("TempID");
        private static readonly JsonEncodedText Sandbox = JsonEncodedText.Encode("Sandbox");
        private static readonly JsonEncodedText CallbackUrl = JsonEncodedText.Encode("CallbackUrl");
        private static readonly JsonEncodedText SendDate = JsonEncodedText.Encode("SendDate");
        private static readonly JsonEncodedText SendingMode = JsonEncodedText.Encode("SendingMode");
        private static readonly JsonEncodedText Data = JsonEncodedText.Encode("Data");
        private static readonly JsonEncodedText Phone = JsonEncodedText.Encode("Phone");
        private static readonly JsonEncodedText RequestId = JsonEncodedText.Encode("RequestId");
        private static readonly JsonEncodedText Params = JsonEncodedText.Encode("Params");

        public static void Write(PooledBufferWriter buffer, EsmsCredential credential, ZnsSettings settings, IReadOnlyList<BulkItem> items)
        {
            using var w = new Utf8JsonWriter(buffer, JsonPayload.Options);
            w.WriteStartObject();
            w.WriteString(ApiKey, credential.ApiKey);
            w.WriteString(SecretKey, credential.SecretKey);
            JsonPayload.WriteStringOrEmpty(w, CampaignId, settings.CampaignId);
            w.WriteString(OAID, settings.OAID);
            w.WriteString(TempID, settings.TemplateId);
            w.WriteString(Sandbox, settings.Sandbox ? "1" : "0");
            JsonPayload.WriteStringOrEmpty(w, CallbackUrl, settings.CallbackUrl);
            if (!string.IsNullOrEmpty(settings.SendDate)) w.WriteString(SendDate, settings.SendDate);
            if (!string.IsNullOrEmpty(settings.SendingMode)) w.WriteString(SendingMode, settings.SendingMode);
            w.WriteStartArray(Data);
            for (int i = 0; i < items.Count; i++)
            {
                var item = items[i];
                w.WriteStartObject();
                w.WriteString(Phone, item.Phone);
                w.WriteString(RequestId, item.RequestId);
                w.WriteStartArray(Params);
                var p = item.Params;
                for (int j = 0; j < p.Count; j++) w.WriteStringValue(p[j]);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
        }
    }
}
