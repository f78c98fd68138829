using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Journal;

namespace EsmsZalo.Core.Sending
{
    /// <summary>
    /// Sends a stream of rows through one endpoint. Rows are checked and batched as they arrive;
    /// full requests go out in the background, at most ThrottleLimit at once (Add blocks when all
    /// are busy, so memory stays bounded whatever the input size); results come back in input
    /// order as soon as they are known. Made for a PowerShell cmdlet, whose Write* calls must stay
    /// on the pipeline thread: <see cref="Add"/>, <see cref="TakeReady"/> and <see cref="Complete"/>
    /// belong to that thread; background work only stores results and messages for it to take.
    /// </summary>
    public sealed class SendSession : IDisposable
    {
        private readonly SendChannel _channel;
        private readonly SendOptions _options;
        private readonly CancellationTokenSource _cts = new CancellationTokenSource();
        private readonly SemaphoreSlim _gate;
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);
        private readonly object _lock = new object();
        private readonly Dictionary<long, SendResult> _done = new Dictionary<long, SendResult>();
        private readonly List<KeyValuePair<object, List<PreparedRow>>> _open = new List<KeyValuePair<object, List<PreparedRow>>>();
        private readonly ConcurrentQueue<string> _verbose = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();
        private readonly EsmsClient _client;
        /// <summary>eSMS blocks a repeated RequestId for 24 h; an hour's margin for clocks and queues.</summary>
        internal static readonly TimeSpan UnsettledLimit = TimeSpan.FromHours(23);
        private long _count;
        private long _next = 1;
        private int _openRows;
        private volatile string? _stopCode;
        private string? _stopMessage;

