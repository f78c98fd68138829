using System;
using EsmsZalo.Core.Journal;
using EsmsZalo.Core.Resilience;

namespace EsmsZalo.Core.Sending
{
    /// <summary>How a <see cref="SendSession"/> sends.</summary>
    public sealed class SendOptions
    {
        /// <summary>Requests in flight at once.</summary>
        public int ThrottleLimit { get; set; } = 4;
        /// <summary>Rows per request: ZNS bulk 1..500 (default 500), SMS 30..5000 (default 5000). Ignored by single sends.</summary>
        public int? BatchSize { get; set; }
        public RetryOptions Retry { get; set; } = new RetryOptions();
        /// <summary>Where each row's outcome is recorded so a later run can skip it.</summary>
        public ISendJournal? Journal { get; set; }
        /// <summary>The clock used to refuse SendDates in the past.</summary>
        public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;
        /// <summary>Longest SMS content accepted (characters); eSMS/telco limit is 3 segments.</summary>
        public int? MaxSmsContentLength { get; set; }
    }
}
