using System;
using System.Collections.Generic;

namespace EsmsZalo
{
    /// <summary>One delivery report eSMS sent to a CallbackUrl (an HTTP GET with a query string).</summary>
    public sealed class EsmsCallback
    {
        public string? SmsId { get; set; }
        public string? RequestId { get; set; }
        public string? Phone { get; set; }
        /// <summary>1 pending approval, 2 waiting, 4 rejected, 5 finished, 7 at the telco awaiting report.</summary>
        public int? SendStatus { get; set; }
        public string? SendStatusName { get; set; }
        /// <summary>True when every receiver got it, false when any failed, null while nothing is final.</summary>
        public bool? Delivered { get; set; }
        public int? SendSuccess { get; set; }
        public int? SendFailed { get; set; }
        public int? TotalReceiver { get; set; }
        public int? TotalSent { get; set; }
        public decimal? TotalPrice { get; set; }
        /// <summary>1, 2 SMS; 23 Viber; 24, 25 ZNS; 26 Zalo follower; 27 journey.</summary>
        public int? TypeId { get; set; }
        public string? TypeName { get; set; }
        public int? TelcoId { get; set; }
        public string? TelcoName { get; set; }
        /// <summary>Zalo's message id (partnerids).</summary>
        public string? ZaloMsgId { get; set; }
        public string? OAID { get; set; }
        public string? TemplateId { get; set; }
        /// <summary>Zalo's error, decoded: {"error":-114,"message":"..."} gives -114 and the message.</summary>
        public int? ErrorCode { get; set; }
        public string? ErrorMessage { get; set; }
        /// <summary>error_info as sent, URL-decoded.</summary>
        public string? ErrorInfo { get; set; }
        /// <summary>Parameters this module does not know, by name (eSMS may add some).</summary>
        public IDictionary<string, string> Other { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>When the receiver got it (set by the listener; null when parsed from text).</summary>
        public DateTimeOffset? ReceivedAt { get; set; }
        /// <summary>The address the callback came from (listener only).</summary>
        public string? RemoteAddress { get; set; }
        public string? Query { get; set; }
        public override string ToString() => $"{SmsId} {Phone} {SendStatusName} {(Delivered == true ? "delivered" : Delivered == false ? "failed" : "")}".Trim();
    }
}
