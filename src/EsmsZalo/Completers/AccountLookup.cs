using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Commands;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Read;
using EsmsZalo.Session;

namespace EsmsZalo.Completers
{
    /// <summary>
    /// Account data for tab completion: the OAs and their templates, fetched with a short timeout
    /// and kept for the session, so Tab never waits long and never asks eSMS twice. Failures give
    /// no completions (and are remembered briefly so repeated Tabs do not wait again).
    /// </summary>
    internal static class AccountLookup
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan Keep = TimeSpan.FromMinutes(15);
        private static readonly TimeSpan KeepFailure = TimeSpan.FromSeconds(30);

        private sealed class Entry
        {
            public Entry(object? value, DateTimeOffset expires) { Value = value; Expires = expires; }
            public object? Value { get; }
            public DateTimeOffset Expires { get; }
        }

        private static readonly ConcurrentDictionary<string, Entry> Cache = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        /// <summary>A client for the account the command line would use, or null when none is known.</summary>
        internal static EsmsClient? ClientFor(IDictionary? fakeBoundParameters)
        {
            try
            {
                EsmsCredential? explicitCredential = null;
                if (fakeBoundParameters != null && fakeBoundParameters.Contains("Credential"))
                {
                    object? c = fakeBoundParameters["Credential"];
                    if (c is PSObject pso) c = pso.BaseObject;
                    if (c is PSCredential pc && pc != PSCredential.Empty) explicitCredential = EsmsCmdletBase.FromPSCredential(pc, "-Credential");
                }
                var credential = CredentialResolver.Resolve(explicitCredential, EsmsSessionState.Credential);
                if (credential == null) return null;
                Uri? baseUri = null;
                if (fakeBoundParameters != null && fakeBoundParameters.Contains("BaseUri"))
                {
                    object? b = fakeBoundParameters["BaseUri"];
                    if (b is PSObject pso) b = pso.BaseObject;
                    if (b is Uri u) baseUri = u;
                    else if (b is string s && Uri.TryCreate(s, UriKind.Absolute, out var parsed)) baseUri = parsed;
                }
                var address = CredentialResolver.ResolveBaseUri(baseUri, EsmsSessionState.BaseUri);
                return new EsmsClient(address, credential) { Timeout = Timeout };
            }
            catch (Exception)
            {
                return null; // completion never throws
            }
        }

        internal static IReadOnlyList<ZaloOA> OAs(EsmsClient client)
            => Get(Key(client, "oa"), ct => ZaloOAQuery.GetAsync(client, ct)) ?? Array.Empty<ZaloOA>();

        internal static IReadOnlyList<ZnsTemplate> Templates(EsmsClient client, string oaId)
            => Get(Key(client, "tpl\n" + oaId), ct => ZnsTemplateQuery.ListAsync(client, oaId, ct)) ?? Array.Empty<ZnsTemplate>();

        private static T? Get<T>(string key, Func<CancellationToken, Task<T>> fetch) where T : class
        {
            var now = DateTimeOffset.UtcNow;
            if (Cache.TryGetValue(key, out var entry) && entry.Expires > now) return entry.Value as T;
            T? value = null;
            try
            {
                // Not disposed: a fetch that outlives the wait still holds its token.
                var cts = new CancellationTokenSource(Timeout);
                var task = Task.Run(() => fetch(cts.Token));
                if (task.Wait(Timeout + TimeSpan.FromMilliseconds(250))) value = task.Result;
            }
            catch (Exception)
            {
                value = null;
            }
            Cache[key] = new Entry(value, now + (value == null ? KeepFailure : Keep));
            return value;
        }

        private static string Key(EsmsClient client, string what)
            => client.BaseAddress + "\n" + client.Credential.ApiKey + "\n" + what;

        internal static string? Bound(IDictionary? fakeBoundParameters, params string[] names)
        {
            if (fakeBoundParameters == null) return null;
            foreach (string n in names)
            {
                if (!fakeBoundParameters.Contains(n)) continue;
                object? v = fakeBoundParameters[n];
                if (v is PSObject pso) v = pso.BaseObject;
                if (v is object[] arr && arr.Length > 0) v = arr[0];
                string? s = v?.ToString();
                if (!string.IsNullOrWhiteSpace(s)) return s!.Trim();
            }
            return null;
        }

        internal static string ToolTip(string? text) => string.IsNullOrEmpty(text) ? " " : text!;
    }
}
