using System.Diagnostics;
using System.Threading;

namespace EsmsZalo.Core.Sending
{
    /// <summary>Live counters of a session, safe to read from any thread.</summary>
    public sealed class SendProgress
    {
        private long _rows, _completed, _accepted, _duplicate, _rejected, _failed, _skipped, _requests;
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

        /// <summary>Counts a request's results with one interlocked add per status present.</summary>
        internal void AddAll(SendResult[] results)
        {
            // Completed first, then the statuses, in the same order as Add.
            Interlocked.Add(ref _completed, results.Length);
            long accepted = 0, duplicate = 0, rejected = 0, failed = 0, skipped = 0;
            foreach (var r in results)
            {
                switch (r.Status)
                {
                    case EsmsZalo.SendStatus.Accepted: accepted++; break;
                    case EsmsZalo.SendStatus.Duplicate: duplicate++; break;
                    case EsmsZalo.SendStatus.Rejected: rejected++; break;
                    case EsmsZalo.SendStatus.Failed: failed++; break;
                    case EsmsZalo.SendStatus.Skipped: skipped++; break;
                }
            }
            if (accepted > 0) Interlocked.Add(ref _accepted, accepted);
            if (duplicate > 0) Interlocked.Add(ref _duplicate, duplicate);
            if (rejected > 0) Interlocked.Add(ref _rejected, rejected);
            if (failed > 0) Interlocked.Add(ref _failed, failed);
            if (skipped > 0) Interlocked.Add(ref _skipped, skipped);
        }

        internal void Add(SendResult r)
        {
            Interlocked.Increment(ref _completed);
            switch (r.Status)
            {
                case EsmsZalo.SendStatus.Accepted: Interlocked.Increment(ref _accepted); break;
                case EsmsZalo.SendStatus.Duplicate: Interlocked.Increment(ref _duplicate); break;
                case EsmsZalo.SendStatus.Rejected: Interlocked.Increment(ref _rejected); break;
                case EsmsZalo.SendStatus.Failed: Interlocked.Increment(ref _failed); break;
                case EsmsZalo.SendStatus.Skipped: Interlocked.Increment(ref _skipped); break;
            }
        }
    }
}
