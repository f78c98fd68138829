using System;

namespace EsmsZalo.Core.Resilience
{
    /// <summary>How hard to try before a row is Failed. Every retry carries the same RequestIds.</summary>
    public sealed class RetryOptions
    {
        /// <summary>Retries after the first attempt (0 = never retry).</summary>
        public int MaximumRetryCount { get; set; } = 3;
        /// <summary>The first delay; each next one doubles, with jitter, up to <see cref="MaximumDelay"/>.</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);
        public TimeSpan MaximumDelay { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>Per request; a request past it counts as lost (and is retried).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
    }
}
