using System.Buffers;
using JobTracker.Cancellation;
using JobTracker.Configuration;
using JobTracker.Diagnostics;
using JobTracker.Http;
using JobTracker.Ids;
using JobTracker.Images;
using JobTracker.Recovery;
using JobTracker.Security;
using JobTracker.Storage;
using JobTracker.Webhooks;

namespace JobTracker.Tracking;

/// <summary>
/// Follows a txt2img/img2img request through A1111: an ID is reserved when the request arrives, the job
/// is stored Pending when A1111 queues it, Processing when it starts, and Completed or Failed from the
/// final response. Image files are written before the answer goes back, so a client that has its
/// response finds the job Completed with its images, even after a crash right then. Thread-safe.
/// </summary>
internal sealed class RequestTracker
{
    /// <summary>The error of a job whose request ended without A1111's answer.</summary>
    public const string AbandonedError = "request ended without a response";

    /// <summary>The start of the error of a job whose images could not be written.</summary>
    public const string StoreFailedError = "tracker could not store the images: ";

    /// <summary>How long an ID may stay reserved without A1111 admitting the request.</summary>
    public static readonly TimeSpan ReservationLifetime = TimeSpan.FromHours(1);

    private const int SweepAbove = 1000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Reservation> _reserved = new(StringComparer.Ordinal);
    private readonly JobStore _store;
    private readonly SettingsStore _settings;
    private readonly JobIdGenerator _ids;
    private readonly TimeProvider _time;
    private readonly ITrackerLog _log;
    private readonly CaptureWriter _captures;
    private readonly OutputFolder _output;
    private readonly Func<AccessPolicy> _policy;
    private readonly RetryReplies _retries;

    /// <summary>Initializes a new instance of the <see cref="RequestTracker"/> class.</summary>
    /// <param name="store">Where jobs are kept.</param>
    /// <param name="settings">Whether tracking is on.</param>
    /// <param name="ids">Draws new IDs.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">Where problems are reported.</param>
    /// <param name="output">Where image files go.</param>
    /// <param name="policy">The access rules: the job's user and client address, and who may retry a job; <see cref="AccessPolicy.Open"/> if omitted.</param>
    /// <param name="details">Writes the job object a retry gets when no stored answer exists; <see langword="null"/> for a 409 instead.</param>
    public RequestTracker(
        JobStore store,
        SettingsStore settings,
        JobIdGenerator ids,
        TimeProvider time,
        ITrackerLog log,
        OutputFolder output,
        Func<AccessPolicy>? policy = null,
        JobDetailsWriter? details = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _ids = ids ?? throw new ArgumentNullException(nameof(ids));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _captures = new CaptureWriter(store, output, log);
        _policy = policy ?? (() => AccessPolicy.Open);
        _retries = new RetryReplies(output, details, log);
        Cancels = new JobCanceller(store, time, id => Webhooks?.JobEnded(id)); // Webhooks: a job a cancel ends.
    }

    /// <summary>Gets the webhook deliveries requests may ask for with <c>X-Webhook-URL</c>; <see langword="null"/> refuses every such request.</summary>
    internal WebhookDispatcher? Webhooks { get; init; }

    /// <summary>Gets the record of cancel requests: a job interrupted by one ends as cancelled when A1111 answers.</summary>
    internal JobCanceller Cancels { get; }

    /// <summary>Gets the number of reserved IDs whose request A1111 has not admitted yet.</summary>
    public int ReservedCount
    {
        get
        {
            lock (_gate)
            {
                return _reserved.Count;
            }
        }
    }

