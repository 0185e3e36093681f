using JobTracker.Storage;

namespace JobTracker.Images;

/// <summary>
/// Where a job's images are on disk: the tracker's own files inside the output folder, or the paths an
/// imported job of the original extension lists (a relative one is looked up from the WebUI's working
/// folder first, where A1111 saves "outputs/...", then from the data folder). Names that would leave the
/// output folder are dropped, and only regular files are read from it (<see cref="OutputFolder.MayRead"/>).
/// </summary>
/// <param name="output">The tracker's image folder.</param>
/// <param name="dataDirectory">The folder relative legacy paths are resolved against when they are not under the working folder.</param>
internal sealed class JobImageLocator(OutputFolder output, string dataDirectory)
{
    /// <summary>Tells whether an image path from <see cref="Paths"/> may be read (see <see cref="OutputFolder.MayRead"/>).</summary>
    /// <param name="path">The path.</param>
    /// <returns><see langword="true"/> if it may be read.</returns>
    public bool MayRead(string path) => output.MayRead(path);

    /// <summary>The absolute paths of the job's images that exist and may be read, in A1111's order.</summary>
    /// <param name="job">The job.</param>
    /// <returns>The paths; missing files are left out.</returns>
    public IReadOnlyList<string> ExistingImages(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var paths = new List<string>(JobSummaryCount(job));
        foreach (var path in Paths(job))
        {
            if (path is not null && output.MayRead(path))
            {
                paths.Add(path);
            }
        }

        return paths;
    }

    /// <summary>The absolute path of the job's first image if it exists.</summary>
    /// <param name="job">The job.</param>
    /// <returns>The path, or <see langword="null"/>.</returns>
    public string? FirstImage(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var first = Paths(job).FirstOrDefault();
        return first is not null && output.MayRead(first) ? first : null;
    }

    private static int JobSummaryCount(JobRecord job) => job.LegacyOutputPaths?.Count ?? job.Images.Count;

    /// <summary>Where each of the job's images should be, in A1111's order, whether or not the file exists.</summary>
    /// <param name="job">The job.</param>
    /// <returns>One absolute path per image; <see langword="null"/> for a name that cannot be resolved safely.</returns>
    public IEnumerable<string?> Paths(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.LegacyOutputPaths is { } legacy)
        {
            foreach (var path in legacy)
            {
                yield return LegacyFullPath(path);
            }

            yield break;
        }

        foreach (var image in job.Images)
        {
            yield return output.TryResolve(image.File, out var path) ? path : null;
        }
    }

    private string? LegacyFullPath(string path)
    {
        try
        {
            if (Path.IsPathFullyQualified(path))
            {
                return path;
            }

            var fromWebUi = Path.GetFullPath(path);
            return File.Exists(fromWebUi) ? fromWebUi : Path.GetFullPath(path, dataDirectory);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException or System.Security.SecurityException)
        {
            return null;
        }
    }
}
