using System;
using System.Threading;

namespace EsmsZalo.Core.Resilience
{
    /// <summary>Exponential backoff with jitter, honouring a server's Retry-After.</summary>
    public static class RetryDelay
    {
        private static int _seed = Environment.TickCount;
        private static readonly ThreadLocal<Random> Rng = new ThreadLocal<Random>(() => new Random(Interlocked.Increment(ref _seed)));

        /// <param name="retryNumber">1 for the first retry.</param>
        public static TimeSpan For(int retryNumber, RetryOptions options, TimeSpan? retryAfter)
        {
            double baseMs = options.RetryInterval.TotalMilliseconds * Math.Pow(2, Math.Max(0, retryNumber - 1));
            // Jitter in [0.75, 1.25): many clients failing together do not come back together.
            double ms = baseMs * (0.75 + 0.5 * Rng.Value!.NextDouble());
            ms = Math.Min(ms, options.MaximumDelay.TotalMilliseconds);
            if (retryAfter is TimeSpan ra && ra.TotalMilliseconds > ms)
                ms = Math.Min(ra.TotalMilliseconds, Math.Max(options.MaximumDelay.TotalMilliseconds, 1));
            return TimeSpan.FromMilliseconds(Math.Max(0, ms));
        }
    }
}
