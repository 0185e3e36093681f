using System.Text.Json;
using JobTracker.Storage;

namespace JobTracker.Ui;

/// <summary>The tab's job detail (the JSON of <c>TrackerHost.GetJobView</c>).</summary>
/// <param name="Id">The job ID.</param>
/// <param name="Status">The status.</param>
/// <param name="Prompt">The prompt.</param>
/// <param name="NegativePrompt">The negative prompt.</param>
/// <param name="Ip">The client address.</param>
/// <param name="Kind">"txt2img", "img2img" or null.</param>
/// <param name="Created">Creation time, unix seconds.</param>
/// <param name="Started">When generation started, or null.</param>
/// <param name="Finished">When A1111 answered, or null.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="ImageCount">How many images the job has.</param>
/// <param name="Images">The absolute paths of its images that exist, in A1111's order.</param>
/// <param name="Info">A1111's generation info object, or null.</param>
internal sealed record JobView(
    string Id,
    JobStatus Status,
    string Prompt,
    string NegativePrompt,
    string Ip,
    string? Kind,
    double Created,
    double? Started,
    double? Finished,
    string? Error,
    int ImageCount,
    IReadOnlyList<string> Images,
    JsonElement? Info);
