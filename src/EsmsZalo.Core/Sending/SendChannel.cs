using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Http;
using EsmsZalo.Core.Payloads;
using EsmsZalo.Core.Resilience;
using EsmsZalo.Core.Responses;

namespace EsmsZalo.Core.Sending
{
    /// <summary>
    /// One eSMS send endpoint: how its rows are checked, how a request is written, and how its
    /// answer maps back onto rows. The retry loop here is shared by all four: a retry always
    /// carries the same RequestIds, so eSMS can never deliver a message twice because of it.
    /// </summary>
    internal abstract class SendChannel
    {
        protected SendChannel(EsmsClient client, SendOptions options, Action<string> verbose)
        {
            Client = client;
            Options = options;
            Verbose = verbose;
        }

        protected EsmsClient Client { get; }
        protected SendOptions Options { get; }
        protected Action<string> Verbose { get; }

        public abstract string Path { get; }
        private string? _endpoint;
        /// <summary>The short endpoint name, computed once (it goes into every result).</summary>
        public string Endpoint => _endpoint ??= EsmsPaths.NameOf(Path);
        protected abstract string MediaType { get; }
        /// <summary>Rows per request (1 for the single-message endpoints).</summary>
        public abstract int BatchSize { get; }
        /// <summary>True when the answer has one detail item per row (bulk); else one code for the whole request.</summary>
        protected virtual bool PerItemAnswers => false;

        /// <summary>Checks a row. Returns a Rejected result, or null with <paramref name="prepared"/> set.</summary>
        public abstract SendResult? Prepare(MessageRow row, long index, out PreparedRow? prepared);

        /// <summary>A result when the row repeats an earlier row of this run (never sent twice), else null.</summary>
        public abstract SendResult? CheckRepeat(PreparedRow row);

        /// <summary>How many of <paramref name="open"/> waiting rows to cut into a request now (0 = wait for more).</summary>
        public virtual int CutNow(int open) => open >= BatchSize ? BatchSize : 0;

        /// <summary>How to cut the rows left at the end of the input into requests.</summary>
        public virtual IEnumerable<int> CutAtEnd(int open)
        {
            while (open > 0)
            {
                int n = Math.Min(open, BatchSize);
                yield return n;
                open -= n;
            }
        }

        /// <summary>Rows that can never form a valid request (SMS: fewer than 30 numbers) are answered here instead.</summary>
        public virtual SendResult[]? RejectUnsendable(IReadOnlyList<PreparedRow> rows) => null;

        /// <summary>
        /// Gives a request its ids once its rows are known (SMS: one RequestId a request). Called on
        /// the pipeline thread when the request is cut, so the same input always gives the same ids.
        /// </summary>
        public virtual void BeginRequest(IReadOnlyList<PreparedRow> rows) { }

        protected abstract void WritePayload(PooledBufferWriter buffer, IReadOnlyList<PreparedRow> rows);

        /// <summary>
        /// Called (from any thread) with the rows of a request that got their final answer on an
        /// attempt after which other rows of the same request are retried. They are returned again
        /// by <see cref="SendAsync"/> with the rest.
        /// </summary>
        public Action<IReadOnlyList<SendResult>>? AnsweredEarly { get; set; }

