using System.Diagnostics;
using EsmsZalo.Core.Idempotency;
using EsmsZalo.Core.Payloads;
using EsmsZalo.Core.Responses;

namespace EsmsZalo.Benchmarks;

/// <summary>Time and managed bytes per item of one operation, on one thread, after warm-up.</summary>
internal readonly record struct CostPerItem(double Microseconds, double Bytes);

internal static class CpuCost
{
    /// <summary>
    /// Runs <paramref name="op"/> (which handles <paramref name="itemsPerOp"/> items) <paramref name="iterations"/>
    /// times per repetition, several repetitions, and keeps the fastest repetition (the least disturbed).
    /// </summary>
    public static CostPerItem Measure(Action op, int itemsPerOp, int iterations, int repetitions)
    {
        for (int i = 0; i < Math.Max(50, iterations / 5); i++) op(); // warm-up: tiering, PGO, pools
        double best = double.MaxValue, bytes = double.MaxValue;
        for (int r = 0; r < repetitions; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < iterations; i++) op();
            long t1 = Stopwatch.GetTimestamp();
            long a1 = GC.GetAllocatedBytesForCurrentThread();
            double us = (t1 - t0) * 1e6 / Stopwatch.Frequency / iterations / itemsPerOp;
            best = Math.Min(best, us);
            bytes = Math.Min(bytes, (double)(a1 - a0) / iterations / itemsPerOp);
        }
        return new CostPerItem(best, bytes);
    }

    /// <summary>500 items as the bulk channel has them: normalised phone, derived 42-character RequestId, four values.</summary>
    public static BulkItem[] BulkItems(int tag)
    {
        var items = new BulkItem[500];
        for (int i = 0; i < items.Length; i++)
        {
            var c = Workloads.Row(tag, i);
            var values = new[] { c.CustomerName, c.Service, c.CustomerCode, c.AppointmentDate };
            string rid = RequestIdGenerator.Derive(new[] { "Send_zns_bulk_v4_post_json", Workloads.OAID, Workloads.TemplateId, c.Phone, null, null, null, values[0], values[1], values[2], values[3] });
            items[i] = new BulkItem(c.Phone, rid, values);
        }
        return items;
    }

    /// <summary>A 500-row answer, in the emulator's (= eSMS's documented) layout, built without a server.</summary>
    public static byte[] BulkAnswer(BulkItem[] items)
    {
        using var buffer = new PooledBufferWriter(64 * 1024);
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("CodeResult", "100");
            w.WriteString("Message", "Sucess");
            w.WriteNumber("TotalSuccess", items.Length);
            w.WriteNumber("TotalFail", 0);
            w.WriteStartArray("detail");
            foreach (var it in items)
            {
                w.WriteStartObject();
                w.WriteString("CodeResult", "100");
                w.WriteString("Phone", it.Phone);
                w.WriteString("SMSID", Guid.NewGuid().ToString("D") + "264");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static SmsSettings SmsSettings() => new()
    {
        Content = "Salon Demo: ưu đãi 20% cho dịch vụ Cắt tóc nam từ 01/12 đến 31/12/2026. Đặt lịch tại salondemo.vn hoặc gọi 0901888484. Từ chối: TC gửi 8079",
        SmsType = "2",
        Brandname = "Baotrixemay",
    };

    public static string[] SmsPhones(int n)
    {
        var phones = new string[n];
        for (int i = 0; i < n; i++) phones[i] = Workloads.Row(7, i).Phone;
        return phones;
    }

    /// <summary>SHA-256 of the bytes, to prove an optimisation left a payload byte-for-byte the same.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16];

    public static SendAnswer Parse(byte[] answer) => SendAnswerParser.Parse(answer);
}
