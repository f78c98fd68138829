using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;

namespace EsmsZalo.Core.Read
{
    /// <summary>The Zalo OAs of the account (POST ZNS/GetListZOA/).</summary>
    public static class ZaloOAQuery
    {
        public static async Task<IReadOnlyList<ZaloOA>> GetAsync(EsmsClient client, CancellationToken cancellationToken)
        {
            using var doc = await ReadAnswer.PostAsync(client, EsmsPaths.GetZaloOAs, new KeyValuePair<string, string?>[0], cancellationToken).ConfigureAwait(false);
            return Read(doc.RootElement, client.Credential);
        }

        internal static IReadOnlyList<ZaloOA> Parse(string json, EsmsCredential? credential = null)
        {
            using var doc = JsonDocument.Parse(json);
            return Read(doc.RootElement, credential);
        }

        private static IReadOnlyList<ZaloOA> Read(JsonElement root, EsmsCredential? credential)
        {
            ReadAnswer.EnsureSuccess(root, "ZNS/GetListZOA", "the account's Zalo OAs", credential);
            var list = new List<ZaloOA>();
            foreach (var e in ReadAnswer.Array(root, "ZOAList"))
            {
                string? id = ReadAnswer.Str(e, "OAID") ?? ReadAnswer.Str(e, "OAId");
                if (string.IsNullOrEmpty(id)) continue;
                list.Add(new ZaloOA { OAID = id!, Name = ReadAnswer.Str(e, "OAName") });
            }
            return list;
        }
    }
}
