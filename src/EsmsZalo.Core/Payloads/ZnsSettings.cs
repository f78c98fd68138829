namespace EsmsZalo.Core.Payloads
{
    /// <summary>
    /// The fields a ZNS request carries once for all its messages. Rows that differ in any of them
    /// travel in different requests.
    /// </summary>
    public sealed class ZnsSettings
    {
        public string OAID { get; set; } = "";
        public string TemplateId { get; set; } = "";
        public string? CampaignId { get; set; }
        public bool Sandbox { get; set; }
        public string? CallbackUrl { get; set; }
        /// <summary>Already in eSMS's format (yyyy-MM-dd HH:mm:ss, Vietnam time); null or empty = now.</summary>
        public string? SendDate { get; set; }
        /// <summary>"1" normal, "3" exceed quota; null leaves it to eSMS's default.</summary>
        public string? SendingMode { get; set; }

        internal bool SameRequestAs(ZnsSettings o)
            => OAID == o.OAID && TemplateId == o.TemplateId && CampaignId == o.CampaignId && Sandbox == o.Sandbox
               && CallbackUrl == o.CallbackUrl && SendDate == o.SendDate && SendingMode == o.SendingMode;

        internal int RequestHash()
        {
            unchecked
            {
                int h = 17;
                h = h * 31 + (OAID?.GetHashCode() ?? 0);
                h = h * 31 + (TemplateId?.GetHashCode() ?? 0);
                h = h * 31 + (CampaignId?.GetHashCode() ?? 0);
                h = h * 31 + (Sandbox ? 1 : 0);
                h = h * 31 + (CallbackUrl?.GetHashCode() ?? 0);
                h = h * 31 + (SendDate?.GetHashCode() ?? 0);
                h = h * 31 + (SendingMode?.GetHashCode() ?? 0);
                return h;
            }
        }
    }
}
