using System.Buffers;
using System.Text.Json;
using JobTracker.Http;
using JobTracker.Ids;
using JobTracker.Storage;

namespace JobTracker.Cancellation;

/// <summary>
/// The logic of <c>POST /sdapi/v1/job/{id}/cancel</c> (and of the tab's Cancel button), in two steps around what
/// the shim does on A1111's objects: <see cref="Begin"/> passes the <see cref="JobGate"/> (401, 404) and decides
/// the action from the job's status (409 once it has ended); <see cref="Finish"/> records what the shim did and
/// answers: 200 with the job ended, 202 while an interrupted job still has to answer, 409 if it finished first.
/// </summary>
/// <param name="store">The jobs.</param>
/// <param name="gate">Credentials and ownership, as for every job route.</param>
/// <param name="details">Writes the job object.</param>
/// <param name="canceller">Records the outcome.</param>
internal sealed class CancelHandler(JobStore store, JobGate gate, JobDetailsWriter details, JobCanceller canceller)
{
    /// <summary>The first step of an API request: who asks, which job, and what to do to it.</summary>
    /// <param name="jobId">The ID from the path, untrusted.</param>
    /// <param name="headers">The request's headers.</param>
    /// <param name="body">Receives the refusal's body.</param>
    /// <param name="action">What the shim must do when no reply is returned.</param>
    /// <returns><see langword="null"/> to go on with <paramref name="action"/>, else the reply (401, 404, 409).</returns>
    public ReplyHead? Begin(string? jobId, RequestHeaders? headers, IBufferWriter<byte> body, out CancelAction action)
    {
        action = CancelAction.Refuse;
        return gate.Open(jobId, headers, body, out var job) is { } refused ? refused : Decide(job!, body, out action);
    }

    /// <summary>The first step for the WebUI's own tab, which sees every job (as its job list does).</summary>
    /// <param name="jobId">The ID, untrusted.</param>
    /// <param name="body">Receives the refusal's body.</param>
    /// <param name="action">What the shim must do when no reply is returned.</param>
    /// <returns><see langword="null"/> to go on with <paramref name="action"/>, else the reply (404, 409).</returns>
    public ReplyHead? BeginForTab(string? jobId, IBufferWriter<byte> body, out CancelAction action)
    {
        action = CancelAction.Refuse;
        if (!JobId.IsWellFormed(jobId) || store.Find(jobId!) is not { } job)
        {
            return JsonReplies.JobNotFound(JobId.Sanitize(jobId), body);
        }

        return Decide(job, body, out action);
    }

    /// <summary>The second step: records what the shim did and answers.</summary>
    /// <param name="jobId">The ID <see cref="Begin"/> let in.</param>
    /// <param name="outcome">The shim's report: a <see cref="CancelOutcome"/> name.</param>
    /// <param name="body">Receives the reply body.</param>
    /// <returns>The reply head.</returns>
    /// <exception cref="ArgumentException">The outcome is not a <see cref="CancelOutcome"/> name (a shim bug).</exception>
    public ReplyHead Finish(string? jobId, string? outcome, IBufferWriter<byte> body)
    {
        if (!Enum.TryParse<CancelOutcome>(outcome, ignoreCase: false, out var done) || !Enum.IsDefined(done))
        {
            throw new ArgumentException($"unknown cancel outcome '{outcome}'", nameof(outcome));
        }

        if (!JobId.IsWellFormed(jobId) || canceller.Settle(jobId!, done) is not { } job)
        {
            return JsonReplies.JobNotFound(JobId.Sanitize(jobId), body);
        }

        if (done == CancelOutcome.Dequeued && JobCancellation.IsCancelled(job))
        {
            details.Write(job, includeImages: false, body);
            return ReplyHead.Json(200);
        }

        if (done == CancelOutcome.Interrupted && !job.Status.IsFinal())
        {
            details.Write(job, includeImages: false, body);
            return new ReplyHead(202, ReplyHeaders.JsonWith(("Location", "/sdapi/v1/job/" + job.Id)));
        }

        return Conflict(job, $"Job {job.Id} finished before it could be stopped", body);
    }

    private static ReplyHead? Decide(JobRecord job, IBufferWriter<byte> body, out CancelAction action)
    {
        action = JobCancellation.ActionFor(job.Status);
        return action == CancelAction.Refuse ? Conflict(job, $"Job {job.Id} has already ended", body) : null;
    }

    private static ReplyHead Conflict(JobRecord job, string detail, IBufferWriter<byte> body)
    {
        using var writer = new Utf8JsonWriter(body);
        writer.WriteStartObject();
        writer.WriteString("error", "Conflict");
        writer.WriteString("detail", detail);
        writer.WriteString("status", job.Status.ToString());
        writer.WriteBoolean("cancelled", JobCancellation.IsCancelled(job));
        writer.WriteEndObject();
        return ReplyHead.Json(409);
    }
}