        /// <summary>Sends one request's rows, retrying what may be retried, and returns one result per row in order.</summary>
        public async Task<SendResult[]> SendAsync(IReadOnlyList<PreparedRow> rows, CancellationToken cancellationToken)
        {
            var results = new SendResult?[rows.Count];
            var uncertain = new bool[rows.Count];
            var pending = new List<int>(rows.Count);
            for (int i = 0; i < rows.Count; i++) pending.Add(i);

            using var buffer = new PooledBufferWriter(PerItemAnswers ? 64 * 1024 : 2048);
            var pendingRows = new List<PreparedRow>(rows.Count);
            int attempt = 0;
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                attempt++;
                pendingRows.Clear();
                foreach (int i in pending) pendingRows.Add(rows[i]);
                buffer.Clear();
                WritePayload(buffer, pendingRows);

                var outcome = await AttemptAsync(buffer, pendingRows, pending, uncertain, results, attempt, cancellationToken).ConfigureAwait(false);
                var retry = outcome.Retry;
                if (retry.Count == 0) break;

                // Rows this attempt settled while others wait for a retry: hand them over now, so a
                // cancel or a kill during the retry delay cannot lose what eSMS already accepted.
                if (AnsweredEarly != null && retry.Count < pending.Count)
                {
                    var settled = new List<SendResult>(pending.Count - retry.Count);
                    foreach (int i in pending)
                        if (results[i] != null) settled.Add(results[i]!);
                    if (settled.Count > 0) AnsweredEarly(settled);
                }

                if (attempt > Options.Retry.MaximumRetryCount)
                {
                    foreach (int i in retry)
                        results[i] = Result(rows[i], SendStatus.Failed, outcome.LastCode, ErrorIds.Failed, attempt,
                            $"Row {rows[i].Row}: no final answer from eSMS after {attempt} attempt(s): {outcome.Reason} Running the same input again is safe: the RequestId stays the same and eSMS blocks repeats.");
                    break;
                }

                var delay = RetryDelay.For(attempt, Options.Retry, outcome.RetryAfter);
                Verbose(string.Format(CultureInfo.InvariantCulture,
                    "{0}: retry {1} of {2} for {3} in {4:0.0} s with the same RequestId(s): {5}",
                    Endpoint, attempt, Options.Retry.MaximumRetryCount, Describe(rows, retry), delay.TotalSeconds, outcome.Reason));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                pending = retry;
            }

            var final = new SendResult[rows.Count];
            for (int i = 0; i < rows.Count; i++)
                final[i] = results[i] ?? Result(rows[i], SendStatus.Failed, null, ErrorIds.Failed, attempt, $"Row {rows[i].Row}: no answer was recorded for this row.");
            return final;
        }

        private sealed class AttemptOutcome
        {
            public List<int> Retry = new List<int>();
            public string Reason = "";
            public string? LastCode;
            public TimeSpan? RetryAfter;
        }

        private async Task<AttemptOutcome> AttemptAsync(PooledBufferWriter buffer, List<PreparedRow> pendingRows, List<int> pending,
            bool[] uncertain, SendResult?[] results, int attempt, CancellationToken cancellationToken)
        {
            var outcome = new AttemptOutcome();
            HttpAnswer answer;
            try
            {
                answer = await Client.PostPooledAsync(Path, buffer.RawBuffer, buffer.WrittenCount, MediaType, cancellationToken).ConfigureAwait(false);
            }
            catch (EsmsTransportException ex)
            {
                outcome.Reason = ex.Message;
                foreach (int i in pending)
                {
                    if (ex.MayHaveReachedServer) uncertain[i] = true;
                    outcome.Retry.Add(i);
                }
                return outcome;
            }

            // The answer's body is pooled: everything read from it (codes, SMSIDs, excerpts) is
            // copied into strings before it goes back.
            try
            {
                Interpret(answer, outcome, pendingRows, pending, uncertain, results, attempt);
            }
            finally
            {
                answer.ReturnBuffer();
            }
            return outcome;
        }

