namespace EsmsZalo.Core.Payloads
{
    /// <summary>The fields of one SMS request besides its phone numbers.</summary>
    public sealed class SmsSettings
    {
        public string Content { get; set; } = "";
        /// <summary>"2" customer care (default), "1" advertising.</summary>
        public string SmsType { get; set; } = "2";
        public string Brandname { get; set; } = "";
        /// <summary>Already in eSMS's format; null or empty = now.</summary>
        public string? SendDate { get; set; }
        public string? CallbackUrl { get; set; }
        public string? CampaignId { get; set; }
        public bool Sandbox { get; set; }

        internal bool SameRequestAs(SmsSettings o)
            => Content == o.Content && SmsType == o.SmsType && Brandname == o.Brandname && SendDate == o.SendDate
               && CallbackUrl == o.CallbackUrl && CampaignId == o.CampaignId && Sandbox == o.Sandbox;

        internal int RequestHash()
        {
            unchecked
            {
                int h = 23;
                h = h * 31 + Content.GetHashCode();
                h = h * 31 + SmsType.GetHashCode();
                h = h * 31 + Brandname.GetHashCode();
                h = h * 31 + (SendDate?.GetHashCode() ?? 0);
                h = h * 31 + (CallbackUrl?.GetHashCode() ?? 0);
                h = h * 31 + (CampaignId?.GetHashCode() ?? 0);
                return h * 31 + (Sandbox ? 1 : 0);
            }
        }
    }
}
