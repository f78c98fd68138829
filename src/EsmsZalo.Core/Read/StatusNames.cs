namespace EsmsZalo.Core.Read
{
    /// <summary>The names eSMS's numeric codes stand for, as its docs give them.</summary>
    public static class StatusNames
    {
        public static string? SendStatus(int? status)
        {
            switch (status)
            {
                case null: return null;
                case 1: return "PendingApproval";
                case 2: return "Waiting";
                case 4: return "Rejected";
                case 5: return "Finished";
                case 7: return "AtTelco";
                default: return "Unknown" + status;
            }
        }

        public static string? MessageType(int? typeId)
        {
            switch (typeId)
            {
                case null: return null;
                case 1: return "SmsAdvertising";
                case 2: return "SmsCustomerCare";
                case 8: return "SmsFixedNumber";
                case 23: return "Viber";
                case 24: return "ZnsPriority";
                case 25: return "ZnsNormal";
                case 26: return "ZaloFollower";
                case 27: return "ZnsJourney";
                default: return "Unknown" + typeId;
            }
        }

        public static string? Telco(int? telcoId)
        {
            switch (telcoId)
            {
                case null: return null;
                case 1: return "Viettel";
                case 2: return "Mobifone";
                case 3: return "Vinaphone";
                case 4: return "Vietnamobile";
                case 5: return "Gtel";
                case 6: return "Itel";
                case 7: return "Reddi";
                default: return "Unknown" + telcoId;
            }
        }

        public static string? BrandnameType(int? type)
        {
            switch (type)
            {
                case null: return null;
                case 1: return "Advertising";
                case 2: return "CustomerCare";
                default: return "Unknown" + type;
            }
        }
    }
}
