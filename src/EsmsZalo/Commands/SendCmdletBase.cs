using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using EsmsZalo.Binding;
using EsmsZalo.Core.Credentials;
using EsmsZalo.Core.Errors;
using EsmsZalo.Core.Journal;
using EsmsZalo.Core.Resilience;
using EsmsZalo.Core.Sending;

namespace EsmsZalo.Commands
{
    /// <summary>
    /// The adapter every Send-* cmdlet is: bind a row, ask ShouldProcess, hand the row to a
    /// <see cref="SendSession"/>, and write what the session has finished, in order, on the pipeline
    /// thread. Ctrl+C cancels in-flight requests at once.
    /// </summary>
    public abstract class SendCmdletBase : EsmsCmdletBase
    {
        private SendSession? _session;
        private int _phoneSlot = -1;

        /// <summary>This run's row reader: the current row's columns after <see cref="RowColumns.Apply"/>.</summary>
        private protected RowColumns Columns { get; } = new RowColumns();
        private SendJournal? _journal;
        private EsmsCredential? _credential;
        private Core.Http.EsmsClient? _client;
        private Core.Read.TemplateGate? _templateGate;
        private readonly Stopwatch _progressClock = Stopwatch.StartNew();
        private long _lastProgressMs = -1000;
        private const int ProgressActivityId = 0x45534D; // stable per module

        /// <summary>The whole pipeline row, read by -ParamProperty/-TemplateDataProperty and returned as the error target.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>
        /// The recipient. Read from the row's Phone column (or one of the aliases) unless given on the
        /// command line; Send-EsmsSmsMulti also takes plain numbers piped in. Not Mandatory on
        /// purpose: a row without a phone gets a Rejected result and an error naming the row, like
        /// any other bad row, instead of a binding error that would leave it without a result.
        /// </summary>
        [Parameter(Position = 0)]
        [Alias(PhoneAliases.A1, PhoneAliases.A2, PhoneAliases.A3, PhoneAliases.A4, PhoneAliases.A5, PhoneAliases.A6, PhoneAliases.A7, PhoneAliases.A8,
               PhoneAliases.A9, PhoneAliases.A10, PhoneAliases.A11, PhoneAliases.A12, PhoneAliases.A13, PhoneAliases.A14, PhoneAliases.A15)]
        [AllowEmptyString, AllowNull]
        public string? Phone { get; set; }

        // The optional per-row parameters below are read from the row's columns by RowColumns
        // (one pass per row) when the command line does not give them; see RegisterColumns.

        /// <summary>Campaign name shown in the eSMS report; also read from a CampaignId/Campaign/CampaignName column.</summary>
        [Parameter]
        [Alias("Campaign", "CampaignName")]
        public string? CampaignId { get; set; }

        /// <summary>Schedule (Vietnam time when no zone is given); empty = now. Also read from a SendDate/ScheduleTime/SendTime column.</summary>
        [Parameter]
        [Alias("ScheduleTime", "SendTime")]
        public object? SendDate { get; set; }

        /// <summary>Delivery-report address; also read from a CallbackUrl column.</summary>
        [Parameter]
        public string? CallbackUrl { get; set; }

        /// <summary>Given RequestId (max 50); empty = derived from the message so re-runs are blocked by eSMS. Also read from a RequestId column.</summary>
        [Parameter]
        public string? RequestId { get; set; }

        /// <summary>Validate at eSMS without storing, charging or delivering.</summary>
        [Parameter]
        public SwitchParameter Sandbox { get; set; }

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaximumRetryCount { get; set; } = 3;

        [Parameter]
        [ValidateRange(0, 600)]
        public double RetryIntervalSec { get; set; } = 1;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>Append-only record of each row's outcome; a run given the same file skips rows already sent.</summary>
        [Parameter]
        public string? JournalPath { get; set; }

        protected abstract MessageKind Kind { get; }
        /// <summary>Rows per request, for the bulk kinds.</summary>
        protected virtual int? RequestBatchSize => null;

