using System.Buffers;
using System.Globalization;
using JobTracker.Diagnostics;
using JobTracker.Http;
using JobTracker.Images;
using JobTracker.Storage;

namespace JobTracker.Recovery;

/// <summary>Writes the answers to requests whose <c>X-Job-ID</c> is malformed or already in use.</summary>
/// <param name="output">The tracker's output folder (reply and image files).</param>
/// <param name="details">Writes the job object when no stored answer exists.</param>
/// <param name="log">Where unreadable files are reported.</param>
internal sealed class RetryReplies(OutputFolder output, JobDetailsWriter? details, ITrackerLog log)
{
    /// <summary>The request header carrying a client-chosen job ID.</summary>
    public const string Header = "x-job-id";

    /// <summary>Writes the answer to a request whose <c>X-Job-ID</c> is already in use.</summary>
    /// <param name="verdict">What the request is, compared with the one that has the ID.</param>
    /// <param name="jobId">The ID.</param>
    /// <param name="existing">The stored job with that ID, or <see langword="null"/> when it is only reserved.</param>
    /// <param name="body">Receives the body.</param>
    /// <returns>The reply head.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="verdict"/> is <see cref="RetryVerdict.New"/>, or a replay without a job.</exception>
    public ReplyHead Answer(RetryVerdict verdict, string jobId, JobRecord? existing, IBufferWriter<byte> body) => verdict switch
    {
        RetryVerdict.Replay when existing is not null => Replay(existing, body),
        RetryVerdict.InFlight => InFlight(jobId, (existing?.Status ?? JobStatus.Pending).ToString(), body),
        RetryVerdict.Mismatch => Mismatch(jobId, body),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "not an answer to a request whose ID is in use"),
    };

    /// <summary>Writes <c>400</c>: the ID is not 8 characters from [A-Za-z0-9].</summary>
    /// <param name="body">Receives the body.</param>
    /// <returns>The reply head.</returns>
    public static ReplyHead Malformed(IBufferWriter<byte> body) =>
        JsonReplies.BadRequest("X-Job-ID must be exactly 8 characters from A-Z, a-z and 0-9", body);

    /// <summary>Writes <c>409</c> with <c>Retry-After</c>: the same request is still in flight.</summary>
    /// <param name="jobId">The ID.</param>
    /// <param name="status">"Pending" or "Processing".</param>
    /// <param name="body">Receives the body.</param>
    /// <returns>The reply head.</returns>
    public static ReplyHead InFlight(string jobId, string status, IBufferWriter<byte> body)
    {
        var head = JsonReplies.Error(409, "Conflict", $"job {jobId} is {status}; it is not generated twice. Fetch GET /sdapi/v1/job/{jobId}, or retry later", body);
        return head with { Headers = ReplyHeaders.With(head.Headers, JobHeader(jobId), RetryAfter(JobProgress.DefaultRetryAfterSeconds)) };
    }

    /// <summary>Writes <c>422</c>: the ID belongs to a different request.</summary>
    /// <param name="jobId">The ID.</param>
    /// <param name="body">Receives the body.</param>
    /// <returns>The reply head.</returns>
    public static ReplyHead Mismatch(string jobId, IBufferWriter<byte> body) =>
        JsonReplies.Error(422, "IdempotencyKeyMismatch", $"X-Job-ID {jobId} is already used by a different request; choose another ID", body);

    /// <summary>The header announcing the job ID.</summary>
    /// <param name="jobId">The ID.</param>
    /// <returns>The header's name and value.</returns>
    public static (string Name, string Value) JobHeader(string jobId) => ("X-Job-ID", jobId);

    /// <summary>The <c>Retry-After</c> header.</summary>
    /// <param name="seconds">Seconds.</param>
    /// <returns>The header's name and value.</returns>
    public static (string Name, string Value) RetryAfter(int seconds) => ("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes the first answer of a finished job again: stored status and body, images from their files.</summary>
    /// <param name="job">The finished job.</param>
    /// <param name="body">Receives the body.</param>
    /// <returns>The reply head.</returns>
    public ReplyHead Replay(JobRecord job, IBufferWriter<byte> body)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            if (FirstAnswer.TryLoad(output, job.Id, out var status, out var offset, out var skeleton) && ImagePaths(job) is { } paths)
            {
                FirstAnswer.Rebuild(skeleton, offset, paths, body);
                return new ReplyHead(status, ReplyHeaders.JsonWith(JobHeader(job.Id)));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Write($"job {job.Id}: its stored answer cannot be read ({ex.Message}); a retry gets the job object instead");
        }

        // No stored answer (a job older than this feature, or one whose request ended without an answer).
        if (details is null)
        {
            return JsonReplies.Error(409, "Conflict", $"job {job.Id} is {job.Status}; fetch GET /sdapi/v1/job/{job.Id}", body);
        }

        details.Write(job, includeImages: true, body);
        return new ReplyHead(200, ReplyHeaders.JsonWith(JobHeader(job.Id)));
    }

    private List<string>? ImagePaths(JobRecord job)
    {
        var paths = new List<string>(job.Images.Count);
        foreach (var image in job.Images)
        {
            if (!output.TryResolve(image.File, out var path) || !File.Exists(path))
            {
                log.Write($"job {job.Id}: image {image.File} is missing; a retry gets the job object instead of the stored answer");
                return null;
            }

            paths.Add(path);
        }

        return paths;
    }
}
