namespace EsmsZalo
{
    /// <summary>One result per input row, in input order. Its type name drives the table view.</summary>
    public sealed class SendResult
    {
        /// <summary>1-based position of the row in the pipeline input.</summary>
        public long Row { get; set; }
        /// <summary>The phone as sent (normalised), or as given when it could not be normalised.</summary>
        public string? Phone { get; set; }
        public SendStatus Status { get; set; }
        /// <summary>eSMS's result code for this row ("100", "124", "108"...), empty when no answer was had.</summary>
        public string? CodeResult { get; set; }
        /// <summary>What happened, for a person: eSMS's message or the module's explanation.</summary>
        public string? Message { get; set; }
        public string? SmsId { get; set; }
        /// <summary>The idempotency key sent to eSMS for this row (given, or derived from the message).</summary>
        public string? RequestId { get; set; }
        /// <summary>How many requests carried this row (1 unless retried).</summary>
        public int Attempts { get; set; }
        /// <summary>Stable id of the problem when Status is Rejected or Failed (EsmsInvalidPhone...).</summary>
        public string? ErrorId { get; set; }
        /// <summary>The eSMS endpoint the row went to.</summary>
        public string? Endpoint { get; set; }
        /// <summary>True when sent with Sandbox: validated by eSMS, not delivered, not charged.</summary>
        public bool Sandbox { get; set; }

        /// <summary>The pipeline object this row came from; the cmdlet uses it as the error's target.</summary>
        internal object? InputObject { get; set; }

        /// <summary>The row's identity in a journal (its RequestId, or for SMS a per-number id).</summary>
        internal string? JournalKey { get; set; }

        /// <summary>Raw answer excerpt kept for error records of malformed answers.</summary>
        internal string? RawAnswer { get; set; }

        public override string ToString() => $"{Row} {Phone} {Status} {CodeResult} {SmsId}";
    }
}
