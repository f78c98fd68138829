using System;

namespace EsmsZalo.Core.Http
{
    /// <summary>
    /// No answer was had: connection refused or reset, timeout, TLS failure. The request may or may
    /// not have reached eSMS, which is why retries reuse the RequestId.
    /// </summary>
    public sealed class EsmsTransportException : Exception
    {
        public EsmsTransportException(string message, bool mayHaveReachedServer, bool timedOut)
            : base(message)
        {
            MayHaveReachedServer = mayHaveReachedServer;
            TimedOut = timedOut;
        }

        /// <summary>False only when the connection was never made (refused, DNS): eSMS cannot have the request.</summary>
        public bool MayHaveReachedServer { get; }
        public bool TimedOut { get; }
    }
}
