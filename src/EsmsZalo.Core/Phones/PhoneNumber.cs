using System;

namespace EsmsZalo.Core.Phones
{
    /// <summary>
    /// Vietnamese mobile numbers as eSMS wants them: ten digits with a leading 0 (0901888484).
    /// Accepts what spreadsheets and people produce (+84, 84, a 0 dropped by Excel, spaces, dots,
    /// dashes, brackets) and refuses everything else before any request is made.
    /// </summary>
    public static class PhoneNumber
    {
        /// <summary>Normalises <paramref name="input"/> to 0xxxxxxxxx or says why it cannot.</summary>
        public static bool TryNormalize(string? input, out string normalized, out string error)
        {
            normalized = string.Empty;
            if (input is null || IsBlank(input))
            {
                error = "the phone number is empty. Fill in a 10-digit Vietnamese mobile number such as 0901888484.";
                return false;
            }

            // Collect digits, allowing only the separators people type; a leading + is allowed once.
            Span<char> digits = stackalloc char[16];
            int count = 0;
            bool plus = false;
            for (int i = 0; i < input.Length; i++)
            {
                char c = input[i];
                if (c >= '0' && c <= '9')
                {
                    if (count == digits.Length) { error = TooLong(input); return false; }
                    digits[count++] = c;
                }
                else if (c == '+' && count == 0 && !plus) plus = true;
                else if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '\t' || c == '\u00A0') continue;
                else
                {
                    error = $"'{Shorten(input)}' is not a phone number: it contains '{c}'. Use digits only, such as 0901888484 or +84901888484.";
                    return false;
                }
            }

            if (count == 0)
            {
                error = $"'{Shorten(input)}' holds no digits. Fill in a 10-digit Vietnamese mobile number such as 0901888484.";
                return false;
            }

            int from;
            if (count == 11 && digits[0] == '8' && digits[1] == '4') from = 2;          // 84901888484
            else if (count == 12 && digits[0] == '8' && digits[1] == '4' && digits[2] == '0') from = 3; // +84 0901888484
            else if (plus)
            {
                error = $"'{Shorten(input)}' is not a Vietnamese number (+84). eSMS sends to Vietnamese numbers only.";
                return false;
            }
            else if (count == 10 && digits[0] == '0') from = 1;                         // 0901888484
            else if (count == 9 && digits[0] != '0') from = 0;                          // 901888484 (Excel dropped the 0)
            else if (count < 9 || (count == 9 && digits[0] == '0'))
            {
                error = $"'{Shorten(input)}' is too short for a Vietnamese mobile number ({count} digits). It needs 10 digits, such as 0901888484.";
                return false;
            }
            else if (count > 11 && !(digits[0] == '8' && digits[1] == '4'))
            {
                error = TooLong(input);
                return false;
            }
            else
            {
                error = $"'{Shorten(input)}' is not a Vietnamese mobile number. Use 10 digits starting with 0 (0901888484) or +84 followed by 9 digits.";
                return false;
            }

            // Vietnamese mobile ranges start 03, 05, 07, 08, 09 after the trunk 0.
            char first = digits[from];
            if (first != '3' && first != '5' && first != '7' && first != '8' && first != '9')
            {
                error = $"'{Shorten(input)}' is not a Vietnamese mobile number: mobile numbers start with 03, 05, 07, 08 or 09.";
                return false;
            }

            error = string.Empty;
            // Already ten plain digits (the common case in a clean file): the input is the answer,
            // no new string needed.
            if (from == 1 && input.Length == 10)
            {
                normalized = input;
                return true;
            }
            Span<char> result = stackalloc char[10];
            result[0] = '0';
            digits.Slice(from, 9).CopyTo(result.Slice(1));
            normalized = NewString(result);
            return true;
        }

        private static unsafe string NewString(Span<char> chars)
        {
            // netstandard2.0 has no string(ReadOnlySpan<char>) constructor; the pointer one copies the same.
            fixed (char* p = chars) return new string(p, 0, chars.Length);
        }

        /// <summary>Normalises or throws <see cref="FormatException"/> with the reason.</summary>
        public static string Normalize(string? input)
            => TryNormalize(input, out var n, out var e) ? n : throw new FormatException(e);

        private static string TooLong(string input)
            => $"'{Shorten(input)}' is too long for a Vietnamese mobile number. It needs 10 digits, such as 0901888484.";

        private static bool IsBlank(string s)
        {
            foreach (char c in s) if (!char.IsWhiteSpace(c)) return false;
            return true;
        }

        internal static string Shorten(string s) => s.Length <= 40 ? s : s.Substring(0, 37) + "...";
    }
}
