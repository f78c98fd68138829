using System.Collections.Generic;

namespace EsmsZalo.Core.Responses
{
    /// <summary>One item of a bulk answer's detail array.</summary>
    public sealed class SendAnswerItem
    {
        public string? Code { get; set; }
        public string? Phone { get; set; }
        public string? SmsId { get; set; }
        public string? ErrorMessage { get; set; }
        public string? RequestId { get; set; }
    }

    /// <summary>
    /// An eSMS answer to a send call, whatever the spelling of its code field:
    /// CodeResult, CodeResponse, Code, or {"error": ...} for a request eSMS could not read.
    /// </summary>
    public sealed class SendAnswer
    {
        /// <summary>The result code as text, null when the answer carried none.</summary>
        public string? Code { get; set; }
        public string? SmsId { get; set; }
        public string? ErrorMessage { get; set; }
        public string? Message { get; set; }
        /// <summary>The value of an "error" field ({"error":"Invalid request"}).</summary>
        public string? Error { get; set; }
        public int? TotalSuccess { get; set; }
        public int? TotalFail { get; set; }
        /// <summary>Per-item results of a bulk request, in the order eSMS gave them; null when absent.</summary>
        public List<SendAnswerItem>? Detail { get; set; }

        /// <summary>The best text eSMS gave to explain the code.</summary>
        public string? Explanation => ErrorMessage ?? Error ?? Message;
    }
}
