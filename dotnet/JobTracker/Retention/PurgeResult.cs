namespace JobTracker.Retention;

/// <summary>What a purge removed (the JSON of <c>PurgeNow</c>).</summary>
/// <param name="JobsRemoved">How many jobs were removed.</param>
/// <param name="FilesRemoved">How many of the tracker's own files (images and info) were deleted.</param>
/// <param name="RetentionDays">The retention the purge applied; 0 = keep forever, so nothing is removed.</param>
internal sealed record PurgeResult(int JobsRemoved, int FilesRemoved, int RetentionDays);
