using System.Management.Automation;
using EsmsZalo.Core.Callbacks;

namespace EsmsZalo.Commands
{
    /// <summary>
    /// ConvertFrom-EsmsCallback: reads an eSMS delivery callback (the query string of the GET eSMS
    /// made, or the whole URL, e.g. from a web server log) into an EsmsCallback object.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "EsmsCallback")]
    [OutputType(typeof(EsmsCallback))]
    public sealed class ConvertFromEsmsCallbackCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Query", "QueryString", "Url", "Uri", "RawUrl")]
        [AllowEmptyString]
        public string[] InputObject { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            foreach (string text in InputObject)
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                var callback = CallbackParser.Parse(text);
                if (callback.SmsId == null && callback.RequestId == null && callback.SendStatus == null)
                {
                    WriteError(new ErrorRecord(new PSArgumentException(
                        $"'{Shorten(text)}' holds no eSMS callback fields (SMSID, RequestId, SendStatus). Give the query string eSMS sent to the CallbackUrl, or the whole URL."),
                        "EsmsCallbackUnreadable", ErrorCategory.InvalidData, text));
                    continue;
                }
                WriteObject(callback);
            }
        }

        private static string Shorten(string s) => s.Length <= 80 ? s : s.Substring(0, 77) + "...";
    }
}
