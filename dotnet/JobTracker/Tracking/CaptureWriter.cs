using JobTracker.Diagnostics;
using JobTracker.Images;
using JobTracker.Storage;

namespace JobTracker.Tracking;

/// <summary>
/// Stores the images and info of a finished job, then marks it Completed, or Failed with
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

    /// <returns>The job's status afterwards (Completed, or Failed when the files could not be written), or null when the job vanished.</returns>
    public JobStatus? Write(string jobId, IReadOnlyList<byte[]> images, string? info, double finished)
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
            return _store.Update(jobId, j => j with { Status = JobStatus.Failed, Error = RequestTracker.StoreFailedError + FileProblem.Describe(ex), Finished = finished })?.Status;
        }

        var updated = _store.Update(jobId, j => j with
        {
            Status = JobStatus.Completed,
            Error = null,
            Images = stored.Images,
            InfoFile = stored.InfoFile,
            Finished = finished,
        });
        if (updated is null)
        {
            // The job vanished meanwhile (purged): do not leave its files behind.
            ImageFiles.Delete(stored.Images.Select(i => i.File).Append(stored.InfoFile).OfType<string>().Select(f => Path.Combine(_output.Path, f)));
        }

        return updated?.Status;
    }
}
