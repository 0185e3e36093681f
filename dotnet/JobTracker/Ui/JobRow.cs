using JobTracker.Storage;

namespace JobTracker.Ui;

/// <summary>One row of the tab's jobs table, with the paths the Python side needs for the thumbnail.</summary>
/// <param name="Id">The job ID.</param>
/// <param name="Status">The status.</param>
/// <param name="Prompt">The whole prompt (the tab shortens it).</param>
/// <param name="Ip">The client address.</param>
/// <param name="Kind">"txt2img", "img2img" or null.</param>
/// <param name="Created">Creation time, unix seconds.</param>
/// <param name="Started">When generation started, or null.</param>
/// <param name="Finished">When A1111 answered, or null.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="ImageCount">How many images the job has.</param>
/// <param name="FirstImage">The absolute path of the first image if it exists, else null.</param>
/// <param name="Thumbnail">Where its thumbnail is or is to be made, or null when the job can have none.</param>
internal sealed record JobRow(
    string Id,
    JobStatus Status,
    string Prompt,
    string Ip,
    string? Kind,
    double Created,
    double? Started,
    double? Finished,
    string? Error,
    int ImageCount,
    string? FirstImage,
    string? Thumbnail);
