using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace EsmsZalo.Completers
{
    /// <summary>Completes -OAID with the account's Zalo OAs (id, with the OA's name as tooltip).</summary>
    public sealed class OAIDCompleter : IArgumentCompleter
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
                foreach (var oa in AccountLookup.OAs(client))
                {
                    if (oa.OAID.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                        || (oa.Name ?? "").IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                        results.Add(new CompletionResult(oa.OAID, $"{oa.OAID} {oa.Name}", CompletionResultType.ParameterValue, AccountLookup.ToolTip(oa.Name)));
                }
            }
            catch (Exception)
            {
                // Tab must never fail.
            }
            return results;
        }
    }
}
