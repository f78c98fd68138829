using System;
using System.Collections;
using System.Globalization;

namespace EsmsZalo.Core.Sending
{
    /// <summary>Turns a raw cell value into the text eSMS gets, or says why it cannot.</summary>
    internal static class ValueText
    {
        /// <summary>eSMS and Zalo cap any single value far below this; longer is a mistake in the data.</summary>
        internal const int MaxValueLength = 4000;

        internal static bool TryConvert(object? value, out string? text, out string problem)
        {
            problem = string.Empty;
            switch (value)
            {
                case null:
                    text = null;
                    return true;
                case string s:
                    text = s;
                    break;
                case DateTime dt:
                    // Zalo's DATE parameters read day first, as Vietnamese people write dates.
                    text = dt.TimeOfDay == TimeSpan.Zero
                        ? dt.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                        : dt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
                    break;
                case DateTimeOffset dto:
                    text = dto.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
                    break;
                case bool b:
                    text = b ? "true" : "false";
                    break;
                case IFormattable f when IsNumber(value):
                    text = f.ToString(null, CultureInfo.InvariantCulture);
                    break;
                case char c:
                    text = c.ToString();
                    break;
                case IEnumerable _:
                    text = null;
                    problem = $"holds a list ({value.GetType().Name}), not a single value. Give one text value per cell.";
                    return false;
                default:
                    text = null;
                    problem = $"holds a {value.GetType().Name}, not text. Give a text or number value.";
                    return false;
            }

            if (text.Length > MaxValueLength)
            {
                problem = $"is {text.Length:N0} characters long; no template value may exceed {MaxValueLength:N0}. Check the column for pasted data.";
                text = null;
                return false;
            }
            return true;
        }

        private static bool IsNumber(object v) => v is int || v is long || v is short || v is byte || v is sbyte
            || v is uint || v is ulong || v is ushort || v is decimal || v is double || v is float;
    }
}
