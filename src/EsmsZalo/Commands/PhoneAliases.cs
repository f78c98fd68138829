namespace EsmsZalo.Commands
{
    /// <summary>Column names people use for the phone number, bound to -Phone by property name.</summary>
    internal static class PhoneAliases
    {
        // Attribute arguments must be constants; kept here so every cmdlet lists the same names.
        internal const string A1 = "PhoneNumber", A2 = "Mobile", A3 = "MobilePhone", A4 = "Phones", A5 = "SoDienThoai",
            A6 = "SDT", A7 = "So_Dien_Thoai", A8 = "DienThoai", A9 = "Tel", A10 = "Telephone", A11 = "Msisdn",
            A12 = "SĐT", A13 = "Số điện thoại", A14 = "SoDT", A15 = "Receiver";
    }
}
