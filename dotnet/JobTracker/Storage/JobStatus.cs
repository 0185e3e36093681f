using System.Text.Json.Serialization;

namespace JobTracker.Storage;

/// <summary>Where a job is in its life; stored and served by name ("Pending", "Processing", ...).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
internal enum JobStatus
{
    /// <summary>A1111 admitted the request to its queue; generation has not started.</summary>
    Pending,

    /// <summary>Generation has started.</summary>
    Processing,

    /// <summary>A1111 answered 200 and the images are stored.</summary>
    Completed,

    /// <summary>A1111 answered with an error, the request ended without an answer, the images could not be stored, or the job was cancelled (error "cancelled").</summary>
    Failed,
}
