namespace JobTracker.Storage;

/// <summary>One page of a newest-first job list and how many jobs match in all.</summary>
/// <param name="Jobs">The jobs of the page, newest first.</param>
/// <param name="Total">How many jobs match, on every page.</param>
internal sealed record JobSlice(IReadOnlyList<JobRecord> Jobs, int Total);