        /// <summary>
        /// Names the optional per-row parameters read from each row's columns when the command line
        /// does not give them. Called once, in BeginProcessing, before any row is bound.
        /// </summary>
        private protected virtual void RegisterColumns(RowColumns columns, InvocationInfo invocation)
        {
            _phoneSlot = columns.Add(invocation, nameof(Phone), v => Phone = RowColumns.Text(v));
            columns.Add(invocation, nameof(CampaignId), v => CampaignId = RowColumns.Text(v));
            columns.Add(invocation, nameof(SendDate), v => SendDate = InputValues.Unwrap(v));
            columns.Add(invocation, nameof(CallbackUrl), v => CallbackUrl = RowColumns.Text(v));
            columns.Add(invocation, nameof(RequestId), v => RequestId = RowColumns.Text(v));
        }

        /// <summary>Builds the Core row from the bound parameters.</summary>
        protected abstract MessageRow BuildRow();

        /// <summary>What -WhatIf and -Confirm say about a row.</summary>
        protected abstract string DescribeAction(MessageRow row);

        protected override void BeginProcessing()
        {
            RegisterColumns(Columns, MyInvocation);
            var client = CreateClient();
            _client = client;
            _credential = client.Credential;
            var options = new SendOptions
            {
                ThrottleLimit = ThrottleLimit,
                BatchSize = RequestBatchSize,
                Retry = new RetryOptions
                {
                    MaximumRetryCount = MaximumRetryCount,
                    RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec),
                    Timeout = TimeSpan.FromSeconds(TimeoutSec),
                },
            };
            if (!string.IsNullOrEmpty(JournalPath))
            {
                try
                {
                    _journal = SendJournal.Open(GetUnresolvedProviderPathFromPSPath(JournalPath));
                }
                catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
                {
                    ThrowTerminatingError(new ErrorRecord(new InvalidOperationException($"The journal '{JournalPath}' cannot be opened: {ex.Message}", ex),
                        "EsmsJournalUnavailable", ErrorCategory.OpenError, JournalPath));
                }
                foreach (var w in _journal!.Warnings) WriteWarning(w);
                WriteVerbose($"Journal {_journal.Path}: {_journal.CompletedCount} row(s) already sent by earlier runs will be skipped.");
                options.Journal = _journal;
            }
            try
            {
                _session = new SendSession(Kind, client, options);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(ex.Message.Split('\n')[0]), "EsmsInvalidBatchSize", ErrorCategory.InvalidArgument, null));
            }
        }

        protected override void ProcessRecord()
        {
            string? columnProblem = Columns.Apply(InputObject);
            var row = BuildRow();
            if (columnProblem != null && row.PresetErrorId == null)
            {
                row.PresetErrorId = ErrorIds.InvalidColumn;
                row.PresetError = columnProblem;
            }
            if (_phoneSlot >= 0 && row.Phone == null && row.PresetErrorId == null && !Columns.Found(_phoneSlot))
            {
                row.PresetErrorId = ErrorIds.InvalidPhone;
                row.PresetError = InputObject == null
                    ? "no phone number was given. Give -Phone, or pipe in rows that have a Phone column."
                    : "the row has no phone column. Name the column Phone (PhoneNumber, Mobile, SDT, SoDienThoai and Receiver are read too), or give -Phone.";
            }
            row.InputObject ??= CurrentPipelineObject();
            if (!ShouldProcess(Target(row), DescribeAction(row))) return;
            try
            {
                _session!.Add(row);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Drain(_session.TakeReady());
        }

        protected override void EndProcessing()
        {
            if (_session == null) return;
            try
            {
                using var e = _session.Complete().GetEnumerator();
                while (true)
                {
                    bool more;
                    try { more = e.MoveNext(); }
                    catch (OperationCanceledException) { return; }
                    if (!more) break;
                    WriteResult(e.Current);
                    DrainMessages();
                    ReportProgress(false);
                }
                DrainMessages();
                ReportProgress(true);
                var p = _session.Progress;
                WriteVerbose(string.Format(CultureInfo.InvariantCulture,
                    "{0}: {1} row(s) in {2} request(s), {3:0.0} s: {4} accepted, {5} duplicate, {6} skipped, {7} rejected, {8} failed.",
                    _session.Endpoint, p.Rows, p.Requests, p.ElapsedSeconds, p.Accepted, p.Duplicate, p.Skipped, p.Rejected, p.Failed));
            }
            finally
            {
                Cleanup();
            }
        }

        protected override void StopProcessing()
        {
            // Called on another thread: only cancel; nothing is written from here.
            _session?.Cancel();
        }

        private void Cleanup()
        {
            _session?.Dispose();
            _journal?.Dispose();
            _journal = null;
        }

        private object? CurrentPipelineObject() => InputObject;

        /// <summary>-ValidateTemplate: marks a row that breaks its template (fetched once a session) so it is rejected without a request.</summary>
        protected void CheckTemplate(MessageRow row)
        {
            _templateGate ??= new Core.Read.TemplateGate(_client!);
            _templateGate.Check(row, _session?.CancellationToken ?? default);
            if (_templateGate.LastNote != null) WriteVerbose(_templateGate.LastNote);
        }

        private long _rowsSeen;

        private string Target(MessageRow row)
            => $"{row.Phone} (row {++_rowsSeen})";

        private void Drain(IReadOnlyList<SendResult> ready)
        {
            foreach (var r in ready) WriteResult(r);
            DrainMessages();
            if (ready.Count > 0) ReportProgress(false);
        }

        private void DrainMessages()
        {
            while (_session!.TryTakeVerbose(out var m)) WriteVerbose(m);
            while (_session.TryTakeWarning(out var w)) WriteWarning(w);
        }

        private void WriteResult(SendResult r)
        {
            if (r.Status == SendStatus.Rejected || r.Status == SendStatus.Failed)
            {
                string message = SecretRedactor.Redact(r.Message, _credential);
                var record = new ErrorRecord(new EsmsRowException(message, r), r.ErrorId ?? ErrorIds.Failed, Category(r), r.InputObject ?? r);
                record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = Advice(r) };
                WriteError(record);
            }
            WriteObject(r);
        }

        private static string Advice(SendResult r)
        {
            if (r.Status == SendStatus.Failed) return "Run the same command again with the same input: RequestIds stay the same, so nothing is sent twice.";
            if (r.CodeResult != null) return ErrorCodes.Lookup(r.CodeResult).Advice;
            return "Correct the row and send it again.";
        }

        private static ErrorCategory Category(SendResult r)
        {
            switch (r.ErrorId)
            {
                case ErrorIds.AuthenticationFailed: return ErrorCategory.AuthenticationError;
                case ErrorIds.BalanceTooLow: return ErrorCategory.QuotaExceeded;
                case ErrorIds.Failed: return ErrorCategory.ConnectionError;
                case ErrorIds.HttpError: return ErrorCategory.ConnectionError;
                case ErrorIds.MalformedResponse: return ErrorCategory.InvalidResult;
                case ErrorIds.InvalidRequest: return ErrorCategory.InvalidResult;
                case ErrorIds.NotSent: return ErrorCategory.OperationStopped;
                case ErrorIds.DuplicateRequestId: return ErrorCategory.ResourceExists;
            }
            return r.Attempts == 0 ? ErrorCategory.InvalidData : ErrorCategory.InvalidOperation;
        }

        private void ReportProgress(bool completed)
        {
            long now = _progressClock.ElapsedMilliseconds;
            // At most four updates a second: progress must not cost throughput.
            if (!completed && now - _lastProgressMs < 250) return;
            _lastProgressMs = now;
            var p = _session!.Progress;
            var record = new ProgressRecord(ProgressActivityId, $"Sending through eSMS ({_session.Endpoint})",
                string.Format(CultureInfo.InvariantCulture, "{0} of {1} row(s) done: {2} accepted, {3} duplicate, {4} skipped, {5} rejected, {6} failed; {7:0} rows/s",
                    p.Completed, p.Rows, p.Accepted, p.Duplicate, p.Skipped, p.Rejected, p.Failed, p.RowsPerSecond));
            if (completed) record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
        }

        /// <summary>Shortens a list of values for -WhatIf text.</summary>
        protected static string Summarize(IEnumerable<object?>? values)
        {
            if (values == null) return "";
            var parts = new List<string>();
            int total = 0;
            foreach (var v in values)
            {
                string s = Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
                if (s.Length > 40) s = s.Substring(0, 37) + "...";
                total += s.Length;
                if (total > 160) { parts.Add("..."); break; }
                parts.Add(s);
            }
            return string.Join(", ", parts);
        }

        protected string SandboxNote => Sandbox ? " [sandbox: validated only, not delivered or charged]" : "";
    }

    /// <summary>The exception inside a row's error record; carries the row's result.</summary>
    public sealed class EsmsRowException : Exception
    {
        public EsmsRowException(string message, SendResult result) : base(message) { Result = result; }
        public SendResult Result { get; }
    }
}
