using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;

namespace EsmsZalo.Core.Read
{
    /// <summary>The account's SMS brandnames (GET GetListBrandname/{ApiKey}/{SecretKey}).</summary>
    public static class BrandnameQuery
    {
        public static async Task<IReadOnlyList<Brandname>> GetAsync(EsmsClient client, CancellationToken cancellationToken)
        {
            // The keys are path segments here, so they are escaped like any path segment.
            string path = EsmsPaths.GetBrandnames + Uri.EscapeDataString(client.Credential.ApiKey) + "/" + Uri.EscapeDataString(client.Credential.SecretKey);
            // EsmsClient masks the keys wherever it names this path in a message.
            HttpAnswer answer = await client.GetAsync(path, cancellationToken).ConfigureAwait(false);
            using var doc = ReadAnswer.Parse(answer, EsmsPaths.NameOf(EsmsPaths.GetBrandnames), client.Credential);
            return Read(doc.RootElement, client.Credential);
        }

        internal static IReadOnlyList<Brandname> Parse(string json, EsmsCredential? credential = null)
        {
            using var doc = JsonDocument.Parse(json);
            return Read(doc.RootElement, credential);
        }

        private static IReadOnlyList<Brandname> Read(JsonElement root, EsmsCredential? credential)
        {
            ReadAnswer.EnsureSuccess(root, "GetListBrandname", "the account's brandnames", credential);
            var list = new List<Brandname>();
            foreach (var e in ReadAnswer.Array(root, "ListBrandName"))
            {
                string? name = ReadAnswer.Str(e, "Brandname") ?? ReadAnswer.Str(e, "BrandName");
                if (string.IsNullOrEmpty(name)) continue;
                int? type = ReadAnswer.Int(e, "Type");
                list.Add(new Brandname { Name = name!, Type = type, TypeName = StatusNames.BrandnameType(type) });
            }
            return list;
        }
    }
}
