using JobTracker.Diagnostics;
using JobTracker.Images;
using JobTracker.Storage;

namespace JobTracker.Tracking;

/// <summary>
/// Stores the images and info of a finished job, then marks it Completed (or Failed as cancelled, keeping them), or Failed with
/// "tracker could not store the images: &lt;reason&gt;" (in words, without a path: the log has the details). A failing disk is logged once, and again only
/// after it worked in between. Thread-safe.
/// </summary>
internal sealed class CaptureWriter
{
    private readonly JobStore _store;
    private readonly OutputFolder _output;
    private readonly FailureLatch _failures;

    public CaptureWriter(JobStore store, OutputFolder output, ITrackerLog log)
    {
        _store = store;
        _output = output;
        _failures = new FailureLatch(log, "storing images in " + output.Path);
    }

    /// <summary>Writes the files, then marks the job.</summary>
    /// <param name="jobId">The job ID.</param>
    /// <param name="images">The decoded images.</param>
    /// <param name="info">A1111's info text, or <see langword="null"/>.</param>
    /// <param name="finished">The end time, in unix seconds.</param>
    /// <param name="failedWith">The error the job ends Failed with although its images are stored (a cancelled job); <see langword="null"/> for Completed.</param>
    /// <returns><see langword="true"/> if the files are stored and the job marked; <see langword="false"/> when they could not be written (the job is Failed) or the job vanished.</returns>
    public bool Write(string jobId, IReadOnlyList<byte[]> images, string? info, double finished, string? failedWith = null)
    {
        CapturedFiles stored;
        try
        {
            stored = ImageFiles.WriteAll(_output, jobId, images, info);
            _failures.Succeed();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _failures.Fail($"cannot write images to {_output.Path}: {ex.Message}; until this is fixed, affected jobs are marked Failed");
            _store.Update(jobId, j => j with { Status = JobStatus.Failed, Error = RequestTracker.StoreFailedError + FileProblem.Describe(ex), Finished = finished });
            return false;
        }

        var updated = _store.Update(jobId, j => j with
        {
            Status = failedWith is null ? JobStatus.Completed : JobStatus.Failed,
            Error = failedWith,
            Images = stored.Images,
            InfoFile = stored.InfoFile,
            Finished = finished,
        });
        if (updated is null)
        {
            // The job vanished meanwhile (purged): do not leave its files behind.
            ImageFiles.Delete(stored.Images.Select(i => i.File).Append(stored.InfoFile).OfType<string>().Select(f => Path.Combine(_output.Path, f)));
        }

        return updated is not null;
    }
}
