using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Http;

namespace EsmsZalo.Core.Read
{
    /// <summary>
    /// ZNS templates: the list of an OA (POST GetTemplate/ once with SmsType 24 and once with 25,
    /// merged by id) and one template with its parameter rules (GET GetZnsTemplateInfo).
    /// </summary>
    public static class ZnsTemplateQuery
    {
        public static async Task<IReadOnlyList<ZnsTemplate>> ListAsync(EsmsClient client, string oaId, CancellationToken cancellationToken)
        {
            var merged = new List<ZnsTemplate>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string smsType in new[] { "24", "25" })
            {
                using var doc = await ReadAnswer.PostAsync(client, EsmsPaths.GetTemplates,
                    new[] { ReadAnswer.F("OAId", oaId), ReadAnswer.F("SmsType", smsType) }, cancellationToken).ConfigureAwait(false);
                foreach (var t in ReadList(doc.RootElement, oaId, client.Credential))
                    if (seen.Add(t.TemplateId)) merged.Add(t);
            }
            return merged;
        }

        public static async Task<ZnsTemplate> GetAsync(EsmsClient client, string oaId, string templateId, CancellationToken cancellationToken)
        {
            using var doc = await ReadAnswer.GetAsync(client, EsmsPaths.GetTemplateInfo,
                new[] { ReadAnswer.F("TemplateId", templateId), ReadAnswer.F("OAId", oaId) }, cancellationToken).ConfigureAwait(false);
            return ReadInfo(doc.RootElement, oaId, templateId, client.Credential);
        }

        internal static IReadOnlyList<ZnsTemplate> ParseList(string json, string oaId, EsmsCredential? credential = null)
        {
            using var doc = JsonDocument.Parse(json);
            return ReadList(doc.RootElement, oaId, credential);
        }

        internal static ZnsTemplate ParseInfo(string json, string oaId, string templateId, EsmsCredential? credential = null)
        {
            using var doc = JsonDocument.Parse(json);
            return ReadInfo(doc.RootElement, oaId, templateId, credential);
        }

        private static IReadOnlyList<ZnsTemplate> ReadList(JsonElement root, string oaId, EsmsCredential? credential)
        {
            ReadAnswer.EnsureSuccess(root, "GetTemplate", $"the templates of OA {oaId}", credential);
            var list = new List<ZnsTemplate>();
            foreach (var e in ReadAnswer.Array(root, "ZNSTemplates"))
            {
                string? id = ReadAnswer.Str(e, "TempId") ?? ReadAnswer.Str(e, "TemplateId");
                if (string.IsNullOrEmpty(id)) continue;
                var parameters = new List<ZnsTemplateParameter>();
                foreach (var p in ReadAnswer.Array(e, "ZNSTempDetail"))
                {
                    string? name = ReadAnswer.Str(p, "Param");
                    if (string.IsNullOrEmpty(name)) continue;
                    bool required = ReadAnswer.Bool(p, "ParamLevel") ?? true;
                    parameters.Add(new ZnsTemplateParameter
                    {
                        Name = name!,
                        Type = ReadAnswer.Str(p, "RequireType"),
                        MaxLength = ReadAnswer.Int(p, "Limit"),
                        Required = required,
                        AcceptNull = !required,
                    });
                }
                list.Add(new ZnsTemplate
                {
                    OAID = oaId,
                    TemplateId = id!,
                    Name = ReadAnswer.Str(e, "TempName"),
                    Content = ReadAnswer.Str(e, "TempContent"),
                    Parameters = parameters,
                });
            }
            return list;
        }

        private static ZnsTemplate ReadInfo(JsonElement root, string oaId, string templateId, EsmsCredential? credential)
        {
            ReadAnswer.EnsureSuccess(root, "GetZnsTemplateInfo", $"template {templateId} of OA {oaId}", credential,
                $"Check the template id against Get-EsmsZnsTemplate -OAID {oaId}, and that the template belongs to that OA.");
            if (!ReadAnswer.TryGet(root, "Data", out var data) || data.ValueKind != JsonValueKind.Object)
                throw new EsmsApiException($"eSMS found no data for template {templateId} of OA {oaId} (its answer has no Data). Check the ids with Get-EsmsZnsTemplate -OAID {oaId}.", "854");
            var parameters = new List<ZnsTemplateParameter>();
            foreach (var p in ReadAnswer.Array(data, "ListParams"))
            {
                string? name = ReadAnswer.Str(p, "Name");
                if (string.IsNullOrEmpty(name)) continue;
                bool required = ReadAnswer.Bool(p, "Require") ?? true;
                parameters.Add(new ZnsTemplateParameter
                {
                    Name = name!,
                    Type = ReadAnswer.Str(p, "Type"),
                    Required = required,
                    MinLength = ReadAnswer.Int(p, "MinLength"),
                    MaxLength = ReadAnswer.Int(p, "MaxLength"),
                    AcceptNull = ReadAnswer.Bool(p, "AcceptNull") ?? !required,
                });
            }
            return new ZnsTemplate
            {
                OAID = oaId,
                TemplateId = templateId,
                Name = ReadAnswer.Str(data, "TemplateName") ?? ReadAnswer.Str(data, "TempName"),
                Content = ReadAnswer.Str(data, "TemplateContent") ?? ReadAnswer.Str(data, "TempContent"),
                Status = ReadAnswer.Str(data, "Status"),
                Quality = ReadAnswer.Str(data, "TemplateQuality"),
                DailyQuota = ReadAnswer.Long(data, "TemplateDailyQuota"),
                RemainingQuota = ReadAnswer.Long(data, "TemplateRemainingQuota"),
                PreviewUrl = ReadAnswer.Str(data, "PreviewUrl"),
                Parameters = parameters,
                Detailed = true,
            };
        }
    }
}
