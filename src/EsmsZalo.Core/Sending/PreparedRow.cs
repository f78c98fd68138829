using System.Collections.Generic;
using EsmsZalo.Core.Payloads;

namespace EsmsZalo.Core.Sending
{
    /// <summary>A row that passed every check and is ready to go into a request.</summary>
    internal sealed class PreparedRow
    {
        public long Row;
        public object? InputObject;
        public string Phone = "";
        /// <summary>ZNS kinds: the row's own RequestId. SMS: set per request when the batch is cut.</summary>
        public string RequestId = "";
        public bool RequestIdDerived;
        /// <summary>The row's identity in the journal.</summary>
        public string JournalKey = "";
        public string[]? Params;
        public KeyValuePair<string, string>[]? TemplateData;
        public string? OrderId;
        /// <summary>Shared by all rows with the same request fields; its identity decides the batch.</summary>
        public ZnsSettings? Zns;
        public SmsSettings? Sms;

        /// <summary>The batch this row belongs in (settings object identity).</summary>
        public object BatchKey => (object?)Zns ?? Sms!;
    }
}
