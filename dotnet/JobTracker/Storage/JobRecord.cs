using JobTracker.Images;

namespace JobTracker.Storage;

/// <summary>
/// One tracked job as stored in <c>jobs.json</c> and the journal (property names in snake_case).
/// Immutable: changes make a copy with <c>with</c>, so a snapshot can be written outside the store's lock.
/// </summary>
internal sealed record JobRecord
{
    // A store holds 100,000 jobs, so the names that follow from the ID (<id>-<n>.<ext>, <id>-info.json) and the
    // request's digest are kept compactly; a record whose values do not follow the pattern keeps them as given.
    private const string InfoSuffix = "-info.json";

    private readonly string _id = string.Empty;
    private readonly IReadOnlyList<StoredImage> _explicitImages = [];
    private readonly byte[]? _imageFormats;
    private readonly string? _explicitInfoFile;
    private readonly bool _hasDerivedInfoFile;
    private readonly string? _explicitRequestSha256;
    private readonly Sha256Digest? _requestSha256;

    // Times as plain doubles with NaN for "none" (the reader accepts only finite times): a double? takes twice the room.
    private readonly double _created = double.NaN;
    private readonly double _started = double.NaN;
    private readonly double _finished = double.NaN;

    /// <summary>Gets the 8-character ID.</summary>
    public required string Id
    {
        get => _id;
        init
        {
            // Names derived from the old ID stay what they were: they are files on disk.
            var images = Images;
            var infoFile = InfoFile;
            _id = value;
            (_imageFormats, _explicitImages) = CompactImages(value, images);
            (_hasDerivedInfoFile, _explicitInfoFile) = CompactInfoFile(value, infoFile);
        }
    }

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
    public double? Created
    {
        get => double.IsNaN(_created) ? null : _created;
        init => _created = value ?? double.NaN;
    }

    /// <summary>Gets when generation started, in unix seconds, or <see langword="null"/>.</summary>
    public double? Started
    {
        get => double.IsNaN(_started) ? null : _started;
        init => _started = value ?? double.NaN;
    }

    /// <summary>Gets when A1111 answered, in unix seconds, or <see langword="null"/>.</summary>
    public double? Finished
    {
        get => double.IsNaN(_finished) ? null : _finished;
        init => _finished = value ?? double.NaN;
    }

    /// <summary>Gets why the job failed, or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the stored images in A1111's order.</summary>
    public IReadOnlyList<StoredImage> Images
    {
        get => _imageFormats is { } formats ? new DerivedImages(_id, formats) : _explicitImages;
        init => (_imageFormats, _explicitImages) = CompactImages(_id, value ?? []);
    }

    /// <summary>
    /// Gets the name of the file in the output folder that holds A1111's <c>info</c> JSON exactly as received
    /// (<c>&lt;id&gt;-info.json</c>), or <see langword="null"/>. It is a file rather than a field because A1111's
    /// info runs to kilobytes per job, which would make the store slow to load and large in memory.
    /// </summary>
    public string? InfoFile
    {
        get => _hasDerivedInfoFile ? OutputFolder.InfoFileName(_id) : _explicitInfoFile;
        init => (_hasDerivedInfoFile, _explicitInfoFile) = CompactInfoFile(_id, value);
    }

    /// <summary>
    /// Gets the SHA-256 of the request body (lower-case hex), so a retry with the same <c>X-Job-ID</c> can be told
    /// from a different request; <see langword="null"/> for jobs recorded before it was kept.
    /// </summary>
    public string? RequestSha256
    {
        get => _requestSha256?.ToString() ?? _explicitRequestSha256;
        init => (_requestSha256, _explicitRequestSha256) = Sha256Digest.TryParseLowerHex(value, out var digest) ? (digest, null) : ((Sha256Digest?)null, value);
    }

    /// <summary>
    /// Gets the image paths of a job imported from the original extension's <c>jobs.json</c>
    /// (served from there, never deleted), or <see langword="null"/> for the tracker's own jobs.
    /// </summary>
    public IReadOnlyList<string>? LegacyOutputPaths { get; init; }

    /// <summary>Sets the images as formats only, named after <see cref="Id"/> (which must be set first); for the store's reader.</summary>
    internal byte[]? DerivedImageFormats
    {
        init
        {
            if (value is { Length: > 0 })
            {
                (_imageFormats, _explicitImages) = (value, []);
            }
        }
    }

    /// <summary>Sets <see cref="InfoFile"/> to the name derived from <see cref="Id"/>; for the store's reader.</summary>
    internal bool HasDerivedInfoFile
    {
        init
        {
            if (value)
            {
                (_hasDerivedInfoFile, _explicitInfoFile) = (true, null);
            }
        }
    }

    /// <summary>Sets <see cref="RequestSha256"/> from its parsed form; for the store's reader.</summary>
    internal Sha256Digest? RequestDigest
    {
        init
        {
            if (value is { } digest)
            {
                (_requestSha256, _explicitRequestSha256) = (digest, null);
            }
        }
    }

    /// <summary>Gets the time used to order jobs: <see cref="Created"/>, or <see cref="Timestamp"/> when that is missing.</summary>
    /// <returns>Unix seconds.</returns>
    public double CreationTime() => Created ?? Timestamp;

    private static (byte[]? Formats, IReadOnlyList<StoredImage> Explicit) CompactImages(string id, IReadOnlyList<StoredImage> images) =>
        images.Count > 0 && id.Length > 0 && DerivedImages.TryDerive(id, images) is { } formats ? (formats, []) : (null, images);

    private static (bool Derived, string? Explicit) CompactInfoFile(string id, string? infoFile) =>
        infoFile is not null && id.Length > 0 && infoFile.Length == id.Length + InfoSuffix.Length
        && infoFile.StartsWith(id, StringComparison.Ordinal) && infoFile.EndsWith(InfoSuffix, StringComparison.Ordinal) ? (true, null) : (false, infoFile);
}
