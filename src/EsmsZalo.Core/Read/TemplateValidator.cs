using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Core.Read
{
    /// <summary>What is wrong with a row's template values: a stable error id and a message for an admin.</summary>
    public sealed class TemplateProblem
    {
        public TemplateProblem(string errorId, string parameter, string message)
        {
            ErrorId = errorId;
            Parameter = parameter;
            Message = message;
        }

        public string ErrorId { get; }
        /// <summary>The template parameter at fault ("" when the count is wrong).</summary>
        public string Parameter { get; }
        public string Message { get; }
        public override string ToString() => $"{ErrorId}: {Message}";
    }

    /// <summary>
    /// Checks a row's values against a ZNS template's parameters before anything is sent, so a
    /// row Zalo would refuse is rejected here with the parameter's name and what to do.
    /// </summary>
    public static class TemplateValidator
    {
        private static readonly string[] DateFormats =
        {
            "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm",
            "HH:mm dd/MM/yyyy", "HH:mm:ss dd/MM/yyyy", "H:mm d/M/yyyy",
        };

        /// <summary>Ordered values (bulk, journey): one per parameter, in template order.</summary>
        public static TemplateProblem? CheckParams(ZnsTemplate template, IReadOnlyList<object?>? values)
        {
            var parameters = template.Parameters;
            int given = values?.Count ?? 0;
            if (given != parameters.Count)
            {
                string names = string.Join(", ", parameters.Select(p => p.Name));
                string what = given < parameters.Count
                    ? $"the values for {string.Join(", ", parameters.Skip(given).Select(p => p.Name))} are missing"
                    : $"{given - parameters.Count} value(s) too many";
                return new TemplateProblem(ErrorIds.TemplateParamCount, "",
                    $"template {template.TemplateId} takes {parameters.Count} value(s) in this order: {names}; the row gives {given}, so {what}. Give one value per parameter, in that order (a parameter repeated in the template is given once).");
            }
            for (int i = 0; i < parameters.Count; i++)
            {
                var problem = CheckValue(template, parameters[i], values![i]);
                if (problem != null) return problem;
            }
            return null;
        }

        /// <summary>Named values (single ZNS TempData): every required parameter present, no unknown names.</summary>
        public static TemplateProblem? CheckTemplateData(ZnsTemplate template, IReadOnlyList<KeyValuePair<string, object?>>? data)
        {
            var given = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (data != null)
                foreach (var kv in data) given[kv.Key] = kv.Value;
            string names = string.Join(", ", template.Parameters.Select(p => p.Name));

            foreach (var key in given.Keys)
            {
                if (template.Parameters.Any(p => p.Name == key)) continue;
                var nearly = template.Parameters.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
                string hint = nearly != null ? $" Names are case-sensitive: write '{nearly.Name}'." : $" Its parameters are: {names}.";
                return new TemplateProblem(ErrorIds.TemplateParamInvalid, key,
                    $"template {template.TemplateId} has no parameter '{key}'.{hint}");
            }
            foreach (var p in template.Parameters)
            {
                if (!given.TryGetValue(p.Name, out var value))
                {
                    if (!p.Required) continue;
                    return new TemplateProblem(ErrorIds.TemplateParamMissing, p.Name,
                        $"template {template.TemplateId} needs a value for '{p.Name}', and the row has none. Add '{p.Name}' to TemplateData (or the CSV column named in -TemplateDataProperty).");
                }
                var problem = CheckValue(template, p, value);
                if (problem != null) return problem;
            }
            return null;
        }

        /// <summary>Checks the row's Params or TemplateData, whichever it carries.</summary>
        public static TemplateProblem? CheckRow(ZnsTemplate template, MessageRow row)
            => row.TemplateData != null && row.Params == null
                ? CheckTemplateData(template, row.TemplateData)
                : CheckParams(template, row.Params);

        private static TemplateProblem? CheckValue(ZnsTemplate template, ZnsTemplateParameter p, object? raw)
        {
            if (!ValueText.TryConvert(raw, out var text, out var conversion))
                return new TemplateProblem(ErrorIds.TemplateParamInvalid, p.Name, $"template parameter '{p.Name}' {conversion}");
            if (string.IsNullOrWhiteSpace(text))
            {
                if (!p.Required && p.AcceptNull) return null;
                return new TemplateProblem(ErrorIds.TemplateParamEmpty, p.Name,
                    $"template parameter '{p.Name}' is empty, and template {template.TemplateId} requires it. Fill it in.");
            }
            string value = text!.Trim();
            if (p.MaxLength > 0 && value.Length > p.MaxLength)
                return new TemplateProblem(ErrorIds.TemplateParamTooLong, p.Name,
                    $"template parameter '{p.Name}' is {value.Length} characters long; template {template.TemplateId} allows at most {p.MaxLength}. Shorten it.");
            if (p.MinLength > 0 && value.Length < p.MinLength)
                return new TemplateProblem(ErrorIds.TemplateParamInvalid, p.Name,
                    $"template parameter '{p.Name}' is {value.Length} characters long; template {template.TemplateId} needs at least {p.MinLength}.");
            switch ((p.Type ?? "").Trim().ToUpperInvariant())
            {
                case "NUMBER":
                    if (!IsNumber(value))
                        return new TemplateProblem(ErrorIds.TemplateParamInvalid, p.Name,
                            $"template parameter '{p.Name}' is a NUMBER, and '{Shorten(value)}' is not one. Give digits only (an optional minus sign and one '.' for decimals), without spaces or thousands separators.");
                    break;
                case "DATE":
                    if (!DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                        return new TemplateProblem(ErrorIds.TemplateParamInvalid, p.Name,
                            $"template parameter '{p.Name}' is a DATE, and '{Shorten(value)}' is not one Zalo reads. Write it day first: dd/MM/yyyy (for example 19/03/2025), optionally with a time HH:mm.");
                    break;
            }
            return null;
        }

        private static bool IsNumber(string s)
        {
            int i = s[0] == '-' ? 1 : 0;
            if (i >= s.Length) return false;
            bool dot = false, digit = false;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                if (c >= '0' && c <= '9') digit = true;
                else if (c == '.' && !dot && digit) dot = true;
                else return false;
            }
            return digit && s[s.Length - 1] != '.';
        }

        private static string Shorten(string s) => s.Length <= 40 ? s : s.Substring(0, 37) + "...";
    }
}
