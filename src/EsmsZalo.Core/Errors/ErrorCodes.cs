using System.Collections.Generic;

namespace EsmsZalo.Core.Errors
{
    /// <summary>The eSMS result codes as data: meaning, whether a retry may help, and what to do.</summary>
    public static class ErrorCodes
    {
        public const string Accepted = "100";
        public const string DuplicateRequestId = "124";
        public const string WrongCredentials = "101";
        public const string ExceededTps = "160";
        public const string AlreadyProcessing = "199";

        private static readonly Dictionary<string, EsmsErrorCode> Table = Build();

        /// <summary>Every known code.</summary>
        public static IReadOnlyCollection<EsmsErrorCode> All => Table.Values;

        /// <summary>The entry for <paramref name="code"/>, or a generic one for codes eSMS did not document.</summary>
        public static EsmsErrorCode Lookup(string? code)
        {
            if (code != null && Table.TryGetValue(code, out var entry)) return entry;
            return new EsmsErrorCode(code ?? "", "undocumented eSMS result code", false, ErrorIds.Rejected,
                "Check the code with eSMS support; the row was not accepted.");
        }

        public static bool IsTransient(string? code) => code != null && Table.TryGetValue(code, out var e) && e.Transient;

        /// <summary>
        /// Codes that say the account itself cannot send (credentials, balance, IP, lock): every
        /// later request would be refused the same way, so a run stops sending after the first.
        /// </summary>
        public static bool StopsTheRun(string? code) => code == "101" || code == "103" || code == "140" || code == "143";

        private static Dictionary<string, EsmsErrorCode> Build()
        {
            var t = new Dictionary<string, EsmsErrorCode>();
            void Add(string code, string meaning, bool transient, string errorId, string advice)
                => t[code] = new EsmsErrorCode(code, meaning, transient, errorId, advice);

            Add("99", "phone number blocked (older docs: unknown error)", false, ErrorIds.Rejected, "The receiver cannot be reached through eSMS; remove the number or contact eSMS.");
            Add("100", "accepted by eSMS", false, "", "");
            Add("101", "wrong ApiKey or SecretKey", false, ErrorIds.AuthenticationFailed, "Check the ApiKey (user name) and SecretKey (password) given with -Credential, Connect-EsmsAccount or ESMS_API_KEY/ESMS_SECRET_KEY.");
            Add("102", "no price list for this account (older docs: account locked)", false, ErrorIds.Rejected, "Ask eSMS to set up pricing for this message type on the account.");
            Add("103", "balance too low", false, ErrorIds.BalanceTooLow, "Top up the eSMS account, then run again with the same file; rows already sent are blocked as duplicates.");
            Add("104", "brandname does not exist on the account", false, ErrorIds.Rejected, "Use a registered brandname (Get-EsmsBrandname lists them) with -Brandname.");
            Add("105", "message not found", false, ErrorIds.NotFound, "Check the SMSID; eSMS keeps status for 7 days.");
            Add("107", "fewer than 30 distinct numbers in the request", false, ErrorIds.TooFewNumbers, "Send at least 30 distinct numbers per SMS request.");
            Add("108", "phone number format not accepted", false, ErrorIds.InvalidPhone, "Correct the phone number: 10 digits starting with 0.");
            Add("110", "request data incorrect", false, ErrorIds.Rejected, "Check the row's values (RequestId length, SendDate format, CallbackUrl, SendingMode).");
            Add("118", "unsupported message type", false, ErrorIds.Rejected, "Use -SmsType CustomerCare or Advertising.");
            Add("119", "legacy: brandname advertising not allowed", false, ErrorIds.Rejected, "Contact eSMS about the brandname.");
            Add("120", "too many phone numbers in the request", false, ErrorIds.Rejected, "Use a -BatchSize of at most 5000.");
            Add("124", "duplicate RequestId: eSMS already has this message (24 h window)", false, "", "");
            Add("131", "legacy: content too long", false, ErrorIds.ContentTooLong, "Shorten the content.");
            Add("132", "legacy: no permission for fixed-number sending", false, ErrorIds.Rejected, "Contact eSMS.");
            Add("140", "calling IP address not whitelisted", false, ErrorIds.Rejected, "Add this machine's public IP to the eSMS account's whitelist.");
            Add("143", "account not activated or locked", false, ErrorIds.Rejected, "Contact eSMS to activate the account.");
            Add("145", "legacy: wrong template", false, ErrorIds.TemplateRejected, "Check the template and its parameters.");
            Add("146", "wrong customer-care template", false, ErrorIds.TemplateRejected, "Content must match a registered customer-care template.");
            Add("159", "legacy: RequestId too long", false, ErrorIds.InvalidRequestId, "Use RequestIds of at most 50 characters.");
            Add("160", "exceeded the request rate (TPS)", true, ErrorIds.Failed, "Lower -ThrottleLimit; the module retries with the same RequestId.");
            Add("163", "one phone number per request only", false, ErrorIds.Rejected, "Send this message type with Send-EsmsZns (one row per request).");
            Add("177", "network (telco) not registered for this brandname", false, ErrorIds.Rejected, "Register the brandname with this telco through eSMS.");
            Add("199", "request already exists and is being processed", true, ErrorIds.Failed, "The module retries with the same RequestId.");
            Add("201", "content holds a blocked keyword", false, ErrorIds.Rejected, "Remove the blocked word from the content.");
            Add("204", "OAID does not exist", false, ErrorIds.Rejected, "Check -OAID (Get-EsmsZaloOA lists the account's OAs).");
            Add("210", "incorrect payload", false, ErrorIds.Rejected, "Check the template parameters of the row.");
            Add("300", "missing message type", false, ErrorIds.Rejected, "Give -SmsType.");
            Add("301", "unsupported service type", false, ErrorIds.Rejected, "Contact eSMS about the service type.");
            Add("687", "more than 500 items in one bulk request", false, ErrorIds.Rejected, "Use a -BatchSize of at most 500.");
            Add("789", "template not configured for this OA on the account", false, ErrorIds.TemplateRejected, "Check -TemplateId and -OAID (Get-EsmsZnsTemplate -OAID lists the templates).");
            Add("790", "wrong ZNS template or parameters", false, ErrorIds.TemplateRejected, "Check the template's parameters (Get-EsmsZnsTemplate -TemplateId) against the row's values.");
            Add("791", "missing OAID or TempID", false, ErrorIds.Rejected, "Give -OAID and -TemplateId.");
            Add("799", "OAID inactive or not on the account", false, ErrorIds.Rejected, "Use an active OA of this account (Get-EsmsZaloOA).");
            Add("801", "exceed-quota mode (3) cannot be scheduled", false, ErrorIds.InvalidSendingMode, "Drop -SendDate or use -SendingMode Normal.");
            Add("802", "OA not allowed exceed-quota mode (3)", false, ErrorIds.InvalidSendingMode, "Use -SendingMode Normal or ask eSMS to whitelist the OA.");
            Add("851", "missing MessageId/SMSID", false, ErrorIds.Rejected, "Give the SMSID.");
            Add("854", "no data found", false, ErrorIds.NotFound, "Check the id.");
            return t;
        }
    }
}
