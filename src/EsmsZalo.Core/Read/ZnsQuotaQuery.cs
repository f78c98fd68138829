using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;

namespace EsmsZalo.Core.Read
{
    /// <summary>An OA's daily ZNS quota (POST ZNS/GetQuota/ with OAID).</summary>
    public static class ZnsQuotaQuery
    {
        public static async Task<ZnsQuota> GetAsync(EsmsClient client, string oaId, CancellationToken cancellationToken)
        {
            using var doc = await ReadAnswer.PostAsync(client, EsmsPaths.GetQuota, new[] { ReadAnswer.F("OAID", oaId) }, cancellationToken).ConfigureAwait(false);
            return Read(doc.RootElement, oaId, client.Credential);
        }

        internal static ZnsQuota Parse(string json, string oaId, EsmsCredential? credential = null)
        {
            using var doc = JsonDocument.Parse(json);
            return Read(doc.RootElement, oaId, credential);
        }

        private static ZnsQuota Read(JsonElement root, string oaId, EsmsCredential? credential)
        {
            ReadAnswer.EnsureSuccess(root, "ZNS/GetQuota", $"OA {oaId}", credential);
            // Some answers wrap the figures in Data.
            var src = ReadAnswer.TryGet(root, "Data", out var data) && data.ValueKind == JsonValueKind.Object ? data : root;
            return new ZnsQuota
            {
                OAID = oaId,
                DailyQuota = ReadAnswer.Long(src, "DailyQuota"),
                RemainingQuota = ReadAnswer.Long(src, "RemainingQuota"),
            };
        }
    }
}