        private void Interpret(HttpAnswer answer, AttemptOutcome outcome, List<PreparedRow> pendingRows, List<int> pending,
            bool[] uncertain, SendResult?[] results, int attempt)
        {
            if (answer.StatusCode == 429 || answer.StatusCode >= 500)
            {
                outcome.Reason = $"eSMS answered HTTP {answer.StatusCode}.";
                outcome.RetryAfter = answer.RetryAfter;
                foreach (int i in pending)
                {
                    // A 5xx may come after the server stored the request; a 429 comes before.
                    if (answer.StatusCode >= 500) uncertain[i] = true;
                    outcome.Retry.Add(i);
                }
                return;
            }

            if (!answer.IsSuccess)
            {
                string msg = $"eSMS answered HTTP {answer.StatusCode} to {Endpoint}: {Redact(answer.Excerpt())}. Check the base address (-BaseUri).";
                FailAll(null, ErrorIds.HttpError, msg);
                return;
            }

            SendAnswer parsed;
            try
            {
                parsed = SendAnswerParser.Parse(answer.BodySpan);
            }
            catch (FormatException ex)
            {
                string msg = $"eSMS's answer could not be read ({ex.Message}); it was: {Redact(answer.Excerpt())}. The row was not marked Accepted; running the same input again is safe.";
                FailAll(null, ErrorIds.MalformedResponse, msg);
                return;
            }

            if (PerItemAnswers && parsed.Detail != null && parsed.Detail.Count > 0)
            {
                MapDetail(parsed, answer, pendingRows, pending, uncertain, results, attempt, outcome);
                return;
            }

            // One code for every row of the request.
            if (parsed.Code == null)
            {
                bool invalid = parsed.Error != null;
                string msg = invalid
                    ? $"eSMS did not accept the request: {Redact(parsed.Error)}. The raw answer was: {Redact(answer.Excerpt())}"
                    : $"eSMS's answer carries no result code: {Redact(answer.Excerpt())}. The row was not marked Accepted; running the same input again is safe.";
                FailAll(null, invalid ? ErrorIds.InvalidRequest : ErrorIds.MalformedResponse, msg);
                return;
            }

            if (PerItemAnswers && parsed.Code == ErrorCodes.Accepted)
            {
                string msg = $"eSMS answered 100 but listed no result per row, so no SMSID is known: {Redact(answer.Excerpt())}. The row was not marked Accepted; running the same input again is safe (eSMS blocks repeats with 124).";
                FailAll("100", ErrorIds.MalformedResponse, msg);
                return;
            }

            for (int k = 0; k < pending.Count; k++)
                Classify(pending[k], pendingRows[k], parsed.Code, parsed.SmsId, parsed.Explanation, uncertain, results, attempt, outcome, answer);
            return;

            // Every row of the request gets the same Failed result; pending[k] is the index of pendingRows[k].
            void FailAll(string? code, string errorId, string msg)
            {
                for (int k = 0; k < pending.Count; k++)
                    results[pending[k]] = Result(pendingRows[k], SendStatus.Failed, code, errorId, attempt, $"Row {pendingRows[k].Row}: {msg}", answer);
            }
        }

        private void MapDetail(SendAnswer parsed, HttpAnswer answer, List<PreparedRow> pendingRows, List<int> pending,
            bool[] uncertain, SendResult?[] results, int attempt, AttemptOutcome outcome)
        {
            var detail = parsed.Detail!;
            if (detail.Count == pendingRows.Count)
            {
                for (int k = 0; k < pending.Count; k++)
                {
                    var d = detail[k];
                    Classify(pending[k], pendingRows[k], d.Code, d.SmsId, d.ErrorMessage, uncertain, results, attempt, outcome, answer);
                }
                return;
            }

            // The answer's list does not line up with the request: match by RequestId, then by a phone
            // that appears once; a row with no match is Failed, never guessed Accepted.
            var byRequestId = new Dictionary<string, SendAnswerItem>(StringComparer.Ordinal);
            var byPhone = new Dictionary<string, SendAnswerItem?>(StringComparer.Ordinal);
            foreach (var d in detail)
            {
                if (d.RequestId != null) byRequestId[d.RequestId] = d;
                if (d.Phone != null && Phones.PhoneNumber.TryNormalize(d.Phone, out var p, out _))
                    byPhone[p] = byPhone.ContainsKey(p) ? null : d;
            }
            var phoneCount = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var r in pendingRows) phoneCount[r.Phone] = phoneCount.TryGetValue(r.Phone, out int c) ? c + 1 : 1;

