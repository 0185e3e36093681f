using System.Text.Json.Serialization;

namespace JobTracker.Configuration;

/// <summary>The settings as the UI sees them (the JSON of <c>GetSettings</c>).</summary>
/// <param name="TrackingEnabled">Whether tracking is on.</param>
/// <param name="RetentionDays">Days jobs are kept; 0 = forever.</param>
/// <param name="Pinned">Which settings an environment variable fixes.</param>
/// <param name="DataDir">The folder holding config.json, the jobs and the images.</param>
/// <param name="Message">Why a change was refused or not saved; omitted when there is nothing to say.</param>
internal sealed record SettingsReport(
    bool TrackingEnabled,
    int RetentionDays,
    PinnedSettings Pinned,
    string DataDir,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null);
