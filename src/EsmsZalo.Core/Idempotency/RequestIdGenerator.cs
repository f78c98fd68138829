using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace EsmsZalo.Core.Idempotency
{
    /// <summary>
    /// Derives a RequestId from what a message is, so the same message sent again (a re-run of the
    /// same file, a retry) carries the same id and eSMS blocks it with 124 for 24 hours instead of
    /// delivering and charging twice. Two different messages never share an id (SHA-256, 160 bits kept).
    /// </summary>
    public static class RequestIdGenerator
    {
        /// <summary>eSMS's limit on RequestId length.</summary>
        public const int MaxLength = 50;
        private const string Prefix = "ez";

        // Per-thread scratch, reused by every call on that thread (the bulk path derives one id a row).
        // IncrementalHash rather than SHA256.ComputeHash: on .NET (OpenSSL) ComputeHash resets the
        // native context twice and allocates the hash twice; this costs one reset and one array.
        [ThreadStatic] private static IncrementalHash? _sha;
        [ThreadStatic] private static byte[]? _buffer;
        [ThreadStatic] private static char[]? _chars;

        /// <summary>
        /// The id for a message made of <paramref name="parts"/>: endpoint, OAID, template, phone,
        /// params or content, campaign, send date... Order matters; null and empty are distinct.
        /// </summary>
        public static string Derive(IReadOnlyList<string?> parts)
        {
            // Length-prefixed fields, so ("ab","c") and ("a","bc") never collide.
            int max = 0;
            for (int i = 0; i < parts.Count; i++) max += 5 + Encoding.UTF8.GetMaxByteCount(parts[i]?.Length ?? 0);
            var buffer = _buffer;
            if (buffer == null || buffer.Length < max) _buffer = buffer = new byte[Math.Max(max, 1024)];

            int n = 0;
            for (int i = 0; i < parts.Count; i++)
            {
                string? p = parts[i];
                if (p == null) { buffer[n++] = 0xFF; continue; }
                int len = Encoding.UTF8.GetBytes(p, 0, p.Length, buffer, n + 5);
                buffer[n] = 0xFE;
                buffer[n + 1] = (byte)(len >> 24);
                buffer[n + 2] = (byte)(len >> 16);
                buffer[n + 3] = (byte)(len >> 8);
                buffer[n + 4] = (byte)len;
                n += 5 + len;
            }

            var sha = _sha ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(buffer, 0, n);
            return Format(sha.GetHashAndReset());
        }

        private static string Format(byte[] hash)
        {
            // "ez" + 40 lowercase hex = 42 characters, under eSMS's 50. Built in a per-thread scratch
            // array: the only allocation is the string itself.
            const string hex = "0123456789abcdef";
            var chars = _chars ??= new char[Prefix.Length + 40];
            Prefix.CopyTo(0, chars, 0, Prefix.Length);
            for (int i = 0; i < 20; i++)
            {
                chars[Prefix.Length + 2 * i] = hex[hash[i] >> 4];
                chars[Prefix.Length + 2 * i + 1] = hex[hash[i] & 0xF];
            }
            return new string(chars);
        }

        /// <summary>Checks a RequestId the user gave.</summary>
        public static bool IsValid(string requestId, out string error)
        {
            if (requestId.Length > MaxLength)
            {
                error = $"RequestId is {requestId.Length} characters long; eSMS allows at most {MaxLength}. Shorten it, or leave RequestId empty and the module derives one.";
                return false;
            }
            foreach (char c in requestId)
            {
                if (char.IsControl(c))
                {
                    error = "RequestId contains a control character. Use letters, digits, '-' and '_'.";
                    return false;
                }
            }
            error = string.Empty;
            return true;
        }

        /// <summary>A 64-bit fingerprint of a RequestId, to spot repeats in a run of millions of rows cheaply.</summary>
        public static ulong Fingerprint(string requestId)
        {
            ulong h = 14695981039346656037UL;
            foreach (char c in requestId)
            {
                h ^= c;
                h *= 1099511628211UL;
            }
            return h;
        }
    }
}
