using System.Collections.Generic;
using System.Management.Automation;
using EsmsZalo.Completers;
using EsmsZalo.Core.Read;

namespace EsmsZalo.Commands
{
    /// <summary>
    /// Get-EsmsZnsTemplate: an OA's ZNS templates (GetTemplate, SmsType 24 and 25), or, with
    /// -TemplateId, one template with its parameter rules (GetZnsTemplateInfo): the order and
    /// limits that Params and TemplateData must follow.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsmsZnsTemplate")]
    [OutputType(typeof(ZnsTemplate))]
    public sealed class GetEsmsZnsTemplateCommand : GetCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("OA", "ZaloOAID")]
        [ArgumentCompleter(typeof(OAIDCompleter))]
        [ValidateNotNullOrEmpty]
        public string OAID { get; set; } = "";

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("TempID", "Template")]
        [ArgumentCompleter(typeof(TemplateIdCompleter))]
        public string[]? TemplateId { get; set; }

        private readonly Dictionary<string, IReadOnlyList<ZnsTemplate>?> _lists = new Dictionary<string, IReadOnlyList<ZnsTemplate>?>();

        protected override void ProcessRecord()
        {
            string oa = OAID.Trim();
            if (TemplateId == null || TemplateId.Length == 0)
            {
                if (TryRun((c, t) => ZnsTemplateQuery.ListAsync(c, oa, t), oa, out var list))
                    foreach (var template in list) WriteObject(template);
                return;
            }
            foreach (string raw in TemplateId)
            {
                if (string.IsNullOrWhiteSpace(raw)) continue;
                string id = raw.Trim();
                if (!TryRun((c, t) => ZnsTemplateQuery.GetAsync(c, oa, id, t), id, out var template)) continue;
                // GetZnsTemplateInfo carries rules but no name or text; the OA's list has them.
                if (template.Name == null || template.Content == null)
                {
                    foreach (var listed in ListOf(oa))
                    {
                        if (listed.TemplateId != template.TemplateId) continue;
                        template.Name ??= listed.Name;
                        template.Content ??= listed.Content;
                    }
                }
                WriteObject(template);
            }
        }

        private IReadOnlyList<ZnsTemplate> ListOf(string oa)
        {
            if (!_lists.TryGetValue(oa, out var list))
            {
                try
                {
                    list = ZnsTemplateQuery.ListAsync(Client, oa, Token).GetAwaiter().GetResult();
                }
                catch (System.Exception ex) when (ex is EsmsApiException || ex is Core.Http.EsmsTransportException)
                {
                    WriteVerbose($"The template list of OA {oa} could not be read for names and text: {Core.Credentials.SecretRedactor.Redact(ex.Message, Client.Credential)}");
                    list = null;
                }
                _lists[oa] = list;
            }
            return list ?? new ZnsTemplate[0];
        }
    }
}
