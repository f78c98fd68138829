using System.Collections.Generic;

namespace EsmsZalo.Core.Journal
{
    /// <summary>Records each row's outcome so a later run can skip what already went. Must be thread-safe.</summary>
    public interface ISendJournal
    {
        /// <summary>True when an earlier run recorded <paramref name="key"/> as Accepted or Duplicate.</summary>
        bool TryGetCompleted(string key, out JournalEntry entry);

        /// <summary>Appends outcomes; called once per answered request, from any thread.</summary>
        void Record(IReadOnlyList<EsmsZalo.SendResult> results);
    }
}
