using JobTracker.Diagnostics;
using JobTracker.Images;
using JobTracker.Storage;

namespace JobTracker.Retention;

/// <summary>
/// Removes finished jobs older than the retention, with their own image files and thumbnails. Pending and Processing
/// jobs are never removed; files are deleted only when they resolve inside the output folder; the
/// original extension's files (<see cref="JobRecord.LegacyOutputPaths"/>) are never deleted.
/// </summary>
/// <param name="store">The jobs.</param>
/// <param name="output">The tracker's image folder.</param>
/// <param name="time">The clock.</param>
/// <param name="log">Where results and problems are reported.</param>
internal sealed class RetentionPurger(JobStore store, OutputFolder output, TimeProvider time, ITrackerLog log)
{
    private const double SecondsPerDay = 86_400;

    /// <summary>Removes finished jobs created more than <paramref name="retentionDays"/> days ago.</summary>
    /// <param name="retentionDays">The retention; 0 keeps everything.</param>
    /// <returns>What was removed.</returns>
    public PurgeResult Purge(int retentionDays)
    {
        if (retentionDays <= 0)
        {
            return new PurgeResult(0, 0, Math.Max(0, retentionDays));
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var cutoff = now - (retentionDays * SecondsPerDay);
        var expired = store.CreatedBefore(cutoff, job => job.Status.IsFinal());
        var jobsRemoved = 0;
        var filesRemoved = 0;
        foreach (var job in expired)
        {
            if (!store.Remove(job.Id))
            {
                continue;
            }

            jobsRemoved++;
            filesRemoved += DeleteOwnFiles(job);
        }

        if (jobsRemoved > 0)
        {
            log.Write($"purged {jobsRemoved} job(s) older than {retentionDays} day(s) and {filesRemoved} file(s)");
        }

        return new PurgeResult(jobsRemoved, filesRemoved, retentionDays);
    }

    private int DeleteOwnFiles(JobRecord job)
    {
        var deleted = 0;
        // The answer kept for retries (see Recovery.FirstAnswer) exists only for the tracker's own jobs.
        var reply = job.LegacyOutputPaths is null ? OutputFolder.ReplyFileName(job.Id) : null;
        foreach (var file in job.Images.Select(i => i.File).Append(job.InfoFile).Append(reply).OfType<string>())
        {
            if (!output.TryResolve(file, out var path))
            {
                log.Write($"job {job.Id} names a file that is not in {output.Path}; it was not deleted");
                continue;
            }

            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                    deleted++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                log.Write($"cannot delete {path}: {ex.Message}");
            }
        }

        return deleted + DeleteThumbnails(job);
    }

    private int DeleteThumbnails(JobRecord job)
    {
        var deleted = 0;
        for (var i = 0; i < Math.Max(1, Http.JobSummary.ImageCountOf(job)); i++)
        {
            if (output.ThumbnailPath(job.Id, i) is not { } path || !File.Exists(path))
            {
                continue;
            }

            try
            {
                File.Delete(path);
                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                log.Write($"cannot delete {path}: {ex.Message}");
            }
        }

        return deleted;
    }
}
