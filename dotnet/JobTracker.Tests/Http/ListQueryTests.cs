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

    [TestCase("pending", nameof(JobStatus.Pending))]
    [TestCase("Processing", nameof(JobStatus.Processing))]
    [TestCase("failed", nameof(JobStatus.Failed))]
    public void TryParse_Status_CaseInsensitive(string text, string expectedName)
    {
        var expected = Enum.Parse<JobStatus>(expectedName);
        Assert.That(ListQuery.TryParse(QueryString.Parse("status=" + text), out var query, out _), Is.True);
        Assert.That(query.Filter.Status, Is.EqualTo(expected));
    }

    [TestCase("status=done", "status must be one of: pending, processing, completed, failed")]
    [TestCase("status=", "status must be one of: pending, processing, completed, failed")]
    [TestCase("status=1", "status must be one of: pending, processing, completed, failed")]
    [TestCase("limit=0", "limit must be a whole number from 1")]
    [TestCase("limit=000", "limit must be a whole number from 1")]
    [TestCase("limit=-1", "limit must be a whole number from 1")]
    [TestCase("limit=+5", "limit must be a whole number from 1")]
    [TestCase("limit=abc", "limit must be a whole number from 1")]
    [TestCase("limit=2.5", "limit must be a whole number from 1")]
    [TestCase("limit=", "limit must be a whole number from 1")]
    [TestCase("limit=%D9%A3", "limit must be a whole number from 1")]
    [TestCase("before=AAAA", "before must be a job ID (8 characters A-Z, a-z, 0-9): the last job of the previous page")]
    [TestCase("before=AAAA%00AAA", "before must be a job ID (8 characters A-Z, a-z, 0-9): the last job of the previous page")]
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
    [TestCase("limit=1000", 1000)]
    [TestCase("limit=0100000", 100_000)]
    [TestCase("limit=2147483647", int.MaxValue)]
    [TestCase("limit=99999999999999999999999", int.MaxValue)]
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

    [Test]
    public void NextPage_KeepsTheFilterAndAddsBefore()
    {
        Assert.That(ListQuery.TryParse(QueryString.Parse("status=COMPLETED&ip=%3A%3A1&after=1736712000.5&limit=7&before=AAAA0009&x=%3E"), out var query, out _), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(query.Before, Is.EqualTo("AAAA0009"));
            Assert.That(query.NextPage("AAAA0001"), Is.EqualTo("/sdapi/v1/jobs?status=completed&ip=%3A%3A1&after=1736712000.5&limit=7&before=AAAA0001"));
        });
    }
}
