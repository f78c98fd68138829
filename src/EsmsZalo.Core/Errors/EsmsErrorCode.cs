namespace EsmsZalo.Core.Errors
{
    /// <summary>One row of the eSMS result-code table.</summary>
    public sealed class EsmsErrorCode
    {
        public EsmsErrorCode(string code, string meaning, bool transient, string errorId, string advice)
        {
            Code = code;
            Meaning = meaning;
            Transient = transient;
            ErrorId = errorId;
            Advice = advice;
        }

        /// <summary>The code as eSMS sends it ("100", "124", ...).</summary>
        public string Code { get; }
        public string Meaning { get; }
        /// <summary>True when the same request (same RequestId) may be retried.</summary>
        public bool Transient { get; }
        /// <summary>The module's stable error id for rows refused with this code.</summary>
        public string ErrorId { get; }
        /// <summary>What the admin should do about it.</summary>
        public string Advice { get; }
    }
}
