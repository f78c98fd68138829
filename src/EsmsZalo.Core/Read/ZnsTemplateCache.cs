using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Http;

namespace EsmsZalo.Core.Read
{
    /// <summary>
    /// Templates already fetched in this process, by base address, account, OA and template id, so
    /// -ValidateTemplate and tab completion ask eSMS once a session. Only successes are kept.
    /// </summary>
    public static class ZnsTemplateCache
    {
        private static readonly ConcurrentDictionary<string, ZnsTemplate> Templates = new ConcurrentDictionary<string, ZnsTemplate>(StringComparer.Ordinal);

        /// <summary>How long an entry is trusted; templates change rarely, but they do change.</summary>
        public static TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

        private static readonly ConcurrentDictionary<string, DateTimeOffset> Stamps = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);

        public static async Task<ZnsTemplate> GetAsync(EsmsClient client, string oaId, string templateId, CancellationToken cancellationToken)
        {
            string key = Key(client, oaId, templateId);
            if (Templates.TryGetValue(key, out var cached) && Stamps.TryGetValue(key, out var at) && DateTimeOffset.UtcNow - at < Lifetime)
                return cached;
            var template = await ZnsTemplateQuery.GetAsync(client, oaId, templateId, cancellationToken).ConfigureAwait(false);
            Templates[key] = template;
            Stamps[key] = DateTimeOffset.UtcNow;
            return template;
        }

        public static void Clear()
        {
            Templates.Clear();
            Stamps.Clear();
        }

        // The ApiKey is part of the key so two accounts never share entries; it stays in memory only.
        private static string Key(EsmsClient client, string oaId, string templateId)
            => client.BaseAddress + "\n" + client.Credential.ApiKey + "\n" + oaId.Trim() + "\n" + templateId.Trim();
    }
}
