using JobTracker.Http;
using JobTracker.Storage;

namespace JobTracker.Tests.Http;

public class ListQueryTests
{
    [Test]
    public void TryParse_Empty_DefaultsNoFilter()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ListQuery.TryParse(QueryString.Parse(""), out var query, out _), Is.True);
            Assert.That(query, Is.EqualTo(new ListQuery(JobFilter.None, 50)));
        });
    }

    [Test]
    public void TryParse_AllParameters_Filter()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ListQuery.TryParse(QueryString.Parse("ip=1.2.3.4&status=COMPLETED&after=1736712000.5&limit=500&other=x"), out var query, out _), Is.True);
            Assert.That(query, Is.EqualTo(new ListQuery(new JobFilter(JobStatus.Completed, "1.2.3.4", 1736712000.5), 500)));
        });
    }

    [TestCase("pending", JobStatus.Pending)]
    [TestCase("Processing", JobStatus.Processing)]
    [TestCase("failed", JobStatus.Failed)]
    public void TryParse_Status_CaseInsensitive(string text, JobStatus expected)
    {
        Assert.That(ListQuery.TryParse(QueryString.Parse("status=" + text), out var query, out _), Is.True);
        Assert.That(query.Filter.Status, Is.EqualTo(expected));
    }

    [TestCase("status=done", "status must be one of: pending, processing, completed, failed")]
    [TestCase("status=", "status must be one of: pending, processing, completed, failed")]
    [TestCase("status=1", "status must be one of: pending, processing, completed, failed")]
    [TestCase("limit=0", "limit must be a whole number from 1 to 500")]
    [TestCase("limit=501", "limit must be a whole number from 1 to 500")]
    [TestCase("limit=-1", "limit must be a whole number from 1 to 500")]
    [TestCase("limit=abc", "limit must be a whole number from 1 to 500")]
    [TestCase("limit=2.5", "limit must be a whole number from 1 to 500")]
    [TestCase("limit=99999999999", "limit must be a whole number from 1 to 500")]
    [TestCase("after=-1", "after must be a unix time in seconds (a number, 0 or more)")]
    [TestCase("after=abc", "after must be a unix time in seconds (a number, 0 or more)")]
    [TestCase("after=NaN", "after must be a unix time in seconds (a number, 0 or more)")]
    [TestCase("after=Infinity", "after must be a unix time in seconds (a number, 0 or more)")]
    [TestCase("after=1e400", "after must be a unix time in seconds (a number, 0 or more)")]
    [TestCase("after=", "after must be a unix time in seconds (a number, 0 or more)")]
    public void TryParse_Invalid_ProblemExplainsRange(string text, string problem)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ListQuery.TryParse(QueryString.Parse(text), out _, out var actual), Is.False);
            Assert.That(actual, Is.EqualTo(problem));
        });
    }

    [TestCase("limit=1", 1)]
    [TestCase("limit=500", 500)]
    [TestCase("limit=3&limit=4", 4)]
    public void TryParse_LimitInRange_Accepted(string text, int limit)
    {
        Assert.That(ListQuery.TryParse(QueryString.Parse(text), out var query, out _), Is.True);
        Assert.That(query.Limit, Is.EqualTo(limit));
    }

    [TestCase("after=0", 0.0)]
    [TestCase("after=1736712000", 1736712000.0)]
    [TestCase("after=1736712000.25", 1736712000.25)]
    public void TryParse_AfterNumber_Accepted(string text, double after)
    {
        Assert.That(ListQuery.TryParse(QueryString.Parse(text), out var query, out _), Is.True);
        Assert.That(query.Filter.After, Is.EqualTo(after));
    }
}