            for (int k = 0; k < pending.Count; k++)
            {
                var row = pendingRows[k];
                SendAnswerItem? match = null;
                if (!byRequestId.TryGetValue(row.RequestId, out match) && phoneCount[row.Phone] == 1)
                    byPhone.TryGetValue(row.Phone, out match);
                if (match == null)
                {
                    results[pending[k]] = Result(row, SendStatus.Failed, parsed.Code, ErrorIds.MalformedResponse, attempt,
                        $"Row {row.Row}: eSMS's answer lists {detail.Count} result(s) for a request of {pendingRows.Count} rows and none for this row, so its fate is unknown. It was not marked Accepted; running the same input again is safe (eSMS blocks repeats with 124). Raw answer: {Redact(answer.Excerpt())}", answer);
                    continue;
                }
                Classify(pending[k], row, match.Code, match.SmsId, match.ErrorMessage, uncertain, results, attempt, outcome, answer);
            }
        }

        private void Classify(int index, PreparedRow row, string? code, string? smsId, string? explanation, bool[] uncertain,
            SendResult?[] results, int attempt, AttemptOutcome outcome, HttpAnswer answer)
        {
            switch (code)
            {
                case ErrorCodes.Accepted:
                    if (string.IsNullOrEmpty(smsId))
                        results[index] = Result(row, SendStatus.Failed, code, ErrorIds.MalformedResponse, attempt,
                            $"Row {row.Row}: eSMS answered 100 without an SMSID: {Redact(answer.Excerpt())}. The row was not marked Accepted; running the same input again is safe.", answer);
                    else
                        results[index] = Result(row, SendStatus.Accepted, code, null, attempt, "Accepted by eSMS", smsId: smsId);
                    return;

                case ErrorCodes.DuplicateRequestId:
                    results[index] = uncertain[index]
                        ? Result(row, SendStatus.Accepted, code, null, attempt,
                            "Accepted by eSMS on an earlier attempt whose answer was lost (the retry was blocked as a repeat, 124); its SMSID is not known.")
                        : Result(row, SendStatus.Duplicate, code, null, attempt,
                            "Not sent again: eSMS already has this RequestId from an earlier run (124, blocked for 24 h).");
                    return;

                case null:
                    results[index] = Result(row, SendStatus.Failed, null, ErrorIds.MalformedResponse, attempt,
                        $"Row {row.Row}: eSMS's result for this row carries no code: {Redact(answer.Excerpt())}", answer);
                    return;
            }

            if (ErrorCodes.IsTransient(code))
            {
                // 199 "already exists, processing" proves the request arrived.
                if (code == ErrorCodes.AlreadyProcessing) uncertain[index] = true;
                outcome.Retry.Add(index);
                outcome.LastCode = code;
                outcome.Reason = $"eSMS answered {code} ({ErrorCodes.Lookup(code).Meaning}).";
                return;
            }

            var entry = ErrorCodes.Lookup(code);
            string said = string.IsNullOrWhiteSpace(explanation) ? "" : $" eSMS said: \"{Redact(explanation)}\".";
            results[index] = Result(row, SendStatus.Rejected, code, entry.ErrorId, attempt,
                $"Row {row.Row} ({row.Phone}): eSMS refused it with {code} ({entry.Meaning}).{said} {entry.Advice}".TrimEnd());
        }

        protected SendResult Result(PreparedRow row, SendStatus status, string? code, string? errorId, int attempts, string message,
            HttpAnswer? raw = null, string? smsId = null)
            => new SendResult
            {
                Row = row.Row,
                Phone = row.Phone,
                Status = status,
                CodeResult = code,
                Message = message,
                SmsId = smsId,
                RequestId = row.RequestId,
                Attempts = attempts,
                ErrorId = errorId,
                Endpoint = Endpoint,
                Sandbox = row.Zns?.Sandbox ?? row.Sms?.Sandbox ?? false,
                InputObject = row.InputObject,
                JournalKey = row.JournalKey,
                RawAnswer = raw == null ? null : Redact(raw.Excerpt(2000)),
            };

        protected string Redact(string? text) => SecretRedactor.Redact(text, Client.Credential);

        private static string Describe(IReadOnlyList<PreparedRow> rows, List<int> indexes)
        {
            if (indexes.Count == 1) return $"row {rows[indexes[0]].Row}";
            long lo = long.MaxValue, hi = long.MinValue;
            foreach (int i in indexes) { lo = Math.Min(lo, rows[i].Row); hi = Math.Max(hi, rows[i].Row); }
            return $"{indexes.Count} rows ({lo}-{hi})";
        }
    }
}
