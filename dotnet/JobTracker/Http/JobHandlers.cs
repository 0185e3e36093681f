using JobTracker.Interop;
using System.Buffers;
using JobTracker.Ids;
using JobTracker.Recovery;
using JobTracker.Serialization;
using JobTracker.Storage;

namespace JobTracker.Http;

/// <summary>
/// The logic of the job routes: the <see cref="JobGate"/> first (credentials, ownership), then
/// validation, then the answer. Every reply is JSON except a stored image (its file's bytes, or an empty 304).
/// </summary>
/// <param name="store">The jobs.</param>
/// <param name="details">Writes a single job.</param>
/// <param name="gate">Decides who may see what: every route about a job goes through it.</param>
/// <param name="time">The clock for <c>eta_seconds</c>.</param>
internal sealed class JobHandlers(JobStore store, JobDetailsWriter details, JobGate gate, TimeProvider time)
{
    private readonly ProgressHighWater _progress = new();

    /// <summary>Answers <c>GET /sdapi/v1/job/{id}</c>.</summary>
    /// <param name="jobId">The ID from the path, untrusted.</param>
    /// <param name="query">The raw query string without '?'; <c>images=false</c> leaves the base64 out.</param>
    /// <param name="headers">The request's headers.</param>
    /// <param name="body">Receives the reply body.</param>
    /// <returns>The reply head.</returns>
    public ReplyHead GetJob(string? jobId, string? query, RequestHeaders? headers, IBufferWriter<byte> body) =>
        GetJob(jobId, query, headers, null, body);

    /// <summary>Answers <c>GET /sdapi/v1/job/{id}</c> with the live fields and, while the job is not finished, <c>Retry-After</c>.</summary>
    /// <param name="jobId">The ID from the path, untrusted.</param>
    /// <param name="query">The raw query string without '?'; <c>images=false</c> leaves the base64 out.</param>
    /// <param name="headers">The request's headers.</param>
    /// <param name="live">A1111's queue and progress state for the job, or <see langword="null"/> to leave the live fields out.</param>
    /// <param name="body">Receives the reply body.</param>
    /// <returns>The reply head.</returns>
    public ReplyHead GetJob(string? jobId, string? query, RequestHeaders? headers, LiveState? live, IBufferWriter<byte> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (gate.Open(jobId, headers, body, out var job) is { } refused)
        {
            return refused;
        }

        var includeImages = true;
        if (QueryString.Parse(query)["images"] is { } images && !TryParseFlag(images, out includeImages))
        {
            return JsonReplies.BadRequest("images must be true or false", body);
        }

        var progress = live is null ? null : LiveFields(job!, live);
        details.Write(job!, includeImages, progress, body);
        return progress?.RetryAfterSeconds is { } retry
            ? new ReplyHead(200, ReplyHeaders.JsonWith(RetryReplies.RetryAfter(retry)))
            : ReplyHead.Json(200);
    }

    /// <summary>
    /// The <c>202 Accepted</c> for a request sent with <c>Prefer: respond-async</c>, once A1111 has queued it: the job
    /// object without images, <c>Location</c>, <c>X-Job-ID</c>, <c>Preference-Applied</c> and <c>Retry-After</c>.
    /// The request itself already passed A1111's authentication.
    /// </summary>
    /// <param name="jobId">The job ID.</param>
    /// <param name="live">A1111's queue and progress state for the job.</param>
    /// <param name="body">Receives the reply body.</param>
    /// <returns>The reply head; a 500 JSON reply if the job is unknown.</returns>
    public ReplyHead Accepted(string? jobId, LiveState? live, IBufferWriter<byte> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!JobId.IsWellFormed(jobId) || store.Find(jobId!) is not { } job)
        {
            return JsonReplies.Error(500, "TrackerError", $"job {JobId.Sanitize(jobId)} was accepted but is not stored", body);
        }

        var progress = LiveFields(job, live);
        details.Write(job, includeImages: false, progress, body);
        return new ReplyHead(202, ReplyHeaders.JsonWith(
            ("Location", "/sdapi/v1/job/" + job.Id),
            RetryReplies.JobHeader(job.Id),
            ("Preference-Applied", PreferHeader.RespondAsync),
            RetryReplies.RetryAfter(progress.RetryAfterSeconds ?? JobProgress.MinRetryAfterSeconds)));
    }

    /// <summary>Answers <c>GET /sdapi/v1/job/{id}/images/{n}</c> with the stored file itself.</summary>
    /// <param name="jobId">The ID from the path, untrusted.</param>
    /// <param name="index">The index from the path, untrusted.</param>
    /// <param name="headers">The request's headers (authorization, if-none-match).</param>
    /// <param name="body">Receives the file, or a JSON error.</param>
    /// <returns>The reply head.</returns>
    public ReplyHead GetImage(string? jobId, string? index, RequestHeaders? headers, IBufferWriter<byte> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (gate.Open(jobId, headers, body, out var job) is { } refused)
        {
            return refused;
        }

        return ImageReply.Write(job!, index, headers?.Find("if-none-match"), details.Output, body);
    }

    /// <summary>
    /// Answers <c>GET /sdapi/v1/jobs</c> with a newest-first JSON array; when more jobs match than <c>limit</c>, a
    /// <c>Link: &lt;…&amp;before=&lt;last id&gt;&gt;; rel="next"</c> header points to the next page.
    /// </summary>
    /// <param name="query">The raw query string without '?'.</param>
    /// <param name="headers">The request's headers.</param>
    /// <param name="body">Receives the reply body.</param>
    /// <returns>The reply head.</returns>
    public ReplyHead ListJobs(string? query, RequestHeaders? headers, IBufferWriter<byte> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (gate.Admit(headers, body, out var caller) is { } refused)
        {
            return refused;
        }

        if (!ListQuery.TryParse(QueryString.Parse(query), out var list, out var problem))
        {
            return JsonReplies.BadRequest(problem, body);
        }

        // One job more than asked tells whether a next page exists.
        var filter = list.Filter with { User = caller.OwnJobsOnly };
        var take = list.Limit == int.MaxValue ? int.MaxValue : list.Limit + 1;
        var found = list.Before is { } before ? store.NewestBefore(filter, take, before, caller.MayRead) : store.Newest(filter, take);
        if (found is null)
        {
            return JsonReplies.BadRequest("before names no job you can list (it may have been purged): list again from the first page", body);
        }

        var jobs = found.Count > list.Limit ? found.Take(list.Limit).ToList() : found;
        var items = new JobSummary[jobs.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = JobSummary.Of(jobs[i]);
        }

        JsonReplies.Serialize(body, items, TrackerJsonContext.Default.JobSummaryArray);
        return found.Count > list.Limit
            ? new ReplyHead(200, ReplyHeaders.JsonWith(("Link", $"<{list.NextPage(jobs[^1].Id)}>; rel=\"next\"")))
            : ReplyHead.Json(200);
    }

    private JobProgress LiveFields(JobRecord job, LiveState? live)
    {
        var now = UnixNow();
        return _progress.Hold(job, JobProgress.Of(job, live, now), now);
    }

    private double UnixNow() => time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private static bool TryParseFlag(string text, out bool value)
    {
        value = text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1";
        return value || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0";
    }
}
