using JobTracker.Storage;
using JobTracker.Ui;

namespace JobTracker.Tests.Ui;

public class JobTableQueryTests
{
    [TestCase("All", null)]
    [TestCase("", null)]
    [TestCase("bogus", null)]
    [TestCase("failed", nameof(JobStatus.Failed))]
    [TestCase(" Processing ", nameof(JobStatus.Processing))]
    public void From_Status_ParsedOrAll(string status, string? expectedName) =>
        Assert.That(JobTableQuery.From(status, "", 1, 10).Status,
            Is.EqualTo(expectedName is null ? null : Enum.Parse<JobStatus>(expectedName)));

    [TestCase(0, 0, 1, JobTableQuery.MinPageSize)]
    [TestCase(-5, 1000, 1, JobTableQuery.MaxPageSize)]
    [TestCase(3, 25, 3, 25)]
    public void From_PageAndSize_BroughtIntoRange(int page, int size, int expectedPage, int expectedSize)
    {
        var query = JobTableQuery.From(null, null, page, size);
        Assert.That((query.Page, query.PageSize), Is.EqualTo((expectedPage, expectedSize)));
    }

    [Test]
    public void From_LongSearch_TrimmedAndCut() =>
        Assert.That(JobTableQuery.From("All", "  " + new string('x', 500), 1, 10).Search, Has.Length.EqualTo(JobTableQuery.MaxSearchLength));
}
