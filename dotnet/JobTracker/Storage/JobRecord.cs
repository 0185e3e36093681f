namespace JobTracker.Storage;

/// <summary>
/// One tracked job as stored in <c>jobs.json</c> and the journal (property names in snake_case).
/// Immutable: changes make a copy with <c>with</c>, so a snapshot can be written outside the store's lock.
/// </summary>
public sealed record JobRecord
{
    /// <summary>Gets the 8-character ID.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the route that created the job: "txt2img" or "img2img"; <see langword="null"/> for jobs imported from the original extension.</summary>
    public string? Kind { get; init; }

    /// <summary>Gets the prompt of the request ("" when it had none).</summary>
    public string Prompt { get; init; } = string.Empty;

    /// <summary>Gets the negative prompt of the request ("" when it had none).</summary>
    public string NegativePrompt { get; init; } = string.Empty;

    /// <summary>Gets the client address the request came from.</summary>
    public string Ip { get; init; } = string.Empty;

    /// <summary>Gets the HTTP Basic user name the request carried, or <see langword="null"/>.</summary>
    public string? User { get; init; }

    /// <summary>Gets the current status.</summary>
    public JobStatus Status { get; init; }

    /// <summary>Gets the creation time in whole unix seconds (the original extension's field).</summary>
    public long Timestamp { get; init; }

    /// <summary>Gets the creation time in unix seconds with fraction, or <see langword="null"/> for imported jobs.</summary>
    public double? Created { get; init; }

    /// <summary>Gets when generation started, in unix seconds, or <see langword="null"/>.</summary>
    public double? Started { get; init; }

    /// <summary>Gets when A1111 answered, in unix seconds, or <see langword="null"/>.</summary>
    public double? Finished { get; init; }

    /// <summary>Gets why the job failed, or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the stored images in A1111's order.</summary>
    public IReadOnlyList<StoredImage> Images { get; init; } = [];

    /// <summary>
    /// Gets the name of the file in the output folder that holds A1111's <c>info</c> JSON exactly as received
    /// (<c>&lt;id&gt;-info.json</c>), or <see langword="null"/>. It is a file rather than a field because A1111's
    /// info runs to kilobytes per job, which would make the store slow to load and large in memory.
    /// </summary>
    public string? InfoFile { get; init; }

    /// <summary>
    /// Gets the SHA-256 of the request body (lower-case hex), so a retry with the same <c>X-Job-ID</c> can be told
    /// from a different request; <see langword="null"/> for jobs recorded before it was kept.
    /// </summary>
    public string? RequestSha256 { get; init; }

    /// <summary>
    /// Gets the image paths of a job imported from the original extension's <c>jobs.json</c>
    /// (served from there, never deleted), or <see langword="null"/> for the tracker's own jobs.
    /// </summary>
    public IReadOnlyList<string>? LegacyOutputPaths { get; init; }

    /// <summary>Gets the time used to order jobs: <see cref="Created"/>, or <see cref="Timestamp"/> when that is missing.</summary>
    /// <returns>Unix seconds.</returns>
    public double CreationTime() => Created ?? Timestamp;
}
