namespace EsmsZalo
{
    /// <summary>What happened to one input row. Never collapse these into a boolean.</summary>
    public enum SendStatus
    {
        /// <summary>eSMS accepted the message (code 100), or accepted it on an attempt whose answer was lost.</summary>
        Accepted,
        /// <summary>eSMS already had this RequestId (code 124) from an earlier run, or the row repeats an earlier row of this run. Nothing new was sent; not an error.</summary>
        Duplicate,
        /// <summary>The row was refused, by eSMS or by the module's own checks before any request. Fix the row and send it again.</summary>
        Rejected,
        /// <summary>No final answer: transport failure, retries exhausted, malformed answer. Running the same file again is safe.</summary>
        Failed,
        /// <summary>The journal of an earlier run already records this row as Accepted or Duplicate; nothing was sent.</summary>
        Skipped,
    }
}
