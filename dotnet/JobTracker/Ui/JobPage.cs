namespace JobTracker.Ui;

/// <summary>One page of the tab's jobs table (the JSON of <c>TrackerHost.GetJobPage</c>).</summary>
/// <param name="Jobs">The rows, newest first.</param>
/// <param name="Total">How many jobs match the filter and search.</param>
/// <param name="Page">The page shown, from 1 (the last page when the one asked for is past the end).</param>
/// <param name="Pages">How many pages there are (at least 1).</param>
/// <param name="PageSize">Jobs per page.</param>
internal sealed record JobPage(IReadOnlyList<JobRow> Jobs, int Total, int Page, int Pages, int PageSize);
