using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace EsmsZalo.Completers
{
    /// <summary>
    /// Completes -TemplateId with the templates of the OA given by -OAID on the same command line,
    /// or of every OA of the account when -OAID is not given yet.
    /// </summary>
    public sealed class TemplateIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var results = new List<CompletionResult>();
            try
            {
                var client = AccountLookup.ClientFor(fakeBoundParameters);
                if (client == null) return results;
                string word = (wordToComplete ?? "").Trim('\'', '"');
                var oas = new List<string>();
                string? bound = AccountLookup.Bound(fakeBoundParameters, "OAID", "OA", "ZaloOAID");
                if (bound != null) oas.Add(bound);
                else foreach (var oa in AccountLookup.OAs(client)) oas.Add(oa.OAID);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (string oa in oas)
                {
                    foreach (var t in AccountLookup.Templates(client, oa))
                    {
                        if (!seen.Add(t.TemplateId)) continue;
                        if (!t.TemplateId.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                            && (t.Name ?? "").IndexOf(word, StringComparison.OrdinalIgnoreCase) < 0) continue;
                        string names = string.Join(", ", ParameterNames(t));
                        results.Add(new CompletionResult(t.TemplateId, $"{t.TemplateId} {t.Name}", CompletionResultType.ParameterValue,
                            AccountLookup.ToolTip($"{t.Name} (OA {oa}) - parameters: {names}")));
                    }
                }
            }
            catch (Exception)
            {
                // Tab must never fail.
            }
            return results;
        }

        private static IEnumerable<string> ParameterNames(ZnsTemplate t)
        {
            foreach (var p in t.Parameters) yield return p.Name;
        }
    }
}
