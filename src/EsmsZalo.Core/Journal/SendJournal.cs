using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using EsmsZalo.Core.Payloads;

namespace EsmsZalo.Core.Journal
{
    /// <summary>
    /// An append-only JSON-lines file of row outcomes. Written once per answered request and
    /// flushed to the OS at once (a killed process loses nothing), to disk at most once a second
    /// (a reboot may lose the last second, which eSMS's RequestId block then covers). Holds no
    /// keys: only row identity, phone, status, code, SMSID. A torn or corrupt line is skipped and
    /// reported, never fatal.
    /// </summary>
    public sealed class SendJournal : ISendJournal, IDisposable
    {
        private readonly Dictionary<string, JournalEntry> _completed = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        // Rows an earlier run sent with no final outcome recorded: key -> first "Sending" time.
        private readonly Dictionary<string, DateTimeOffset> _unsettled = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly List<string> _warnings = new List<string>();
        private readonly object _lock = new object();
        private readonly FileStream _stream;
        private readonly PooledBufferWriter _buffer = new PooledBufferWriter(64 * 1024);
        private readonly Stopwatch _sinceDiskFlush = Stopwatch.StartNew();
        private bool _disposed;

        private SendJournal(string path, FileStream stream)
        {
            Path = path;
            _stream = stream;
        }

        public string Path { get; }
        /// <summary>Lines of the existing file that could not be read (torn by a kill, edited by hand).</summary>
        public IReadOnlyList<string> Warnings => _warnings;
        /// <summary>Rows an earlier run completed (Accepted or Duplicate).</summary>
        public int CompletedCount => _completed.Count;

        /// <summary>Opens (or creates) the journal at <paramref name="path"/> and reads what it already holds.</summary>
        public static SendJournal Open(string path)
        {
            string full = System.IO.Path.GetFullPath(path);
            string? dir = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            var stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
            var journal = new SendJournal(full, stream);
            try
            {
                journal.Load();
            }
            catch
            {
                stream.Dispose();
                throw;
            }
            return journal;
        }

        private void Load()
        {
            _stream.Position = 0;
            using (var reader = new StreamReader(_stream, new UTF8Encoding(false), true, 65536, leaveOpen: true))
            {
                string? line;
                long number = 0;
                while ((line = reader.ReadLine()) != null)
                {
                    number++;
                    if (line.Length == 0) continue;
                    if (!TryParse(line, out var entry))
                    {
                        _warnings.Add($"Journal {Path} line {number} could not be read and was skipped (a run killed while writing leaves such a line): {Shorten(line)}");
                        continue;
                    }
                    // A sandbox row was never delivered: a real run must still send it.
                    if (entry.Sandbox) continue;
                    if (entry.Status == nameof(SendStatus.Accepted) || entry.Status == nameof(SendStatus.Duplicate) || entry.Status == nameof(SendStatus.Skipped))
                    {
                        if (!_completed.ContainsKey(entry.Key)) _completed[entry.Key] = entry;
                        _unsettled.Remove(entry.Key);
                    }
                    else if (entry.Status == SendingStatus)
                    {
                        if (!_completed.ContainsKey(entry.Key) && !_unsettled.ContainsKey(entry.Key)
                            && DateTimeOffset.TryParse(entry.Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent))
                            _unsettled[entry.Key] = sent;
                    }
                    else if (entry.Status == nameof(SendStatus.Rejected))
                    {
                        // eSMS refused it (or the module did): nothing went out; a new run may send it.
                        _unsettled.Remove(entry.Key);
                    }
                }
            }

            // A torn last line must not swallow the first line this run appends.
            _stream.Seek(0, SeekOrigin.End);
            if (_stream.Length > 0)
            {
                _stream.Seek(-1, SeekOrigin.End);
                int last = _stream.ReadByte();
                _stream.Seek(0, SeekOrigin.End);
                if (last != '\n') _stream.WriteByte((byte)'\n');
            }
        }

