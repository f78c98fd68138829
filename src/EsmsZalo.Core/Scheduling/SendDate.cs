using System;
using System.Globalization;

namespace EsmsZalo.Core.Scheduling
{
    /// <summary>
    /// eSMS schedules in Vietnam time (UTC+07:00, no daylight saving) as "yyyy-MM-dd HH:mm:ss".
    /// A DateTimeOffset, or a DateTime of kind Local or Utc, is converted exactly. A time with no
    /// zone (a typed string, a DateTime of kind Unspecified) is read as Vietnam time, because that
    /// is the clock eSMS and the admin's customers live by, whatever zone the sending machine is in.
    /// </summary>
    public static class SendDate
    {
        public const string Format = "yyyy-MM-dd HH:mm:ss";
        public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

        private static readonly string[] AcceptedFormats =
        {
            // Day before month, as Vietnamese spreadsheets write it; never the US order.
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm",
            "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
            "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm",
        };

        /// <summary>
        /// Turns <paramref name="value"/> (DateTime, DateTimeOffset or string) into eSMS's format.
        /// Null or empty means "send now" and gives an empty <paramref name="formatted"/>.
        /// </summary>
        public static bool TryFormat(object? value, DateTimeOffset now, out string formatted, out string error)
        {
            formatted = string.Empty;
            error = string.Empty;
            DateTimeOffset instant;
            switch (value)
            {
                case null:
                    return true;
                case DateTimeOffset dto:
                    instant = dto;
                    break;
                case DateTime dt:
                    instant = FromDateTime(dt);
                    break;
                case string s:
                    s = s.Trim();
                    if (s.Length == 0) return true;
                    if (!TryParseString(s, out instant))
                    {
                        error = $"SendDate '{Shorten(s)}' is not a date and time. Use yyyy-MM-dd HH:mm:ss in Vietnam time, such as {now.ToOffset(VietnamOffset).AddDays(1):yyyy-MM-dd} 09:00:00, or leave it empty to send now.";
                        return false;
                    }
                    break;
                default:
                    return TryFormat(Convert.ToString(value, CultureInfo.InvariantCulture), now, out formatted, out error);
            }

            var vietnam = instant.ToOffset(VietnamOffset);
            // eSMS works to the second; a date a few seconds old is a clock skew, not an intent.
            if (vietnam < now.AddSeconds(-60))
            {
                error = $"SendDate {vietnam.ToString(Format, CultureInfo.InvariantCulture)} (Vietnam time) is in the past. Give a future time, or leave SendDate empty to send now.";
                return false;
            }

            formatted = vietnam.ToString(Format, CultureInfo.InvariantCulture);
            return true;
        }

        private static DateTimeOffset FromDateTime(DateTime dt) => dt.Kind switch
        {
            DateTimeKind.Utc => new DateTimeOffset(dt, TimeSpan.Zero),
            DateTimeKind.Local => new DateTimeOffset(dt),
            _ => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified), VietnamOffset),
        };

        private static bool TryParseString(string s, out DateTimeOffset instant)
        {
            // An explicit zone (2026-12-01T09:00:00+07:00, ...Z) is honoured.
            bool hasZone = s.EndsWith("Z", StringComparison.OrdinalIgnoreCase)
                || (s.Length > 6 && (s[s.Length - 6] == '+' || s[s.Length - 6] == '-') && s[s.Length - 3] == ':');
            if (hasZone && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
                return true;

            if (DateTime.TryParseExact(s, AcceptedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                instant = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), VietnamOffset);
                return true;
            }

            instant = default;
            return false;
        }

        private static string Shorten(string s) => s.Length <= 40 ? s : s.Substring(0, 37) + "...";
    }
}
