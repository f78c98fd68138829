namespace EsmsZalo.Core.Sending
{
    /// <summary>The four send endpoints.</summary>
    public enum MessageKind
    {
        /// <summary>One ZNS message per request (SendZaloMessage_V5_post).</summary>
        Zns,
        /// <summary>Up to 500 ZNS messages per request (Send_zns_bulk_v4_post_json).</summary>
        ZnsBulk,
        /// <summary>One journey ZNS per request with an OrderId (SendZaloMessage_V4_post_json).</summary>
        Journey,
        /// <summary>One SMS content to 30..5000 numbers per request (SendMultipleMessage_V4, XML).</summary>
        SmsMulti,
    }
}
