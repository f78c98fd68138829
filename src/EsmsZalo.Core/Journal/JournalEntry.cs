namespace EsmsZalo.Core.Journal
{
    /// <summary>A row's recorded outcome from an earlier run.</summary>
    public sealed class JournalEntry
    {
        public string Key { get; set; } = "";
        public string? Status { get; set; }
        public string? SmsId { get; set; }
        public string? Code { get; set; }
        public string? RequestId { get; set; }
        public string? Phone { get; set; }
        public long Row { get; set; }
        public string? Time { get; set; }
        public bool Sandbox { get; set; }
    }
}
