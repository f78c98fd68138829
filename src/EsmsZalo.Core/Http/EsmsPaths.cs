namespace EsmsZalo.Core.Http
{
    /// <summary>eSMS paths, relative to the base address.</summary>
    public static class EsmsPaths
    {
        public const string SendZns = "SendZaloMessage_V5_post/";
        public const string SendZnsBulk = "Send_zns_bulk_v4_post_json/";
        public const string SendJourney = "SendZaloMessage_V4_post_json/";
        public const string SendSmsMulti = "SendMultipleMessage_V4/";
        public const string GetBalance = "GetBalance_json";
        public const string GetSendStatus = "GetSendStatus";
        public const string GetReceiverStatus = "GetSmsReceiverStatus_get";
        public const string GetZaloOAs = "ZNS/GetListZOA/";
        public const string GetTemplates = "GetTemplate/";
        public const string GetTemplateInfo = "GetZnsTemplateInfo";
        public const string GetQuota = "ZNS/GetQuota/";
        public const string QueryZnsStatus = "QueryZnsStatus/";
        public const string GetBrandnames = "GetListBrandname/";
        public const string SummaryZalo = "SummaryZaloMessage_V4_post_json/";

        /// <summary>The short endpoint name used in results and the journal ("Send_zns_bulk_v4_post_json").</summary>
        public static string NameOf(string path) => path.TrimEnd('/');
    }
}
