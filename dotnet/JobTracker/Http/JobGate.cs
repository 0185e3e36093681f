using System.Buffers;
using JobTracker.Ids;
using JobTracker.Security;
using JobTracker.Storage;

namespace JobTracker.Http;

/// <summary>
/// The one door of every job route: credentials first (401 with <c>WWW-Authenticate: Basic</c>), then, for a
/// route about one job, the ID's shape and the job's owner. Another user's job is answered exactly like an
/// unknown one (404), so its existence does not leak. Every handler, present and future, starts here.
/// </summary>
/// <param name="store">The jobs.</param>
/// <param name="policy">The access rules of the moment.</param>
internal sealed class JobGate(JobStore store, Func<AccessPolicy> policy)
{
    /// <summary>Lets a request in if its credentials are right (or none are required).</summary>
    /// <param name="headers">The request's headers.</param>
    /// <param name="body">Receives the 401 body when refused.</param>
    /// <param name="caller">Who is asking, when let in.</param>
    /// <returns><see langword="null"/> if let in, else the 401 reply head.</returns>
    public ReplyHead? Admit(RequestHeaders? headers, IBufferWriter<byte> body, out Caller caller)
    {
        ArgumentNullException.ThrowIfNull(body);
        caller = policy().Identify(headers);
        return caller.Outcome switch
        {
            AuthOutcome.Allowed => null,
            AuthOutcome.NotAuthenticated => JsonReplies.Unauthorized("Not authenticated", body),
            _ => JsonReplies.Unauthorized("Incorrect username or password", body),
        };
    }

    /// <summary>Lets a request about one job in: right credentials, a well-formed ID, a job the caller may see.</summary>
    /// <param name="jobId">The ID from the path, untrusted.</param>
    /// <param name="headers">The request's headers.</param>
    /// <param name="body">Receives the 401 or 404 body when refused.</param>
    /// <param name="job">The job, when let in.</param>
    /// <returns><see langword="null"/> if let in, else the 401 or 404 reply head.</returns>
    public ReplyHead? Open(string? jobId, RequestHeaders? headers, IBufferWriter<byte> body, out JobRecord? job)
    {
        job = null;
        if (Admit(headers, body, out var caller) is { } refused)
        {
            return refused;
        }

        // A malformed ID never reaches the store or the file system.
        if (!JobId.IsWellFormed(jobId))
        {
            return JsonReplies.JobNotFound(JobId.Sanitize(jobId), body);
        }

        if (store.Find(jobId!) is not { } found || !caller.MayRead(found))
        {
            return JsonReplies.JobNotFound(jobId!, body);
        }

        job = found;
        return null;
    }
}
