using System;

namespace EsmsZalo.Core.Http
{
    /// <summary>What came back over HTTP, before any eSMS meaning is read into it.</summary>
    public sealed class HttpAnswer
    {
        public HttpAnswer(int statusCode, byte[] body, string? mediaType, TimeSpan? retryAfter)
        {
            StatusCode = statusCode;
            Body = body;
            MediaType = mediaType;
            RetryAfter = retryAfter;
        }

        public int StatusCode { get; }
        public byte[] Body { get; }
        public string? MediaType { get; }
        /// <summary>The Retry-After header of a 429/503, when the server sent one.</summary>
        public TimeSpan? RetryAfter { get; }
        public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;

        /// <summary>The first characters of the body, for error messages.</summary>
        public string Excerpt(int max = 300)
        {
            int n = Math.Min(Body.Length, max * 4);
            string s = System.Text.Encoding.UTF8.GetString(Body, 0, n);
            s = s.Replace("\r", " ").Replace("\n", " ").Trim();
            if (s.Length > max) s = s.Substring(0, max) + "...";
            return s.Length == 0 ? "(empty body)" : s;
        }
    }
}
