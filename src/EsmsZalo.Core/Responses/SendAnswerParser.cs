using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EsmsZalo.Core.Responses
{
    /// <summary>
    /// Reads eSMS send answers with a forward-only reader (no DOM, no reflection): field names
    /// case-insensitive, codes as strings or numbers. Anything that is not a JSON object fails
    /// with <see cref="FormatException"/>, and the caller marks the rows Failed with the raw text.
    /// </summary>
    public static class SendAnswerParser
    {
        public static SendAnswer Parse(byte[] body) => Parse(new ReadOnlySpan<byte>(body));

        public static SendAnswer Parse(ReadOnlySpan<byte> body)
        {
            // A UTF-8 byte order mark is legal in front of JSON from WCF.
            if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF) body = body.Slice(3);
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            var answer = new SendAnswer();
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                    throw new FormatException("the answer is not a JSON object");
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (Is(ref reader, "CodeResult") || Is(ref reader, "CodeResponse") || Is(ref reader, "Code"))
                    {
                        reader.Read();
                        string? code = ReadScalar(ref reader);
                        // The first code field wins; some answers carry both spellings.
                        answer.Code ??= code;
                    }
                    else if (Is(ref reader, "SMSID")) { reader.Read(); answer.SmsId = ReadScalar(ref reader); }
                    else if (Is(ref reader, "ErrorMessage")) { reader.Read(); answer.ErrorMessage = ReadScalar(ref reader); }
                    else if (Is(ref reader, "Message")) { reader.Read(); answer.Message = ReadScalar(ref reader); }
                    else if (Is(ref reader, "error")) { reader.Read(); answer.Error = ReadScalarOrRaw(ref reader, body); }
                    else if (Is(ref reader, "TotalSuccess")) { reader.Read(); answer.TotalSuccess = ReadInt(ref reader); }
                    else if (Is(ref reader, "TotalFail")) { reader.Read(); answer.TotalFail = ReadInt(ref reader); }
                    else if (Is(ref reader, "detail"))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.StartArray) answer.Detail = ReadDetail(ref reader);
                        else reader.Skip();
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new FormatException("the answer is not valid JSON (" + ex.Message + ")", ex);
            }
            return answer;
        }

        private static List<SendAnswerItem> ReadDetail(ref Utf8JsonReader reader)
        {
            var list = new List<SendAnswerItem>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); continue; }
                var item = new SendAnswerItem();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (Is(ref reader, "CodeResult") || Is(ref reader, "CodeResponse") || Is(ref reader, "Code")) { reader.Read(); item.Code ??= ReadScalar(ref reader); }
                    else if (Is(ref reader, "Phone")) { reader.Read(); item.Phone = ReadScalar(ref reader); }
                    else if (Is(ref reader, "SMSID")) { reader.Read(); item.SmsId = ReadScalar(ref reader); }
                    else if (Is(ref reader, "ErrorMessage") || Is(ref reader, "Message")) { reader.Read(); item.ErrorMessage ??= ReadScalar(ref reader); }
                    else if (Is(ref reader, "RequestId")) { reader.Read(); item.RequestId = ReadScalar(ref reader); }
                    else { reader.Read(); reader.Skip(); }
                }
                list.Add(item);
            }
            return list;
        }

        /// <summary>Property-name match, exact first (the common case, no allocation), then ASCII case-insensitive.</summary>
        private static bool Is(ref Utf8JsonReader reader, string name)
        {
            if (reader.ValueTextEquals(name)) return true;
            if (reader.HasValueSequence || reader.ValueIsEscaped) return string.Equals(reader.GetString(), name, StringComparison.OrdinalIgnoreCase);
            var span = reader.ValueSpan;
            if (span.Length != name.Length) return false;
            for (int i = 0; i < span.Length; i++)
            {
                int a = span[i], b = name[i];
                if (a == b) continue;
                if ((a | 0x20) != (b | 0x20) || (a | 0x20) < 'a' || (a | 0x20) > 'z') return false;
            }
            return true;
        }

        private static string? ReadScalar(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    if (reader.ValueTextEquals("100")) return "100";
                    if (reader.ValueTextEquals("124")) return "124";
                    return reader.GetString();
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out long l))
                        return l == 100 ? "100" : l == 124 ? "124" : l.ToString(CultureInfo.InvariantCulture);
                    return Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                case JsonTokenType.True: return "true";
                case JsonTokenType.False: return "false";
                case JsonTokenType.Null: return null;
                default:
                    reader.Skip();
                    return null;
            }
        }

        private static string? ReadScalarOrRaw(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
        {
            if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
            {
                long start = reader.TokenStartIndex;
                reader.Skip();
                long end = reader.BytesConsumed;
                return Encoding.UTF8.GetString(body.Slice((int)start, (int)(end - start)).ToArray());
            }
            return ReadScalar(ref reader);
        }

        private static int? ReadInt(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int n)) return n;
            if (reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n)) return n;
            if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray) reader.Skip();
            return null;
        }
    }
}
