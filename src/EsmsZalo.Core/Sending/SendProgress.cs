using System.Diagnostics;
using System.Threading;

namespace EsmsZalo.Core.Sending
{
    /// <summary>Live counters of a session, safe to read from any thread.</summary>
    public sealed class SendProgress
    {
        private long _rows, _completed, _accepted, _duplicate, _rejected, _failed, _skipped, _requests;
        // A status with no counter of its own (none today) is counted as completed only.
        private long _uncounted;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public long Rows => Interlocked.Read(ref _rows);
        public long Completed => Interlocked.Read(ref _completed);
        public long Accepted => Interlocked.Read(ref _accepted);
        public long Duplicate => Interlocked.Read(ref _duplicate);
        public long Rejected => Interlocked.Read(ref _rejected);
        public long Failed => Interlocked.Read(ref _failed);
        public long Skipped => Interlocked.Read(ref _skipped);
        /// <summary>Requests that got an answer or gave up (retries not counted separately).</summary>
        public long Requests => Interlocked.Read(ref _requests);
        public double ElapsedSeconds => _clock.Elapsed.TotalSeconds;
        public double RowsPerSecond => ElapsedSeconds > 0 ? Completed / ElapsedSeconds : 0;

        internal void AddRow() => Interlocked.Increment(ref _rows);
        internal void AddRequest() => Interlocked.Increment(ref _requests);

        /// <summary>Counts a request's results: one interlocked add per run of equal statuses (usually one).</summary>
        internal void AddAll(SendResult[] results)
        {
            // Completed first, then the statuses, in the same order as Add.
            Interlocked.Add(ref _completed, results.Length);
            int start = 0;
            for (int i = 1; i <= results.Length; i++)
            {
                if (i < results.Length && results[i].Status == results[start].Status) continue;
                Interlocked.Add(ref Counter(results[start].Status), i - start);
                start = i;
            }
        }

        internal void Add(SendResult r)
        {
            Interlocked.Increment(ref _completed);
            Interlocked.Increment(ref Counter(r.Status));
        }

        /// <summary>The counter of a status (the one place statuses map to counters).</summary>
        private ref long Counter(EsmsZalo.SendStatus status)
        {
            switch (status)
            {
                case EsmsZalo.SendStatus.Accepted: return ref _accepted;
                case EsmsZalo.SendStatus.Duplicate: return ref _duplicate;
                case EsmsZalo.SendStatus.Rejected: return ref _rejected;
                case EsmsZalo.SendStatus.Failed: return ref _failed;
                case EsmsZalo.SendStatus.Skipped: return ref _skipped;
                default: return ref _uncounted;
            }
        }
    }
}
