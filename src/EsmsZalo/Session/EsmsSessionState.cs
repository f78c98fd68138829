using System;
using EsmsZalo.Core.Credentials;

namespace EsmsZalo.Session
{
    /// <summary>What Connect-EsmsAccount set for this PowerShell session (process-wide, like Connect-AzAccount's context).</summary>
    internal static class EsmsSessionState
    {
        private static readonly object Lock = new object();
        private static EsmsCredential? _credential;
        private static Uri? _baseUri;

        internal static EsmsCredential? Credential { get { lock (Lock) return _credential; } }
        internal static Uri? BaseUri { get { lock (Lock) return _baseUri; } }

        internal static void Set(EsmsCredential credential, Uri? baseUri)
        {
            lock (Lock)
            {
                _credential = credential;
                _baseUri = baseUri;
            }
        }

        internal static void Clear()
        {
            lock (Lock)
            {
                _credential = null;
                _baseUri = null;
            }
        }
    }
}