    /// <summary>
    /// Decides whether a request becomes a job. When it does, an ID is reserved and the body with
    /// <c>"force_task_id":"&lt;id&gt;"</c> added as its last member is written to <paramref name="rewrittenBody"/>.
    /// </summary>
    /// <param name="route">"txt2img" or "img2img".</param>
    /// <param name="body">The request body (UTF-8 JSON).</param>
    /// <param name="clientIp">The client address.</param>
    /// <param name="headers">The request's headers.</param>
    /// <param name="rewrittenBody">Receives the body for A1111 when the request is tracked.</param>
    /// <returns>The decision.</returns>
    public BeginOutcome Begin(string? route, ReadOnlySpan<byte> body, string? clientIp, RequestHeaders? headers, IBufferWriter<byte> rewrittenBody)
    {
        ArgumentNullException.ThrowIfNull(rewrittenBody);
        if (!_settings.Current.TrackingEnabled || TrackedRoutes.Canonical(route) is not { } kind
            || !RequestBody.TryInspect(body, out var facts))
        {
            // Not ours, or not a JSON object: A1111 answers it (with its own 422 if it is invalid).
            return BeginOutcome.Passthrough;
        }

        // Only a verified --api-auth user owns a job; a request with wrong credentials is refused by A1111 anyway.
        var policy = _policy();
        var caller = policy.Identify(headers);
        var user = caller.User;
        var ip = policy.ClientAddressOf(clientIp, headers);
        var chosen = headers?.Find(RetryReplies.Header);
        var webhook = headers?.Find(WebhookUrl.Header);
        if ((chosen is not null || webhook is not null) && caller.Outcome != AuthOutcome.Allowed)
        {
            // Nothing is revealed or answered before A1111's own --api-auth check refuses the request.
            return BeginOutcome.Passthrough;
        }

        if (chosen is not null && !JobId.IsWellFormed(chosen))
        {
            return new BeginOutcome(BeginAction.Reply, string.Empty) { Reply = RetryReplies.Malformed(rewrittenBody) };
        }

        // Webhooks: a URL the operator does not allow is refused before anything is reserved or generated.
        if (WebhookAdmission.Check(webhook, Webhooks?.Options ?? WebhookOptions.Off, rewrittenBody, out var webhookUrl) is { } refusal)
        {
            return new BeginOutcome(BeginAction.Reply, string.Empty) { Reply = refusal };
        }

        var fingerprint = RequestFingerprint.Of(body);
        var created = UnixNow();
        string id;
        JobRecord? existing = null;
        var verdict = RetryVerdict.New;
        lock (_gate)
        {
            if (_reserved.Count > SweepAbove)
            {
                SweepLocked(created - ReservationLifetime.TotalSeconds);
            }

            Reservation Reserve(string candidate) =>
                new(candidate, kind, facts.Prompt, facts.NegativePrompt, ip, user, created, fingerprint);

            if (chosen is null)
            {
                id = _ids.Next(candidate => !_store.Contains(candidate) && _reserved.TryAdd(candidate, Reserve(candidate)));
            }
            else
            {
                id = chosen;
                if (_reserved.TryGetValue(id, out var reserved))
                {
                    // Whatever its state, an ID the caller may not read is simply taken: its body is never confirmed.
                    verdict = reserved.RequestSha256 == fingerprint && caller.MayReadJobOf(reserved.User)
                        ? RetryVerdict.InFlight : RetryVerdict.Mismatch;
                }
                else if (_store.Find(id) is { } job)
                {
                    existing = job;
                    // Another user's job is never replayed to this caller: to them the ID is simply taken.
                    verdict = job.RequestSha256 != fingerprint || !caller.MayRead(job) ? RetryVerdict.Mismatch
                        : job.Status.IsFinal() ? RetryVerdict.Replay : RetryVerdict.InFlight;
                }
                else
                {
                    _reserved.Add(id, Reserve(id));
                }
            }
        }

        if (verdict != RetryVerdict.New)
        {
            return new BeginOutcome(BeginAction.Reply, id) { Reply = _retries.Answer(verdict, id, existing, rewrittenBody) };
        }

        Webhooks?.Register(id, webhookUrl); // Webhooks: the new job's URL, or none.
        RequestBody.WriteWithTaskId(body, facts, id, rewrittenBody);
        return new BeginOutcome(BeginAction.Track, id)
        {
            RespondAsync = PreferHeader.AsksRespondAsync(headers?.Find("prefer")),
            KeepAliveSeconds = _settings.Current.KeepAliveSeconds,
        };
    }

    /// <summary>A1111 admitted the request to its queue: the job is stored as Pending now.</summary>
    /// <param name="jobId">The task ID A1111 queued.</param>
    /// <returns><see langword="true"/> if the ID is one of the tracker's jobs.</returns>
    public bool OnQueued(string? jobId)
    {
        if (jobId is null)
        {
            return false;
        }

        lock (_gate)
        {
            if (_reserved.TryGetValue(jobId, out var reservation))
            {
                // Stored before the reservation is dropped, so the ID is never free in between.
                _store.Put(reservation.ToJob(JobStatus.Pending));
                _reserved.Remove(jobId);
                return true;
            }

            return JobId.IsWellFormed(jobId) && _store.Contains(jobId);
        }
    }

    /// <summary>A1111 started generating: the job becomes Processing with its start time.</summary>
    /// <param name="jobId">The task ID A1111 started.</param>
    public void OnStarted(string? jobId)
    {
        if (jobId is null)
        {
            return;
        }

        var now = UnixNow();
        lock (_gate)
        {
            if (_reserved.Remove(jobId, out var reservation))
            {
                _store.Put(reservation.ToJob(JobStatus.Processing, now));
                return;
            }
        }

        if (JobId.IsWellFormed(jobId))
        {
            _store.Update(jobId, job => job.Status == JobStatus.Pending ? job with { Status = JobStatus.Processing, Started = now } : job);
        }
    }

