using System;
using System.Net;

namespace EsmsZalo.Core.Http
{
    /// <summary>
    /// The eSMS base address. Keys travel in request bodies, so plain http is refused for any host
    /// but this machine's loopback (an emulator or a local proxy).
    /// </summary>
    public static class EsmsBaseAddress
    {
        public static readonly Uri Default = new Uri("https://rest.esms.vn/MainService.svc/json/");

        public static Uri Normalize(Uri uri)
        {
            if (uri == null) throw new ArgumentNullException(nameof(uri));
            if (!uri.IsAbsoluteUri)
                throw new ArgumentException($"The eSMS base address '{uri}' is not absolute. Use a full address such as {Default}.");
            if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                throw new ArgumentException($"The eSMS base address '{uri}' must use https.");
            if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
                throw new ArgumentException($"The eSMS base address '{uri}' uses plain http to a host that is not this machine. The ApiKey and SecretKey travel in the request body: use https (plain http is allowed only for 127.0.0.1, ::1 or localhost).");
            if (!string.IsNullOrEmpty(uri.UserInfo))
                throw new ArgumentException("The eSMS base address must not carry a user name or password.");
            string s = uri.GetLeftPart(UriPartial.Path);
            if (!s.EndsWith("/", StringComparison.Ordinal)) s += "/";
            return new Uri(s);
        }

        public static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            string host = uri.DnsSafeHost;
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
            return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
        }
    }
}
