using System.Collections.Generic;
using System.Text.Json;
using EsmsZalo.Core.Credentials;

namespace EsmsZalo.Core.Payloads
{
    /// <summary>
    /// Body of SendZaloMessage_V5_post (one ZNS message), fields in the order of eSMS's sample:
    /// ApiKey, SecretKey, OAID, Phone, TempData[{key,value}], SendDate, TempID, campaignid, Sandbox,
    /// CallbackUrl, RequestId, SendingMode. Every value is a JSON string, as eSMS documents.
    /// </summary>
    public static class ZnsPayload
    {
        private static readonly JsonEncodedText ApiKey = JsonEncodedText.Encode("ApiKey");
        private static readonly JsonEncodedText SecretKey = JsonEncodedText.Encode("SecretKey");
        private static readonly JsonEncodedText OAID = JsonEncodedText.Encode("OAID");
        private static readonly JsonEncodedText Phone = JsonEncodedText.Encode("Phone");
        private static readonly JsonEncodedText TempData = JsonEncodedText.Encode("TempData");
        private static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
        private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        private static readonly JsonEncodedText SendDate = JsonEncodedText.Encode("SendDate");
        private static readonly JsonEncodedText TempID = JsonEncodedText.Encode("TempID");
        private static readonly JsonEncodedText CampaignId = JsonEncodedText.Encode("campaignid");
        private static readonly JsonEncodedText Sandbox = JsonEncodedText.Encode("Sandbox");
        private static readonly JsonEncodedText CallbackUrl = JsonEncodedText.Encode("CallbackUrl");
        private static readonly JsonEncodedText RequestId = JsonEncodedText.Encode("RequestId");
        private static readonly JsonEncodedText SendingMode = JsonEncodedText.Encode("SendingMode");

        public static void Write(PooledBufferWriter buffer, EsmsCredential credential, ZnsSettings settings,
            string phone, IReadOnlyList<KeyValuePair<string, string>> tempData, string requestId)
        {
            using var w = new Utf8JsonWriter(buffer, JsonPayload.Options);
            w.WriteStartObject();
            w.WriteString(ApiKey, credential.ApiKey);
            w.WriteString(SecretKey, credential.SecretKey);
            w.WriteString(OAID, settings.OAID);
            w.WriteString(Phone, phone);
            w.WriteStartArray(TempData);
            for (int i = 0; i < tempData.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString(Key, tempData[i].Key);
                w.WriteString(Value, tempData[i].Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            JsonPayload.WriteStringOrEmpty(w, SendDate, settings.SendDate);
            w.WriteString(TempID, settings.TemplateId);
            JsonPayload.WriteStringOrEmpty(w, CampaignId, settings.CampaignId);
            w.WriteString(Sandbox, settings.Sandbox ? "1" : "0");
            JsonPayload.WriteStringOrEmpty(w, CallbackUrl, settings.CallbackUrl);
            w.WriteString(RequestId, requestId);
            w.WriteString(SendingMode, settings.SendingMode ?? "1");
            w.WriteEndObject();
            w.Flush();
        }
    }
}