    /// <summary>
    /// A1111's final response: stores the images of a 200 answer
    /// or records the failure, and writes the body for the client with <c>"job_id"</c> as its first member.
    /// An error for a request A1111 never queued only drops the reservation and leaves the body unchanged.
    /// </summary>
    /// <param name="jobId">The job ID.</param>
    /// <param name="status">A1111's HTTP status.</param>
    /// <param name="body">A1111's response body.</param>
    /// <param name="clientBody">Receives the body to send to the client.</param>
    /// <returns><see langword="true"/> if the answer belongs to a job; <see langword="false"/> if no job exists (the body is unchanged).</returns>
    public bool OnFinished(string? jobId, int status, ReadOnlySpan<byte> body, IBufferWriter<byte> clientBody)
    {
        ArgumentNullException.ThrowIfNull(clientBody);
        var job = jobId is null ? null : Admit(jobId, status);
        if (job is null)
        {
            clientBody.Write(body);
            return false;
        }

        var now = UnixNow();
        var succeeded = status == 200;
        var open = !job.Status.IsFinal();
        var content = ResponseReader.Read(body, captureImages: succeeded && open);
        ResponseBody.WriteWithJobId(body, content, job.Id, clientBody);
        if (!open)
        {
            // A repeated answer for a job already settled changes nothing.
            return true;
        }

        var cancelled = Cancels.TakeInterrupted(job.Id);

        // The info file is written with the images below; the stored answer leaves its text out.
        SaveFirstAnswer(job.Id, status, body, content, infoStored: succeeded && content.IsObject && content.Info is not null);
        if (succeeded && content.IsObject)
        {
            if (content.UnreadableImages > 0)
            {
                _log.Write($"job {job.Id}: {content.UnreadableImages} entr(y/ies) of \"images\" were not base64 strings and are not stored");
            }

            // An interrupted job keeps the images A1111 made before the interrupt, and ends as cancelled.
            if (!_captures.Write(job.Id, content.Images, content.Info, now, cancelled ? JobCancellation.Error : null))
            {
                // Its images are not stored, so its first answer cannot be given again.
                ImageFiles.Delete([Path.Combine(_output.Path, OutputFolder.ReplyFileName(job.Id))]);
            }

            Webhooks?.JobEnded(job.Id); // Webhooks: the job is Completed (or Failed storing its images).
            return true;
        }

        var error = cancelled ? JobCancellation.Error
            : succeeded ? "A1111 answered 200 with a body that is not a JSON object" : FailureMessage.From(status, content);
        _store.Update(job.Id, j => j.Status.IsFinal() ? j : j with { Status = JobStatus.Failed, Error = error, Finished = now });
        Webhooks?.JobEnded(job.Id); // Webhooks: the job is Failed.
        return true;
    }

    /// <summary>
    /// The request ended without being admitted (or the shim failed): the reservation is dropped, and a
    /// stored job that never finished becomes Failed.
    /// </summary>
    /// <param name="jobId">The job ID.</param>
    public void OnAbandoned(string? jobId)
    {
        if (jobId is null)
        {
            return;
        }

        var now = UnixNow();
        lock (_gate)
        {
            if (_reserved.Remove(jobId))
            {
                Webhooks?.Forget(jobId); // Webhooks: no job, no webhook.
                return;
            }
        }

        if (JobId.IsWellFormed(jobId))
        {
            _store.Update(jobId, j => j.Status.IsFinal() ? j : j with { Status = JobStatus.Failed, Error = AbandonedError, Finished = now });
            Webhooks?.JobEnded(jobId); // Webhooks: the job is Failed.
        }
    }

    /// <summary>Drops reservations older than <see cref="ReservationLifetime"/> (a shim that never reported back).</summary>
    /// <returns>How many were dropped.</returns>
    public int SweepReservations()
    {
        lock (_gate)
        {
            return SweepLocked(UnixNow() - ReservationLifetime.TotalSeconds);
        }
    }

    private void SaveFirstAnswer(string jobId, int status, ReadOnlySpan<byte> body, ResponseContent content, bool infoStored)
    {
        try
        {
            FirstAnswer.Save(_output, jobId, status, body, content, infoStored);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _log.Write($"job {jobId}: its answer could not be kept for retries ({ex.Message}); a retry with its X-Job-ID gets the job object");
        }
    }

    private JobRecord? Admit(string jobId, int status)
    {
        lock (_gate)
        {
            if (_reserved.Remove(jobId, out var reservation))
            {
                // Never queued: an error means A1111 refused the request before queueing it, so, as for an
                // invalid body, no job exists (the client was never told the ID). A success means the queue
                // notification was missed; the answer still completes the job.
                if (status != 200)
                {
                    Webhooks?.Forget(jobId); // Webhooks: no job, no webhook.
                    return null;
                }

                var job = reservation.ToJob(JobStatus.Processing);
                _store.Put(job);
                return job;
            }
        }

        return JobId.IsWellFormed(jobId) ? _store.Find(jobId) : null;
    }

    private int SweepLocked(double cutoff)
    {
        var stale = _reserved.Values.Where(r => r.Created < cutoff).Select(r => r.Id).ToList();
        foreach (var id in stale)
        {
            _reserved.Remove(id);
        }

        return stale.Count;
    }

    private double UnixNow() => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
}
