namespace JobTracker.Images;

/// <summary>
/// The folder of the tracker's own image files. Every name stored in a job is resolved here and
/// refused if it is not a plain file name directly inside it, so a tampered record can never make
/// the tracker read or delete anything else.
/// </summary>
internal sealed class OutputFolder
{
    /// <summary>Initializes a new instance of the <see cref="OutputFolder"/> class.</summary>
    /// <param name="path">The folder; made absolute.</param>
    public OutputFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
    }

    /// <summary>Gets the absolute path of the folder.</summary>
    public string Path { get; }

    /// <summary>The name of a job's n-th image: <c>&lt;id&gt;-&lt;n&gt;.&lt;ext&gt;</c>.</summary>
    /// <param name="jobId">The job ID.</param>
    /// <param name="index">The image's position in A1111's answer, from 0.</param>
    /// <param name="format">The detected format.</param>
    /// <returns>The file name.</returns>
    public static string FileName(string jobId, int index, ImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return $"{jobId}-{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{format.Extension}";
    }

    /// <summary>The name of the file holding a job's A1111 info JSON: <c>&lt;id&gt;-info.json</c>.</summary>
    /// <param name="jobId">The job ID.</param>
    /// <returns>The file name.</returns>
    public static string InfoFileName(string jobId) => jobId + "-info.json";

    /// <summary>Gets the folder of the tab's thumbnails, <c>thumbs</c> inside the output folder.</summary>
    public string ThumbnailDirectory => System.IO.Path.Combine(Path, "thumbs");

    /// <summary>
    /// The path of the thumbnail of a job's n-th image, <c>thumbs/&lt;id&gt;-&lt;n&gt;.jpg</c>; the Python tab makes
    /// it with Pillow, the purge deletes it with the job.
    /// </summary>
    /// <param name="jobId">The job ID; only well-formed IDs have thumbnails.</param>
    /// <param name="index">The image's position, from 0.</param>
    /// <returns>The absolute path, or <see langword="null"/> for an ID that is not well-formed.</returns>
    public string? ThumbnailPath(string jobId, int index) =>
        Ids.JobId.IsWellFormed(jobId) && index >= 0
            ? System.IO.Path.Combine(ThumbnailDirectory, $"{jobId}-{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}.jpg")
            : null;

    /// <summary>The name of the file holding the first answer a job gave its client: <c>&lt;id&gt;-reply.bin</c>.</summary>
    /// <param name="jobId">The job ID.</param>
    /// <returns>The file name.</returns>
    public static string ReplyFileName(string jobId) => jobId + "-reply.bin";

    /// <summary>
    /// Resolves a stored file name to a file to read: a path inside the folder whose entry is a regular file, never a
    /// symbolic link (which could lead out of the data folder) nor anything else.
    /// </summary>
    /// <param name="fileName">A name from a job record.</param>
    /// <param name="fullPath">The absolute path when the name is acceptable and the file is there.</param>
    /// <returns><see langword="false"/> if the name is refused by <see cref="TryResolve"/>, or no regular file has it.</returns>
    public bool TryResolveStored(string? fileName, out string fullPath) =>
        TryResolve(fileName, out fullPath) && Storage.PrivateFiles.IsRegularFile(fullPath);

    /// <summary>
    /// Tells whether a path may be read: inside this folder only a regular file of its own (no link) is; outside it
    /// (a legacy job's image in A1111's folder) any existing file is.
    /// </summary>
    /// <param name="fullPath">An absolute path.</param>
    /// <returns><see langword="true"/> if it may be read.</returns>
    public bool MayRead(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var inside = fullPath.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside ? Storage.PrivateFiles.IsRegularFile(fullPath) : File.Exists(fullPath);
    }

    /// <summary>Resolves a stored file name to a path inside the folder.</summary>
    /// <param name="fileName">A name from a job record.</param>
    /// <param name="fullPath">The absolute path when the name is acceptable.</param>
    /// <returns><see langword="false"/> if the name is empty, has a directory part, or would leave the folder.</returns>
    public bool TryResolve(string? fileName, out string fullPath)
    {
        fullPath = string.Empty;
        if (string.IsNullOrWhiteSpace(fileName) || fileName is "." or ".."
            || fileName.AsSpan().IndexOfAny('/', '\\', '\0') >= 0 || System.IO.Path.IsPathRooted(fileName))
        {
            return false;
        }

        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, fileName));
        if (!string.Equals(System.IO.Path.GetDirectoryName(candidate), Path, StringComparison.Ordinal))
        {
            return false;
        }

        fullPath = candidate;
        return true;
    }
}
