using System.Collections.Generic;

namespace EsmsZalo.Core.Sending
{
    /// <summary>
    /// One input row as the caller has it, before any checks: raw values straight from a CSV row or
    /// a parameter. <see cref="SendSession"/> validates it, and a row that fails gets a Rejected
    /// result naming the field and what to do, while the other rows go on.
    /// </summary>
    public sealed class MessageRow
    {
        /// <summary>Where the row came from (the pipeline object); returned as the error target.</summary>
        public object? InputObject { get; set; }
        public string? Phone { get; set; }

        /// <summary>Bulk and journey: template values in template order (raw: strings, numbers, dates...).</summary>
        public IReadOnlyList<object?>? Params { get; set; }
        /// <summary>Names of the input properties behind <see cref="Params"/>, for error messages.</summary>
        public IReadOnlyList<string>? ParamNames { get; set; }
        /// <summary>Single ZNS: TempData entries (name = template key).</summary>
        public IReadOnlyList<KeyValuePair<string, object?>>? TemplateData { get; set; }

        public string? RequestId { get; set; }
        public string? OrderId { get; set; }

        public string? OAID { get; set; }
        public string? TemplateId { get; set; }
        public string? CampaignId { get; set; }
        /// <summary>DateTime, DateTimeOffset or string; null or empty = send now.</summary>
        public object? SendDate { get; set; }
        public string? CallbackUrl { get; set; }
        /// <summary>"Normal"/"1" or "ExceedQuota"/"3"; null = eSMS default.</summary>
        public string? SendingMode { get; set; }
        public bool Sandbox { get; set; }

        /// <summary>SMS only.</summary>
        public string? Content { get; set; }
        public string? Brandname { get; set; }
        /// <summary>SMS only: "CustomerCare"/"2" (default) or "Advertising"/"1".</summary>
        public string? SmsType { get; set; }

        /// <summary>A problem the caller found while reading the row (a missing column): the row is rejected with it.</summary>
        public string? PresetErrorId { get; set; }
        public string? PresetError { get; set; }
    }
}