        private static bool TryParse(string line, out JournalEntry entry)
        {
            entry = new JournalEntry();
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return false;
                if (!root.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String) return false;
                entry.Key = key.GetString()!;
                entry.Status = Str(root, "status");
                entry.SmsId = Str(root, "smsId");
                entry.Code = Str(root, "code");
                entry.RequestId = Str(root, "requestId");
                entry.Phone = Str(root, "phone");
                entry.Time = Str(root, "time");
                entry.Sandbox = root.TryGetProperty("sandbox", out var sb) && sb.ValueKind == JsonValueKind.True;
                if (root.TryGetProperty("row", out var row) && row.ValueKind == JsonValueKind.Number) entry.Row = row.GetInt64();
                return entry.Key.Length > 0 && entry.Status != null;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static string? Str(JsonElement e, string name)
            => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        /// <summary>The status written before a request goes out.</summary>
        public const string SendingStatus = "Sending";

        public bool TryGetCompleted(string key, out JournalEntry entry)
        {
            lock (_lock) return _completed.TryGetValue(key, out entry!);
        }

        public bool TryGetUnsettled(string key, out DateTimeOffset firstSent)
        {
            lock (_lock) return _unsettled.TryGetValue(key, out firstSent);
        }

        public void RecordSending(IReadOnlyList<JournalEntry> rows)
        {
            if (rows.Count == 0) return;
            lock (_lock)
            {
                if (_disposed) return;
                _buffer.Clear();
                string time = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                using (var w = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    foreach (var r in rows)
                    {
                        w.Reset(_buffer);
                        w.WriteStartObject();
                        w.WriteString("time", time);
                        w.WriteString("key", r.Key);
                        w.WriteNumber("row", r.Row);
                        w.WriteString("phone", r.Phone);
                        w.WriteString("status", SendingStatus);
                        w.WriteString("requestId", r.RequestId);
                        if (r.Sandbox) w.WriteBoolean("sandbox", true);
                        w.WriteEndObject();
                        w.Flush();
                        _buffer.GetSpan(1)[0] = (byte)'\n';
                        _buffer.Advance(1);
                    }
                }
                // Flushed to the OS before the request leaves, so a kill right after cannot lose it.
                _stream.Write(_buffer.RawBuffer, 0, _buffer.WrittenCount);
                _stream.Flush(flushToDisk: false);
            }
        }

        public void Record(IReadOnlyList<SendResult> results)
        {
            if (results.Count == 0) return;
            lock (_lock)
            {
                if (_disposed) return;
                _buffer.Clear();
                string time = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                using (var w = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    foreach (var r in results)
                    {
                        if (r.JournalKey == null) continue;
                        w.Reset(_buffer);
                        w.WriteStartObject();
                        w.WriteString("time", time);
                        w.WriteString("key", r.JournalKey);
                        w.WriteNumber("row", r.Row);
                        w.WriteString("phone", r.Phone);
                        w.WriteString("status", r.Status.ToString());
                        w.WriteString("code", r.CodeResult);
                        w.WriteString("smsId", r.SmsId);
                        w.WriteString("requestId", r.RequestId);
                        w.WriteString("endpoint", r.Endpoint);
                        w.WriteNumber("attempts", r.Attempts);
                        if (r.Sandbox) w.WriteBoolean("sandbox", true);
                        w.WriteEndObject();
                        w.Flush();
                        _buffer.GetSpan(1)[0] = (byte)'\n';
                        _buffer.Advance(1);
                        if ((r.Status == SendStatus.Accepted || r.Status == SendStatus.Duplicate) && !r.Sandbox && !_completed.ContainsKey(r.JournalKey))
                            _completed[r.JournalKey] = new JournalEntry { Key = r.JournalKey, Status = r.Status.ToString(), SmsId = r.SmsId, Code = r.CodeResult, RequestId = r.RequestId, Phone = r.Phone, Row = r.Row, Time = time };
                    }
                }
                _stream.Write(_buffer.RawBuffer, 0, _buffer.WrittenCount);
                _stream.Flush(flushToDisk: false);
                if (_sinceDiskFlush.ElapsedMilliseconds >= 1000)
                {
                    _stream.Flush(flushToDisk: true);
                    _sinceDiskFlush.Restart();
                }
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                if (_disposed) return;
                _disposed = true;
                try { _stream.Flush(flushToDisk: true); } catch (IOException) { }
                _stream.Dispose();
                _buffer.Dispose();
            }
        }

        private static string Shorten(string s) => s.Length <= 120 ? s : s.Substring(0, 117) + "...";
    }
}
