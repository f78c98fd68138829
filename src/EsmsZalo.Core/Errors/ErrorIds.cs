namespace EsmsZalo.Core.Errors
{
    /// <summary>
    /// Stable error ids: they become the FullyQualifiedErrorId of each row's error record and the
    /// ErrorId column of the result, so scripts can filter on them. Never rename one.
    /// </summary>
    public static class ErrorIds
    {
        public const string InvalidPhone = "EsmsInvalidPhone";
        public const string DuplicatePhone = "EsmsDuplicatePhone";
        public const string TemplateParamMissing = "EsmsTemplateParamMissing";
        public const string TemplateParamEmpty = "EsmsTemplateParamEmpty";
        public const string TemplateParamInvalid = "EsmsTemplateParamInvalid";
        public const string TemplateParamCount = "EsmsTemplateParamCount";
        public const string TemplateParamTooLong = "EsmsTemplateParamTooLong";
        public const string TemplateRejected = "EsmsTemplateRejected";
        public const string MissingOAID = "EsmsMissingOAID";
        public const string MissingTemplateId = "EsmsMissingTemplateId";
        public const string MissingOrderId = "EsmsMissingOrderId";
        public const string InvalidRequestId = "EsmsInvalidRequestId";
        public const string DuplicateRequestId = "EsmsDuplicateRequestId";
        public const string InvalidSendDate = "EsmsInvalidSendDate";
        public const string InvalidCallbackUrl = "EsmsInvalidCallbackUrl";
        public const string InvalidSendingMode = "EsmsInvalidSendingMode";
        public const string InvalidCampaignId = "EsmsInvalidCampaignId";
        /// <summary>A column of the input row holds a value of the wrong kind (a CSV cell where a table is needed).</summary>
        public const string InvalidColumn = "EsmsInvalidColumn";
        public const string ContentEmpty = "EsmsContentEmpty";
        public const string ContentTooLong = "EsmsContentTooLong";
        public const string ContentInvalidCharacter = "EsmsContentInvalidCharacter";
        public const string InvalidSmsType = "EsmsInvalidSmsType";
        public const string InvalidRequest = "EsmsInvalidRequest";
        public const string MissingBrandname = "EsmsMissingBrandname";
        public const string TooFewNumbers = "EsmsTooFewNumbers";
        public const string AuthenticationFailed = "EsmsAuthenticationFailed";
        public const string BalanceTooLow = "EsmsBalanceTooLow";
        public const string Rejected = "EsmsRejected";
        public const string NotFound = "EsmsNotFound";
        public const string NotSent = "EsmsNotSent";
        public const string OutcomeUnknown = "EsmsOutcomeUnknown";
        public const string Failed = "EsmsSendFailed";
        public const string MalformedResponse = "EsmsMalformedResponse";
        public const string HttpError = "EsmsHttpError";
    }
}
