using System;
using System.Collections.Generic;
using System.Threading;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Core.Read
{
    /// <summary>
    /// -ValidateTemplate for one run: fetches each (OAID, TemplateId) once, then marks rows that
    /// break the template with a preset error, so the send session rejects them without a request.
    /// A template that cannot be fetched rejects its rows too: nothing unchecked goes out when a
    /// check was asked for.
    /// </summary>
    public sealed class TemplateGate
    {
        private readonly EsmsClient _client;
        private readonly Dictionary<string, ZnsTemplate?> _templates = new Dictionary<string, ZnsTemplate?>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _failures = new Dictionary<string, string>(StringComparer.Ordinal);

        public TemplateGate(EsmsClient client) => _client = client;

        /// <summary>Set by <see cref="Check"/> when it fetched a template, for the caller to report.</summary>
        public string? LastNote { get; private set; }

        /// <summary>Marks <paramref name="row"/> when it breaks its template; a row already marked is left alone.</summary>
        public void Check(MessageRow row, CancellationToken cancellationToken)
        {
            LastNote = null;
            if (row.PresetErrorId != null || string.IsNullOrWhiteSpace(row.OAID) || string.IsNullOrWhiteSpace(row.TemplateId)) return;
            string oa = row.OAID!.Trim(), id = row.TemplateId!.Trim();
            string key = oa + "\n" + id;
            if (!_templates.TryGetValue(key, out var template))
            {
                try
                {
                    template = ZnsTemplateCache.GetAsync(_client, oa, id, cancellationToken).GetAwaiter().GetResult();
                    LastNote = $"Template {id} of OA {oa}: {template.Parameters.Count} parameter(s) ({string.Join(", ", Names(template))}); rows are checked against it before sending.";
                }
                catch (Exception ex) when (ex is EsmsApiException || ex is EsmsTransportException)
                {
                    template = null;
                    _failures[key] = ex is EsmsApiException api && (api.Code == "854" || api.Code == "105")
                        ? $"template {id} was not found on OA {oa} ({api.Code}), so the row was not sent. Check -TemplateId and -OAID with Get-EsmsZnsTemplate -OAID {oa}."
                        : $"template {id} of OA {oa} could not be fetched to check the row ({ex.Message}), so the row was not sent. Run again, or leave out -ValidateTemplate.";
                    LastNote = _failures[key];
                }
                _templates[key] = template;
            }
            if (template == null)
            {
                row.PresetErrorId = ErrorIds.TemplateRejected;
                row.PresetError = _failures[key];
                return;
            }
            var problem = TemplateValidator.CheckRow(template, row);
            if (problem != null)
            {
                row.PresetErrorId = problem.ErrorId;
                row.PresetError = problem.Message;
            }
        }

        private static IEnumerable<string> Names(ZnsTemplate t)
        {
            foreach (var p in t.Parameters) yield return p.Name;
        }
    }
}
