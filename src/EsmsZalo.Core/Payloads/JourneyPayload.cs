using System.Collections.Generic;
using System.Text.Json;
using EsmsZalo.Core.Credentials;

namespace EsmsZalo.Core.Payloads
{
    /// <summary>
    /// Body of SendZaloMessage_V4_post_json for a journey ZNS, in the order of eSMS's sample:
    /// ApiKey, SecretKey, Phone, Params, IsJourney (a JSON true), OrderId, TempID, OAID, RequestId,
    /// campaignid, CallbackUrl; then Sandbox when set and SendDate when set (documented, not in the sample).
    /// </summary>
    public static class JourneyPayload
    {
        private static readonly JsonEncodedText ApiKey = JsonEncodedText.Encode("ApiKey");
        private static readonly JsonEncodedText SecretKey = JsonEncodedText.Encode("SecretKey");
        private static readonly JsonEncodedText Phone = JsonEncodedText.Encode("Phone");
        private static readonly JsonEncodedText Params = JsonEncodedText.Encode("Params");
        private static readonly JsonEncodedText IsJourney = JsonEncodedText.Encode("IsJourney");
        private static readonly JsonEncodedText OrderId = JsonEncodedText.Encode("OrderId");
        private static readonly JsonEncodedText TempID = JsonEncodedText.Encode("TempID");
        private static readonly JsonEncodedText OAID = JsonEncodedText.Encode("OAID");
        private static readonly JsonEncodedText RequestId = JsonEncodedText.Encode("RequestId");
        private static readonly JsonEncodedText CampaignId = JsonEncodedText.Encode("campaignid");
        private static readonly JsonEncodedText CallbackUrl = JsonEncodedText.Encode("CallbackUrl");
        private static readonly JsonEncodedText Sandbox = JsonEncodedText.Encode("Sandbox");
        private static readonly JsonEncodedText SendDate = JsonEncodedText.Encode("SendDate");
        private static readonly JsonEncodedText SendingMode = JsonEncodedText.Encode("SendingMode");

        public static void Write(PooledBufferWriter buffer, EsmsCredential credential, ZnsSettings settings,
            string phone, IReadOnlyList<string> @params, string orderId, string requestId)
        {
            using var w = new Utf8JsonWriter(buffer, JsonPayload.Options);
            w.WriteStartObject();
            w.WriteString(ApiKey, credential.ApiKey);
            w.WriteString(SecretKey, credential.SecretKey);
            w.WriteString(Phone, phone);
            w.WriteStartArray(Params);
            for (int i = 0; i < @params.Count; i++) w.WriteStringValue(@params[i]);
            w.WriteEndArray();
            w.WriteBoolean(IsJourney, true);
            w.WriteString(OrderId, orderId);
            w.WriteString(TempID, settings.TemplateId);
            w.WriteString(OAID, settings.OAID);
            w.WriteString(RequestId, requestId);
            JsonPayload.WriteStringOrEmpty(w, CampaignId, settings.CampaignId);
            JsonPayload.WriteStringOrEmpty(w, CallbackUrl, settings.CallbackUrl);
            if (settings.Sandbox) w.WriteString(Sandbox, "1");
            if (!string.IsNullOrEmpty(settings.SendDate)) w.WriteString(SendDate, settings.SendDate);
            if (!string.IsNullOrEmpty(settings.SendingMode)) w.WriteString(SendingMode, settings.SendingMode);
            w.WriteEndObject();
            w.Flush();
        }
    }
}
