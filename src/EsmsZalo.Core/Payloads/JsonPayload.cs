using System.Text.Encodings.Web;
using System.Text.Json;

namespace EsmsZalo.Core.Payloads
{
    /// <summary>Writer settings shared by the JSON payloads.</summary>
    internal static class JsonPayload
    {
        // Vietnamese text goes out as UTF-8 as in eSMS's own samples ("Chiến dịch 1"), not as \u escapes.
        // The relaxed encoder still escapes quotes, backslashes and control characters; the body is
        // never embedded in HTML, which is the case the strict default guards against.
        internal static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = false,
            SkipValidation = true,
        };

        internal static void WriteStringOrEmpty(Utf8JsonWriter w, JsonEncodedText name, string? value)
            => w.WriteString(name, value ?? string.Empty);
    }
}
