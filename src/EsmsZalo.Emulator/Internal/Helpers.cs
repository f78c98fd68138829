using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EsmsZalo.Emulator.Internal;

/// <summary>Lenient field access: names case-insensitive, values may be strings, numbers or booleans.</summary>
internal static class Json
{
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            value = default;
            return false;
        }
        if (obj.TryGetProperty(name, out value)) return true;
        foreach (var p in obj.EnumerateObject())
        {
            if (p.Name.Length == name.Length && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The value as a string: strings as is, numbers as their literal text, booleans "true"/"false"; null otherwise.</summary>
    public static string? AsString(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static string? Str(JsonElement obj, string name) => TryGet(obj, name, out var v) ? AsString(v) : null;

    /// <summary>Trimmed non-empty string, or null.</summary>
    public static string? StrT(JsonElement obj, string name)
    {
        var s = Str(obj, name)?.Trim();
        return string.IsNullOrEmpty(s) ? null : s;
    }

    /// <summary>Array of scalars as strings; null when missing or not an array (or holds objects/arrays).</summary>
    public static string[]? StrArray(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array) return null;
        var result = new string[e.GetArrayLength()];
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var s = item.ValueKind == JsonValueKind.Null ? "" : AsString(item);
            if (s is null) return null;
            result[i++] = s;
        }
        return result;
    }

    /// <summary>"1", 1, true, "true" (any case) are true.</summary>
    public static bool IsTrue(string? s) =>
        s is not null && (s.Trim() == "1" || s.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
}

internal static class Phones
{
    /// <summary>Accepts 0xxxxxxxxx (10 digits) and 84xxxxxxxxx (11 digits), surrounding spaces ignored.</summary>
    public static bool TryNormalize(string? phone, out string normalized)
    {
        normalized = "";
        if (phone is null) return false;
        var p = phone.AsSpan().Trim();
        foreach (var c in p)
        {
            if (c is < '0' or > '9') return false;
        }
        if (p.Length == 10 && p[0] == '0')
        {
            normalized = p.Length == phone.Length ? phone : p.ToString();
            return true;
        }
        if (p.Length == 11 && p[0] == '8' && p[1] == '4')
        {
            normalized = string.Concat("0", p[2..]);
            return true;
        }
        return false;
    }

    /// <summary>Telco id of the callback (1 Viettel, 2 Mobifone, 3 Vinaphone, 4 Vietnamobile, 5 Gtel, 6 Itel, 7 Reddi).</summary>
    public static int TelcoId(string normalized)
    {
        if (normalized.Length < 3) return 1;
        var prefix = (normalized[1] - '0') * 10 + (normalized[2] - '0');
        return prefix switch
        {
            86 or 96 or 97 or 98 or (>= 32 and <= 39) => 1,
            89 or 90 or 93 or 70 or (>= 76 and <= 79) => 2,
            88 or 91 or 94 or (>= 81 and <= 85) => 3,
            92 or 56 or 58 => 4,
            99 or 59 => 5,
            87 => 6,
            55 => 7,
            _ => 1,
        };
    }

    public static string NetworkName(int telcoId) => telcoId switch
    {
        1 => "Viettel",
        2 => "Mobifone",
        3 => "Vinaphone",
        4 => "Vietnamobile",
        5 => "Gtel",
        6 => "Itel",
        7 => "Reddi",
        _ => "Unknown",
    };
}

internal static class Checks
{
    public static bool IsValidSendDate(string s) =>
        DateTime.TryParseExact(s, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsValidCallbackUrl(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static string NewSmsId(string suffix) => Guid.NewGuid().ToString("N") + suffix;

    public static string NewBulkSmsId() => Guid.NewGuid().ToString("D") + "264";
}

/// <summary>A buffered answer: written fully before the emulator decides to send it or abort the connection.</summary>
internal sealed class Reply
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private Utf8JsonWriter? _writer;

    public int Status { get; set; } = 200;
    public string ContentType { get; set; } = "application/json; charset=utf-8";
    public ArrayBufferWriter<byte> Buffer { get; } = new(512);
    public Dictionary<string, string>? Headers { get; set; }

    public Utf8JsonWriter Json => _writer ??= new Utf8JsonWriter(Buffer, WriterOptions);

    public void Flush() => _writer?.Flush();

    public void Text(string text, string contentType = "text/plain; charset=utf-8")
    {
        ContentType = contentType;
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Buffer.Write(bytes);
    }

    /// <summary>{"CodeResult":code,"CountRegenerate":0,"ErrorMessage":message}</summary>
    public void Error(string code, string message)
    {
        var w = Json;
        w.WriteStartObject();
        w.WriteString("CodeResult", code);
        w.WriteNumber("CountRegenerate", 0);
        w.WriteString("ErrorMessage", message);
        w.WriteEndObject();
    }

    /// <summary>{"CodeResult":"100","CountRegenerate":0,"SMSID":id}</summary>
    public void Accepted(string smsId)
    {
        var w = Json;
        w.WriteStartObject();
        w.WriteString("CodeResult", "100");
        w.WriteNumber("CountRegenerate", 0);
        w.WriteString("SMSID", smsId);
        w.WriteEndObject();
    }

    /// <summary>{"error":"Invalid request"} — what the WCF service answers to an unreadable body.</summary>
    public void InvalidRequest()
    {
        Reset();
        var w = Json;
        w.WriteStartObject();
        w.WriteString("error", "Invalid request");
        w.WriteEndObject();
    }

    public void Reset()
    {
        Buffer.Clear();
        _writer?.Reset(Buffer);
        Status = 200;
        ContentType = "application/json; charset=utf-8";
    }
}
