using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace EsmsZalo.Commands
{
    /// <summary>Completes -SendingMode. Values are checked per row by Core, so a bad CSV cell rejects one row, not the run.</summary>
    public sealed class SendingModeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            foreach (var v in new[] { "Normal", "ExceedQuota" })
                if (v.StartsWith(wordToComplete ?? "", System.StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(v);
        }
    }

    /// <summary>Completes -SmsType.</summary>
    public sealed class SmsTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            foreach (var v in new[] { "CustomerCare", "Advertising" })
                if (v.StartsWith(wordToComplete ?? "", System.StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(v);
        }
    }
}
