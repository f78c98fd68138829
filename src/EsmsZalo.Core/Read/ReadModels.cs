using System;
using System.Collections.Generic;

// Result types of the read side. They live in namespace EsmsZalo so PowerShell shows them as
// EsmsZalo.ZaloOA, EsmsZalo.ZnsTemplate..., the names the format views and scripts use.
namespace EsmsZalo
{
    /// <summary>A Zalo Official Account on the eSMS account (ZNS/GetListZOA).</summary>
    public sealed class ZaloOA
    {
        public string OAID { get; set; } = "";
        public string? Name { get; set; }
        public override string ToString() => $"{OAID} {Name}";
    }

    /// <summary>
    /// A ZNS template. The list (GetTemplate) gives name, content and parameters; one template
    /// (GetZnsTemplateInfo) adds status, quality, quota and parameter rules.
    /// </summary>
    public sealed class ZnsTemplate
    {
        public string OAID { get; set; } = "";
        public string TemplateId { get; set; } = "";
        public string? Name { get; set; }
        public string? Content { get; set; }
        /// <summary>ENABLE, DISABLE, PENDING_REVIEW... (GetZnsTemplateInfo only).</summary>
        public string? Status { get; set; }
        public string? Quality { get; set; }
        public long? DailyQuota { get; set; }
        public long? RemainingQuota { get; set; }
        public string? PreviewUrl { get; set; }
        /// <summary>In template order: the order Params of Send-EsmsZnsBulk and Send-EsmsJourney follow.</summary>
        public IReadOnlyList<ZnsTemplateParameter> Parameters { get; set; } = Array.Empty<ZnsTemplateParameter>();
        /// <summary>True when the parameters came from GetZnsTemplateInfo (full rules), false from the template list.</summary>
        public bool Detailed { get; set; }
        public override string ToString() => $"{TemplateId} {Name}";
    }

    /// <summary>One variable of a ZNS template.</summary>
    public sealed class ZnsTemplateParameter
    {
        public string Name { get; set; } = "";
        /// <summary>STRING, NUMBER, DATE... as eSMS names it.</summary>
        public string? Type { get; set; }
        public bool Required { get; set; }
        public int? MinLength { get; set; }
        public int? MaxLength { get; set; }
        public bool AcceptNull { get; set; }
        public override string ToString() => Name;
    }

    /// <summary>An OA's daily ZNS quota (ZNS/GetQuota).</summary>
    public sealed class ZnsQuota
    {
        public string OAID { get; set; } = "";
        public long? DailyQuota { get; set; }
        public long? RemainingQuota { get; set; }
    }

    /// <summary>Where a message stands (GetSendStatus): totals over its receivers.</summary>
    public sealed class MessageStatus
    {
        public string SmsId { get; set; } = "";
        /// <summary>1 pending approval, 2 waiting, 4 rejected, 5 finished, 7 at the telco awaiting report.</summary>
        public int? SendStatus { get; set; }
        public string? SendStatusName { get; set; }
        public int? SendSuccess { get; set; }
        public int? SendFailed { get; set; }
        public int? TotalReceiver { get; set; }
        public int? TotalSent { get; set; }
        public decimal? TotalPrice { get; set; }
        /// <summary>eSMS has finished with the message (SendStatus 5 or 4): SendSuccess/SendFailed are final.</summary>
        public bool IsFinished => SendStatus == 5 || SendStatus == 4;
        public string? CodeResult { get; set; }
    }

    /// <summary>One receiver of a message (GetSmsReceiverStatus_get).</summary>
    public sealed class ReceiverStatus
    {
        public string SmsId { get; set; } = "";
        public string? Phone { get; set; }
        public string? NetworkName { get; set; }
        public bool? IsSent { get; set; }
        /// <summary>True delivered, false failed, null not known yet.</summary>
        public bool? SentResult { get; set; }
        public int? Retry { get; set; }
    }

    /// <summary>An SMS brandname of the account (GetListBrandname).</summary>
    public sealed class Brandname
    {
        public string Name { get; set; } = "";
        /// <summary>1 advertising, 2 customer care.</summary>
        public int? Type { get; set; }
        public string? TypeName { get; set; }
        public override string ToString() => Name;
    }
}
