using System.Text.Json.Serialization;
using JobTracker.Configuration;
using JobTracker.Http;
using JobTracker.Retention;
using JobTracker.Storage;

namespace JobTracker.Serialization;

/// <summary>
/// Every JSON shape the tracker reads or writes, with source-generated (reflection-free) metadata.
/// Property names are snake_case.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = JsonLimits.MaxDepth)]
[JsonSerializable(typeof(JobRecord))]
[JsonSerializable(typeof(JournalDeletion))]
[JsonSerializable(typeof(ConfigFileContent))]
[JsonSerializable(typeof(SettingsReport))]
[JsonSerializable(typeof(PurgeResult))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(DetailBody))]
[JsonSerializable(typeof(JobSummary[]))]
[JsonSerializable(typeof(Ui.JobPage))]
[JsonSerializable(typeof(Ui.JobView))]
internal sealed partial class TrackerJsonContext : JsonSerializerContext;