        public SendSession(MessageKind kind, EsmsClient client, SendOptions? options = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _options = options ?? new SendOptions();
            if (_options.ThrottleLimit < 1) throw new ArgumentOutOfRangeException(nameof(options), "ThrottleLimit must be at least 1.");
            client.Timeout = _options.Retry.Timeout;
            Action<string> verbose = m => _verbose.Enqueue(m);
            _channel = kind switch
            {
                MessageKind.Zns => new ZnsChannel(client, _options, verbose),
                MessageKind.ZnsBulk => new ZnsBulkChannel(client, _options, verbose),
                MessageKind.Journey => new JourneyChannel(client, _options, verbose),
                MessageKind.SmsMulti => new SmsMultiChannel(client, _options, verbose),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
            if (_options.Journal != null) _channel.AnsweredEarly = Journal;
            Kind = kind;
            _gate = new SemaphoreSlim(_options.ThrottleLimit, _options.ThrottleLimit);
        }

        public MessageKind Kind { get; }
        public string Endpoint => _channel.Endpoint;
        public SendProgress Progress { get; } = new SendProgress();
        public CancellationToken CancellationToken => _cts.Token;
        /// <summary>Rows given to <see cref="Add"/> so far.</summary>
        public long RowCount => _count;

        /// <summary>Takes one row. May block while ThrottleLimit requests are in flight. Pipeline thread only.</summary>
        public void Add(MessageRow row)
        {
            if (row == null) throw new ArgumentNullException(nameof(row));
            _cts.Token.ThrowIfCancellationRequested();
            long index = ++_count;
            Progress.AddRow();

            var rejected = _channel.Prepare(row, index, out var prepared);
            if (rejected != null)
            {
                Store(rejected);
                return;
            }
            var p = prepared!;
            if (_options.Journal != null && _options.Journal.TryGetCompleted(p.JournalKey, out var earlier))
            {
                Store(new SendResult
                {
                    Row = index, Phone = p.Phone, Status = SendStatus.Skipped, CodeResult = earlier.Code, SmsId = earlier.SmsId,
                    RequestId = earlier.RequestId ?? (p.RequestId.Length > 0 ? p.RequestId : null), Endpoint = Endpoint,
                    Message = $"Not sent: the journal records this row as {earlier.Status} in an earlier run{(earlier.Time != null ? " (" + earlier.Time + ")" : "")}.",
                    InputObject = row.InputObject, Sandbox = row.Sandbox,
                });
                return;
            }
            if (_options.Journal != null && _options.Journal.TryGetUnsettled(p.JournalKey, out var firstSent)
                && _options.Now() - firstSent >= UnsettledLimit)
            {
                // eSMS blocks a repeated RequestId for 24 h only. Past that, re-sending a row whose
                // earlier outcome is unknown could deliver (and charge) it twice: say so instead.
                Store(new SendResult
                {
                    Row = index, Phone = p.Phone, Status = SendStatus.Failed, ErrorId = ErrorIds.OutcomeUnknown,
                    RequestId = p.RequestId.Length > 0 ? p.RequestId : null, Endpoint = Endpoint, InputObject = row.InputObject, Sandbox = row.Sandbox,
                    Message = $"Row {index}: not sent again. An earlier run sent it at {firstSent:yyyy-MM-dd HH:mm} UTC and never learned the outcome (it was stopped, or eSMS's answer was lost). "
                        + "That was more than 23 hours ago, so eSMS would no longer block a repeat and the customer could get it twice. "
                        + "Check whether it arrived (eSMS portal or callbacks); to send it anyway, send this row without -JournalPath.",
                });
                return;
            }
            var repeat = _channel.CheckRepeat(p);
            if (repeat != null)
            {
                Store(repeat);
                return;
            }
            if (_stopCode != null)
            {
                Store(NotSent(p));
                return;
            }

            var list = OpenListFor(p.BatchKey);
            list.Add(p);
            _openRows++;
            int cut = _channel.CutNow(list.Count);
            if (cut > 0) Dispatch(Cut(list, cut));

            // Rows held in a rarely-used request (another template, another date) would hold back
            // the ordered output of everything after them; send such partial requests early.
            if (Kind != MessageKind.SmsMulti && _openRows > list.Count && index - _next > 2L * _channel.BatchSize * _options.ThrottleLimit)
                FlushOthers(list);
        }

        /// <summary>Results known so far, in input order, that have not been taken yet. Pipeline thread only.</summary>
        public IReadOnlyList<SendResult> TakeReady()
        {
            List<SendResult>? ready = null;
            lock (_lock)
            {
                while (_done.TryGetValue(_next, out var r))
                {
                    _done.Remove(_next);
                    _next++;
                    // At most every stored result is ready: sized once, never grown.
                    (ready ??= new List<SendResult>(_done.Count + 1)).Add(r);
                }
            }
            return (IReadOnlyList<SendResult>?)ready ?? Array.Empty<SendResult>();
        }

        /// <summary>Sends what is still waiting and yields the remaining results in order as they arrive.</summary>
        public IEnumerable<SendResult> Complete()
        {
            foreach (var kv in _open.ToArray())
            {
                var list = kv.Value;
                foreach (int n in _channel.CutAtEnd(list.Count)) Dispatch(Cut(list, n));
            }
            _open.Clear();

            while (true)
            {
                foreach (var r in TakeReady()) yield return r;
                if (Interlocked.Read(ref _next) > _count) yield break;
                _signal.Wait(_cts.Token);
            }
        }

        /// <summary>A message for WriteVerbose (retries, stops), or false.</summary>
        public bool TryTakeVerbose(out string message) => _verbose.TryDequeue(out message!);

        /// <summary>A message for WriteWarning (journal trouble), or false.</summary>
        public bool TryTakeWarning(out string message) => _warnings.TryDequeue(out message!);

        /// <summary>Stops at once: in-flight requests and retry delays are cancelled. Any thread.</summary>
        public void Cancel()
        {
            try { _cts.Cancel(); } catch (ObjectDisposedException) { }
        }

        public void Dispose() => Cancel();

        private List<PreparedRow> OpenListFor(object key)
        {
            foreach (var kv in _open)
                if (ReferenceEquals(kv.Key, key)) return kv.Value;
            var list = new List<PreparedRow>(Math.Min(_channel.BatchSize + 32, 1024));
            _open.Add(new KeyValuePair<object, List<PreparedRow>>(key, list));
            return list;
        }

        private List<PreparedRow> Cut(List<PreparedRow> list, int n)
        {
            List<PreparedRow> batch;
            if (n == list.Count)
            {
                batch = new List<PreparedRow>(list);
                list.Clear();
            }
            else
            {
                batch = list.GetRange(0, n);
                list.RemoveRange(0, n);
            }
            _openRows -= n;
            return batch;
        }

        private void FlushOthers(List<PreparedRow> current)
        {
            foreach (var kv in _open)
            {
                if (ReferenceEquals(kv.Value, current) || kv.Value.Count == 0) continue;
                foreach (int n in _channel.CutAtEnd(kv.Value.Count)) Dispatch(Cut(kv.Value, n));
            }
        }

        private void Dispatch(List<PreparedRow> batch)
        {
            if (batch.Count == 0) return;
            var unsendable = _channel.RejectUnsendable(batch);
            if (unsendable != null)
            {
                foreach (var r in unsendable) Store(r);
                return;
            }
            _channel.BeginRequest(batch);
            _gate.Wait(_cts.Token);
            if (_options.Journal != null) JournalSending(batch);
            var token = _cts.Token;
            Task.Run(() => RunAsync(batch, token));
        }

        private async Task RunAsync(List<PreparedRow> batch, CancellationToken token)
        {
            SendResult[]? results = null;
            try
            {
                if (_stopCode != null)
                {
                    results = new SendResult[batch.Count];
                    for (int i = 0; i < batch.Count; i++) results[i] = NotSent(batch[i]);
                }
                else
                {
                    results = await _channel.SendAsync(batch, token).ConfigureAwait(false);
                    Progress.AddRequest();
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                results = null; // stopped by the user: nothing more is reported
            }
            catch (Exception ex)
            {
                string msg = SecretRedactor.Redact(ex.Message, _client.Credential);
                results = new SendResult[batch.Count];
                for (int i = 0; i < batch.Count; i++)
                    results[i] = new SendResult
                    {
                        Row = batch[i].Row, Phone = batch[i].Phone, Status = SendStatus.Failed, ErrorId = ErrorIds.Failed, RequestId = batch[i].RequestId,
                        Endpoint = Endpoint, InputObject = batch[i].InputObject, JournalKey = batch[i].JournalKey, Attempts = 1,
                        Message = $"Row {batch[i].Row}: the send failed unexpectedly: {msg}. Running the same input again is safe.",
                    };
            }
            finally
            {
                // Before the gate opens: the request waiting for it must already see the stop.
                if (results != null) NoteStop(results);
                _gate.Release();
            }

            if (results != null)
            {
                Journal(results);
                StoreAll(results);
            }
            _signal.Release();
        }

        private void JournalSending(List<PreparedRow> batch)
        {
            var entries = new JournalEntry[batch.Count];
            for (int i = 0; i < batch.Count; i++)
            {
                var p = batch[i];
                entries[i] = new JournalEntry { Key = p.JournalKey, Row = p.Row, Phone = p.Phone, RequestId = p.RequestId, Sandbox = p.Zns?.Sandbox ?? p.Sms?.Sandbox ?? false };
            }
            try
            {
                _options.Journal!.RecordSending(entries);
            }
            catch (Exception ex)
            {
                _warnings.Enqueue($"The journal could not record {batch.Count} row(s) about to be sent: {SecretRedactor.Redact(ex.Message, _client.Credential)}.");
            }
        }

        private void Journal(IReadOnlyList<SendResult> results)
        {
            try
            {
                _options.Journal?.Record(results);
            }
            catch (Exception ex)
            {
                _warnings.Enqueue($"The journal could not record {results.Count} row(s): {SecretRedactor.Redact(ex.Message, _client.Credential)}. A later run with this journal will re-send them; eSMS blocks repeats for 24 h.");
            }
        }

        private void NoteStop(SendResult[] results)
        {
            foreach (var r in results)
            {
                if (_stopCode == null && ErrorCodes.StopsTheRun(r.CodeResult) && r.Status == SendStatus.Rejected)
                {
                    lock (_lock)
                    {
                        if (_stopCode == null)
                        {
                            var entry = ErrorCodes.Lookup(r.CodeResult);
                            _stopMessage = $"eSMS refused a request with {r.CodeResult} ({entry.Meaning}); no further rows are sent in this run. {entry.Advice}";
                            _stopCode = r.CodeResult;
                            _verbose.Enqueue(_stopMessage);
                        }
                    }
                }
            }
        }

        private SendResult NotSent(PreparedRow p) => new SendResult
        {
            Row = p.Row, Phone = p.Phone, Status = SendStatus.Rejected, CodeResult = _stopCode, ErrorId = ErrorIds.NotSent,
            RequestId = p.RequestId.Length > 0 ? p.RequestId : null, Endpoint = Endpoint, InputObject = p.InputObject,
            Sandbox = p.Zns?.Sandbox ?? p.Sms?.Sandbox ?? false,
            Message = $"Row {p.Row}: not sent. {_stopMessage}",
        };

        private void Store(SendResult r)
        {
            Progress.Add(r);
            lock (_lock) _done[r.Row] = r;
        }

        /// <summary>
        /// A whole request's results: counted and stored with one lock and one interlocked add per
        /// status, rather than per row (the pipeline thread takes the same lock in TakeReady).
        /// </summary>
        private void StoreAll(SendResult[] results)
        {
            Progress.AddAll(results);
            lock (_lock)
                foreach (var r in results) _done[r.Row] = r;
        }
    }
}
