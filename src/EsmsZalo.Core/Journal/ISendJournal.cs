using System;
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

        /// <summary>
        /// Appends a "Sending" line per row before its request goes out, so a later run knows the
        /// row may have reached eSMS even when no outcome follows (killed process, lost answer).
        /// </summary>
        void RecordSending(IReadOnlyList<JournalEntry> rows);

        /// <summary>
        /// True when an earlier run sent <paramref name="key"/> but recorded no final outcome
        /// (no Accepted, Duplicate or Rejected); <paramref name="firstSent"/> is when it first went out.
        /// </summary>
        bool TryGetUnsettled(string key, out DateTimeOffset firstSent);
    }
}
