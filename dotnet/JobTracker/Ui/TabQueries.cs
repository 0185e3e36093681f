using System.Text.Json;
using JobTracker.Diagnostics;
using JobTracker.Http;
using JobTracker.Images;
using JobTracker.Ids;
using JobTracker.Storage;

namespace JobTracker.Ui;

/// <summary>What the WebUI's "Job Tracker" tab reads: a page of the jobs table and one job's detail.</summary>
/// <param name="store">The jobs.</param>
/// <param name="output">The tracker's image folder (for thumbnail and info paths).</param>
/// <param name="images">Finds the jobs' image files.</param>
/// <param name="log">Where unreadable info files are reported.</param>
internal sealed class TabQueries(JobStore store, OutputFolder output, JobImageLocator images, ITrackerLog log)
{
    /// <summary>The page of newest-first jobs the query asks for; past the end, the last page.</summary>
    /// <param name="query">The filter, search and page.</param>
    /// <returns>The page.</returns>
    public JobPage Page(JobTableQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new JobFilter(Status: query.Status);
        var slice = store.Page(filter, query.MatchesSearch, (query.Page - 1) * query.PageSize, query.PageSize);
        var pages = Math.Max(1, (slice.Total + query.PageSize - 1) / query.PageSize);
        var page = query.Page;
        if (page > pages)
        {
            page = pages;
            slice = store.Page(filter, query.MatchesSearch, (page - 1) * query.PageSize, query.PageSize);
        }

        var rows = slice.Jobs.Select(Row).ToArray();
        return new JobPage(rows, slice.Total, page, pages, query.PageSize);
    }

    /// <summary>One job's detail.</summary>
    /// <param name="jobId">The ID, untrusted.</param>
    /// <returns>The detail, or <see langword="null"/> when there is no such job.</returns>
    public JobView? View(string? jobId)
    {
        if (!JobId.IsWellFormed(jobId) || store.Find(jobId!) is not { } job)
        {
            return null;
        }

        return new JobView(job.Id, job.Status, job.Prompt, job.NegativePrompt, job.Ip, job.Kind, job.CreationTime(),
            job.Started, job.Finished, job.Error, JobSummary.ImageCountOf(job), images.ExistingImages(job), ReadInfo(job));
    }

    private JobRow Row(JobRecord job) =>
        new(job.Id, job.Status, job.Prompt, job.Ip, job.Kind, job.CreationTime(), job.Started, job.Finished, job.Error,
            JobSummary.ImageCountOf(job), images.FirstImage(job), output.ThumbnailPath(job.Id, 0));

    private JsonElement? ReadInfo(JobRecord job)
    {
        if (job.InfoFile is null || !output.TryResolveStored(job.InfoFile, out var path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            log.Write($"info of job {job.Id} cannot be read ({ex.GetType().Name}: {ex.Message}); the tab shows none");
            return null;
        }
    }
}
