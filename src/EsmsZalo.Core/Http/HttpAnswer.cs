using System;
using System.Buffers;

namespace EsmsZalo.Core.Http
{
    /// <summary>What came back over HTTP, before any eSMS meaning is read into it.</summary>
    public sealed class HttpAnswer
    {
        private byte[]? _body;
        // Send answers (EsmsClient.PostPooledAsync): the body lives in an ArrayPool array of at
        // least _length bytes until ReturnBuffer; Body copies it out only if someone asks for it.
        private byte[]? _rented;
        private int _length;

        public HttpAnswer(int statusCode, byte[] body, string? mediaType, TimeSpan? retryAfter)
        {
            StatusCode = statusCode;
            _body = body;
            _length = body.Length;
            MediaType = mediaType;
            RetryAfter = retryAfter;
        }

        internal HttpAnswer(int statusCode, byte[] rented, int length, string? mediaType, TimeSpan? retryAfter)
        {
            StatusCode = statusCode;
            _rented = rented;
            _length = length;
            MediaType = mediaType;
            RetryAfter = retryAfter;
        }

        public int StatusCode { get; }
        /// <summary>The body, exactly as many bytes as came.</summary>
        public byte[] Body => _body ??= BodySpan.ToArray();
        /// <summary>The body without a copy; valid until <see cref="ReturnBuffer"/>.</summary>
        internal ReadOnlySpan<byte> BodySpan => _body != null ? new ReadOnlySpan<byte>(_body) : new ReadOnlySpan<byte>(_rented!, 0, _length);
        public string? MediaType { get; }
        /// <summary>The Retry-After header of a 429/503, when the server sent one.</summary>
        public TimeSpan? RetryAfter { get; }
        public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;

        /// <summary>The first characters of the body, for error messages.</summary>
        public string Excerpt(int max = 300)
        {
            int n = Math.Min(_length, max * 4);
            string s = System.Text.Encoding.UTF8.GetString(_body ?? _rented!, 0, n);
            s = s.Replace("\r", " ").Replace("\n", " ").Trim();
            if (s.Length > max) s = s.Substring(0, max) + "...";
            return s.Length == 0 ? "(empty body)" : s;
        }

        /// <summary>
        /// Gives a pooled body back (no-op for an ordinary answer). The answer must not be read after
        /// this; its body then reads as empty rather than as another request's bytes.
        /// </summary>
        internal void ReturnBuffer()
        {
            var rented = _rented;
            if (rented == null) return;
            _rented = Array.Empty<byte>();
            _length = 0;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
