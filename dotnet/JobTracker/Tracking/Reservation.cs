using JobTracker.Storage;

namespace JobTracker.Tracking;

/// <summary>An ID handed out by <c>BeginRequest</c> whose job A1111 has not admitted yet (kept in memory only).</summary>
/// <param name="Id">The reserved ID.</param>
/// <param name="Kind">"txt2img" or "img2img".</param>
/// <param name="Prompt">The request's prompt.</param>
/// <param name="NegativePrompt">The request's negative prompt.</param>
/// <param name="Ip">The client address.</param>
/// <param name="User">The Basic-auth user, or null.</param>
/// <param name="Created">When the request arrived, unix seconds.</param>
/// <param name="RequestSha256">The fingerprint of the request body (see <see cref="Recovery.RequestFingerprint"/>).</param>
internal sealed record Reservation(string Id, string Kind, string Prompt, string NegativePrompt, string Ip, string? User, double Created, string RequestSha256)
{
    public JobRecord ToJob(JobStatus status, double? started = null) => new()
    {
        Id = Id,
        Kind = Kind,
        Prompt = Prompt,
        NegativePrompt = NegativePrompt,
        Ip = Ip,
        User = User,
        Status = status,
        Timestamp = (long)Math.Floor(Created),
        Created = Created,
        Started = started,
        RequestSha256 = RequestSha256,
    };
}
