using System.Globalization;
using JobTracker.Diagnostics;
using JobTracker.Storage;

namespace JobTracker.Webhooks;

/// <summary>
/// Delivers the webhooks of ended jobs in the background. A request's URL is registered when the request is admitted;
/// when its job ends the delivery is due at once, and a failed attempt is retried on <see cref="WebhookOptions.Retries"/>.
/// Every state change is journaled (<see cref="WebhookJournal"/>), so pending deliveries resume after a restart. Attempts
/// run on timer and I/O threads, never on a request's thread and never under the store's lock; timing comes from the
/// injected <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
internal sealed class WebhookDispatcher : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WebhookDelivery> _deliveries;
    private readonly HashSet<string> _sending = new(StringComparer.Ordinal);
    private readonly WebhookJournal _journal;
    private readonly IWebhookTransport _transport;
    private readonly Func<string, JobRecord?> _findJob;
    private readonly Func<JobRecord, byte[]> _writeBody;
    private readonly TimeProvider _time;
    private readonly ITrackerLog _log;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    private WebhookDispatcher(
        WebhookOptions options, WebhookJournal journal, Dictionary<string, WebhookDelivery> deliveries, IWebhookTransport transport,
        Func<string, JobRecord?> findJob, Func<JobRecord, byte[]> writeBody, TimeProvider time, ITrackerLog log)
    {
        Options = options;
        _journal = journal;
        _deliveries = deliveries;
        _transport = transport;
        _findJob = findJob;
        _writeBody = writeBody;
        _time = time;
        _log = log;
        _timer = time.CreateTimer(_ => StartDueAttempts(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets the settings.</summary>
    public WebhookOptions Options { get; }

    /// <summary>Gets the number of deliveries still to be made (due now or later, or waiting for their job to end).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _deliveries.Values.Count(d => !d.Delivered && !d.GaveUp);
            }
        }
    }

    /// <summary>
    /// Reads <c>webhooks.journal</c> and resumes: a delivery whose job is gone is dropped, and one not yet delivered whose
    /// job has ended (after a restart every job has) is due at once.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="transport">Sends the requests.</param>
    /// <param name="findJob">Finds a job in the store.</param>
    /// <param name="writeBody">Writes the job object a delivery carries.</param>
    /// <param name="time">The clock and timers.</param>
    /// <param name="log">Where problems are reported.</param>
    /// <returns>The running dispatcher.</returns>
    public static WebhookDispatcher Open(
        WebhookOptions options, string dataDirectory, IWebhookTransport transport,
        Func<string, JobRecord?> findJob, Func<JobRecord, byte[]> writeBody, TimeProvider time, ITrackerLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(findJob);
        ArgumentNullException.ThrowIfNull(writeBody);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        var journal = new WebhookJournal(dataDirectory, log);
        var loaded = journal.Load(log);
        var now = UnixSeconds(time);
        var live = new Dictionary<string, WebhookDelivery>(StringComparer.Ordinal);
        foreach (var (id, delivery) in loaded)
        {
            if (findJob(id) is not { } job)
            {
                continue;
            }

            // The process was down meanwhile, so a delivery that was waiting for its next attempt is tried at once.
            live[id] = !delivery.Delivered && !delivery.GaveUp && job.Status.IsFinal() ? delivery with { NextAttempt = now } : delivery;
        }

        if (journal.Lines > 0)
        {
            // Drops superseded lines, deliveries of purged jobs and a line torn by a crash.
            journal.Rewrite(live.Values);
        }

        var dispatcher = new WebhookDispatcher(options, journal, live, transport, findJob, writeBody, time, log);
        var resumed = live.Values.Count(d => d.IsPending);
        if (resumed > 0)
        {
            log.Write(string.Create(CultureInfo.InvariantCulture, $"resuming {resumed} webhook deliver{(resumed == 1 ? "y" : "ies")}"));
        }

        dispatcher.Reschedule();
        return dispatcher;
    }

    /// <summary>Sets or clears the webhook of a job whose request is being admitted.</summary>
    /// <param name="jobId">The job ID.</param>
    /// <param name="url">The accepted URL, or <see langword="null"/> for none.</param>
    public void Register(string jobId, Uri? url)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (url is null)
            {
                // An ID a refused request left behind may come back without a webhook.
                if (_deliveries.Remove(jobId))
                {
                    _journal.AppendDeletion(jobId);
                }

                return;
            }

            var delivery = new WebhookDelivery(jobId, url.AbsoluteUri);
            _deliveries[jobId] = delivery;
            _journal.Append(delivery);
        }
    }

    /// <summary>Drops the webhook of a request that never became a job (A1111 refused it, or it ended before being queued).</summary>
    /// <param name="jobId">The ID that was reserved.</param>
    public void Forget(string jobId) => Register(jobId, null);

    /// <summary>The job ended (Completed or Failed): its webhook, if it has one, is due now. Returns at once.</summary>
    /// <param name="jobId">The job ID.</param>
    public void JobEnded(string jobId)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        if (_findJob(jobId) is not { } job || !job.Status.IsFinal())
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed || !_deliveries.TryGetValue(jobId, out var delivery) || delivery.Attempts > 0 || delivery.NextAttempt is not null
                || delivery.Delivered || delivery.GaveUp)
            {
                return;
            }

            var due = delivery with { NextAttempt = UnixSeconds(_time) };
            _deliveries[jobId] = due;
            _journal.Append(due);
        }

        Reschedule();
    }

    /// <summary>Finds the webhook of a job.</summary>
    /// <param name="jobId">The job ID.</param>
    /// <returns>Its delivery state, or <see langword="null"/> when the job has none.</returns>
    public WebhookDelivery? Find(string jobId)
    {
        lock (_gate)
        {
            return _deliveries.TryGetValue(jobId, out var delivery) ? delivery : null;
        }
    }

    /// <summary>Stops the timer and abandons attempts in flight; their deliveries resume at the next start.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer.Dispose();
        _stopping.Cancel();
        _transport.Dispose();
        lock (_gate)
        {
            _journal.Dispose();
        }

        _stopping.Dispose();
    }

    private static double UnixSeconds(TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private void StartDueAttempts()
    {
        List<WebhookDelivery> due;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = UnixSeconds(_time);
            due = [.. _deliveries.Values.Where(d => d.IsPending && d.NextAttempt <= now && !_sending.Contains(d.JobId))];
            foreach (var delivery in due)
            {
                _sending.Add(delivery.JobId);
            }
        }

        foreach (var delivery in due)
        {
            _ = AttemptAsync(delivery);
        }

        Reschedule();
    }

    private async Task AttemptAsync(WebhookDelivery delivery)
    {
        WebhookResponse response;
        try
        {
            if (_findJob(delivery.JobId) is not { } job)
            {
                Drop(delivery.JobId);
                return;
            }

            var body = _writeBody(job);
            var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
            var signature = WebhookSigner.Sign(Options.Secret!.Key, delivery.MessageId, timestamp, body);
            KeyValuePair<string, string>[] headers =
            [
                new("webhook-id", delivery.MessageId),
                new("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
                new("webhook-signature", signature),
            ];
            using var timeout = new CancellationTokenSource(Options.AttemptTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
            try
            {
                response = await _transport.PostAsync(new Uri(delivery.Url), headers, body, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
            {
                response = new WebhookResponse(null, string.Create(CultureInfo.InvariantCulture, $"no answer within {Options.AttemptTimeout.TotalSeconds} s"));
            }
        }
        catch (OperationCanceledException)
        {
            // The tracker stops: the journal still says the attempt is due, so the next start makes it.
            return;
        }
#pragma warning disable CA1031 // A background attempt has no caller to throw to: any failure is logged and counts as a failed attempt.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Write($"webhook for job {delivery.JobId}: attempt failed unexpectedly: {ex.GetType().Name}: {ex.Message}");
            response = new WebhookResponse(null, ex.GetType().Name + ": " + ex.Message);
        }

        Record(delivery.JobId, response);
    }

    private void Record(string jobId, WebhookResponse response)
    {
        WebhookDelivery? after;
        lock (_gate)
        {
            _sending.Remove(jobId);
            if (_disposed || !_deliveries.TryGetValue(jobId, out var before))
            {
                return;
            }

            var attempts = before.Attempts + 1;
            var delay = Options.Retries.DelayAfter(attempts);
            var gaveUp = !response.IsSuccess && (response.IsGone || delay is null);
            after = before with
            {
                Attempts = attempts,
                LastStatus = response.Status,
                LastError = response.Error,
                Delivered = response.IsSuccess,
                GaveUp = gaveUp,
                NextAttempt = response.IsSuccess || gaveUp ? null : UnixSeconds(_time) + delay!.Value.TotalSeconds,
            };
            _deliveries[jobId] = after;
            _journal.Append(after);
            if (_journal.IsLong(_deliveries.Count))
            {
                _journal.Rewrite(_deliveries.Values);
            }
        }

        if (after.GaveUp)
        {
            var last = after.LastStatus?.ToString(CultureInfo.InvariantCulture) ?? after.LastError;
            _log.Write($"webhook for job {jobId}: gave up after {after.Attempts} attempt(s); the last got {last}");
        }

        Reschedule();
    }

    private void Drop(string jobId)
    {
        lock (_gate)
        {
            _sending.Remove(jobId);
            if (!_disposed && _deliveries.Remove(jobId))
            {
                _journal.AppendDeletion(jobId);
            }
        }
    }

    /// <summary>Sets the timer to the earliest due attempt. Under the lock, so two callers cannot leave it set late.</summary>
    private void Reschedule()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            double? earliest = null;
            foreach (var delivery in _deliveries.Values)
            {
                if (delivery.IsPending && !_sending.Contains(delivery.JobId) && (earliest is null || delivery.NextAttempt < earliest))
                {
                    earliest = delivery.NextAttempt;
                }
            }

            var wait = earliest is { } due ? TimeSpan.FromSeconds(Math.Max(0, due - UnixSeconds(_time))) : Timeout.InfiniteTimeSpan;
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }
}
