using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace EsmsZalo.Emulator;

/// <summary>What the emulator has seen and recorded. All members are thread-safe; lists are snapshot copies.</summary>
public sealed class EmulatorState
{
    private const int RawRequestCapacity = 1000;
    private const int CallbackCapacity = 100_000;

    private readonly EmulatorOptions _options;

    // Guarded by SyncRoot.
    private readonly List<AcceptedMessage> _accepted = new();
    private readonly Dictionary<string, MessageRecord[]> _bySmsId = new(StringComparer.Ordinal);
    private readonly Dictionary<EmulatorAccount, Dictionary<string, DateTimeOffset>> _requestIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _znsByOa = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _znsByTemplate = new(StringComparer.Ordinal);
    private readonly Dictionary<EmulatorAccount, decimal> _initialBalances = new(ReferenceEqualityComparer.Instance);
    private int _sandboxCount;

    private readonly ConcurrentDictionary<string, StrongBox<int>> _requestCounts = new(StringComparer.OrdinalIgnoreCase);
    private int _totalRequests;

    private readonly object _rawLock = new();
    private readonly string[] _raw = new string[RawRequestCapacity];
    private int _rawNext, _rawCount;

    private readonly object _callbackLock = new();
    private readonly List<CallbackAttempt> _callbacks = new();

    internal EmulatorState(EmulatorOptions options)
    {
        _options = options;
        foreach (var account in options.Accounts)
        {
            _initialBalances[account] = account.Balance;
        }
    }

    internal object SyncRoot { get; } = new();

    /// <summary>Snapshot of the non-sandbox messages recorded, in acceptance order.</summary>
    public IReadOnlyList<AcceptedMessage> Accepted
    {
        get { lock (SyncRoot) { return _accepted.ToArray(); } }
    }

    public int AcceptedCount
    {
        get { lock (SyncRoot) { return _accepted.Count; } }
    }

    /// <summary>Messages (recipients) that passed validation in sandbox mode.</summary>
    public int SandboxCount => Volatile.Read(ref _sandboxCount);

    /// <summary>API requests received for an endpoint (e.g. "Send_zns_bulk_v4_post_json", "ZNS/GetQuota"),
    /// faulted ones included. Case-insensitive; slashes around the name are ignored.</summary>
    public int RequestCount(string endpointName)
    {
        ArgumentNullException.ThrowIfNull(endpointName);
        var name = endpointName.Trim('/');
        if (_requestCounts.TryGetValue(name, out var box)) return Volatile.Read(ref box.Value);
        if (_requestCounts.TryGetValue("ZNS/" + name, out box)) return Volatile.Read(ref box.Value);
        return 0;
    }

    /// <summary>Request counts by endpoint name.</summary>
    public IReadOnlyDictionary<string, int> RequestCounts =>
        _requestCounts.ToDictionary(p => p.Key, p => Volatile.Read(ref p.Value.Value), StringComparer.OrdinalIgnoreCase);

    public int TotalRequests => Volatile.Read(ref _totalRequests);

    /// <summary>"METHOD /path?query" + newline + body of the last 1000 API requests, oldest first.</summary>
    public IReadOnlyList<string> RawRequests
    {
        get
        {
            lock (_rawLock)
            {
                var result = new string[_rawCount];
                var start = (_rawNext - _rawCount + RawRequestCapacity) % RawRequestCapacity;
                for (var i = 0; i < _rawCount; i++) result[i] = _raw[(start + i) % RawRequestCapacity];
                return result;
            }
        }
    }

    /// <summary>Every callback attempt (made or skipped), oldest first (the last 100,000).</summary>
    public IReadOnlyList<CallbackAttempt> Callbacks
    {
        get { lock (_callbackLock) { return _callbacks.ToArray(); } }
    }

    /// <summary>Forgets messages, request ids, counters, raw requests and callbacks; restores the accounts' starting balances.</summary>
    public void Reset()
    {
        lock (SyncRoot)
        {
            _accepted.Clear();
            _bySmsId.Clear();
            _requestIds.Clear();
            _znsByOa.Clear();
            _znsByTemplate.Clear();
            _sandboxCount = 0;
            foreach (var (account, balance) in _initialBalances) account.Balance = balance;
        }
        _requestCounts.Clear();
        Interlocked.Exchange(ref _totalRequests, 0);
        lock (_rawLock)
        {
            Array.Clear(_raw);
            _rawNext = 0;
            _rawCount = 0;
        }
        lock (_callbackLock) _callbacks.Clear();
    }

    // ---- internal helpers -------------------------------------------------------------------

    internal void CountRequest(string endpointName)
    {
        Interlocked.Increment(ref _totalRequests);
        var box = _requestCounts.GetOrAdd(endpointName, static _ => new StrongBox<int>());
        Interlocked.Increment(ref box.Value);
    }

    internal void AddRaw(string raw)
    {
        lock (_rawLock)
        {
            _raw[_rawNext] = raw;
            _rawNext = (_rawNext + 1) % RawRequestCapacity;
            if (_rawCount < RawRequestCapacity) _rawCount++;
        }
    }

    internal void AddCallback(CallbackAttempt attempt)
    {
        lock (_callbackLock)
        {
            if (_callbacks.Count >= CallbackCapacity) _callbacks.RemoveRange(0, CallbackCapacity / 10);
            _callbacks.Add(attempt);
        }
    }

    internal void AddSandbox(int count) => Interlocked.Add(ref _sandboxCount, count);

    /// <summary>Caller holds SyncRoot.</summary>
    internal bool IsDuplicateLocked(EmulatorAccount account, string requestId, DateTimeOffset now)
    {
        if (!_requestIds.TryGetValue(account, out var ids)) return false;
        return ids.TryGetValue(requestId, out var seen) && now - seen < TimeSpan.FromHours(24);
    }

    /// <summary>Caller holds SyncRoot.</summary>
    internal void RememberRequestIdLocked(EmulatorAccount account, string requestId, DateTimeOffset now)
    {
        if (!_requestIds.TryGetValue(account, out var ids))
        {
            ids = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            _requestIds[account] = ids;
        }
        ids[requestId] = now;
    }

    /// <summary>Caller holds SyncRoot. Records the recipients of one SMSID.</summary>
    internal void RecordLocked(MessageRecord[] records)
    {
        var first = records[0];
        _bySmsId[first.Message.SmsId] = records;
        foreach (var r in records)
        {
            _accepted.Add(r.Message);
            if (r.Message.OAID is { } oa)
            {
                _znsByOa[oa] = _znsByOa.GetValueOrDefault(oa) + 1;
                var key = oa + "/" + r.Message.TempId;
                _znsByTemplate[key] = _znsByTemplate.GetValueOrDefault(key) + 1;
            }
        }
    }

    internal MessageRecord[]? Find(string smsId)
    {
        lock (SyncRoot) return _bySmsId.TryGetValue(smsId, out var r) ? r : null;
    }

    internal int ZnsCountForOa(string oaId)
    {
        lock (SyncRoot) return _znsByOa.GetValueOrDefault(oaId);
    }

    internal int ZnsCountForTemplate(string oaId, string tempId)
    {
        lock (SyncRoot) return _znsByTemplate.GetValueOrDefault(oaId + "/" + tempId);
    }

    internal decimal BalanceOf(EmulatorAccount account)
    {
        lock (SyncRoot) return account.Balance;
    }

    internal EmulatorOptions Options => _options;
}
