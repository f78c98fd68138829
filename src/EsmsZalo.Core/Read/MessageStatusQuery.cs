using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;

namespace EsmsZalo.Core.Read
{
    /// <summary>
    /// Where a message stands: totals (GET GetSendStatus) and one row per receiver
    /// (GET GetSmsReceiverStatus_get). eSMS keeps 7 days; older or unknown ids answer 105.
    /// </summary>
    public static class MessageStatusQuery
    {
        private const string NotFoundAdvice = "Check the SmsId (from the send result); eSMS keeps message status for 7 days only.";

        public static async Task<MessageStatus> GetAsync(EsmsClient client, string smsId, CancellationToken cancellationToken)
        {
            using var doc = await ReadAnswer.GetAsync(client, EsmsPaths.GetSendStatus, new[] { ReadAnswer.F("RefId", smsId) }, cancellationToken).ConfigureAwait(false);
            return ReadStatus(doc.RootElement, smsId, client.Credential);
        }

        public static async Task<IReadOnlyList<ReceiverStatus>> GetReceiversAsync(EsmsClient client, string smsId, CancellationToken cancellationToken)
        {
            using var doc = await ReadAnswer.GetAsync(client, EsmsPaths.GetReceiverStatus, new[] { ReadAnswer.F("RefId", smsId) }, cancellationToken).ConfigureAwait(false);
            return ReadReceivers(doc.RootElement, smsId, client.Credential);
        }

        internal static MessageStatus ParseStatus(string json, string smsId, EsmsCredential? credential = null)
        {
            using var doc = JsonDocument.Parse(json);
            return ReadStatus(doc.RootElement, smsId, credential);
        }

        internal static IReadOnlyList<ReceiverStatus> ParseReceivers(string json, string smsId, EsmsCredential? credential = null)
        {
            using var doc = JsonDocument.Parse(json);
            return ReadReceivers(doc.RootElement, smsId, credential);
        }

        private static MessageStatus ReadStatus(JsonElement root, string smsId, EsmsCredential? credential)
        {
            ReadAnswer.EnsureSuccess(root, "GetSendStatus", $"message {smsId}", credential, NotFoundAdvice);
            int? status = ReadAnswer.Int(root, "SendStatus");
            return new MessageStatus
            {
                SmsId = ReadAnswer.Str(root, "SMSID") ?? smsId,
                SendStatus = status,
                SendStatusName = StatusNames.SendStatus(status),
                SendSuccess = ReadAnswer.Int(root, "SendSuccess"),
                SendFailed = ReadAnswer.Int(root, "SendFailed"),
                TotalReceiver = ReadAnswer.Int(root, "TotalReceiver"),
                TotalSent = ReadAnswer.Int(root, "TotalSent"),
                TotalPrice = ReadAnswer.Decimal(root, "TotalPrice"),
                CodeResult = BalanceQuery.ReadCode(root),
            };
        }

        private static IReadOnlyList<ReceiverStatus> ReadReceivers(JsonElement root, string smsId, EsmsCredential? credential)
        {
            ReadAnswer.EnsureSuccess(root, "GetSmsReceiverStatus_get", $"message {smsId}", credential, NotFoundAdvice);
            var list = new List<ReceiverStatus>();
            foreach (var e in ReadAnswer.Array(root, "ReceiverList"))
            {
                bool? isSent = ReadAnswer.Bool(e, "IsSent");
                list.Add(new ReceiverStatus
                {
                    SmsId = smsId,
                    Phone = ReadAnswer.Str(e, "Phone"),
                    NetworkName = ReadAnswer.Str(e, "NetworkName"),
                    IsSent = isSent,
                    // Before the telco reports, SentResult=false only means "not yet".
                    SentResult = isSent == false ? null : ReadAnswer.Bool(e, "SentResult"),
                    Retry = ReadAnswer.Int(e, "Retry"),
                });
            }
            return list;
        }
    }
}
