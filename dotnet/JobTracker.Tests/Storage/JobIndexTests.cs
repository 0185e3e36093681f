using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Storage;

public class JobIndexTests
{
    [Test]
    public void EndBulkLoad_SameAnswersAsOneByOne()
    {
        var random = new Random(11);
        var jobs = Enumerable.Range(0, 500).Select(i => Jobs.Record(
            Jobs.Id(i),
            (JobStatus)random.Next(4),
            Jobs.BaseTime + random.Next(0, 200) + (random.Next(10) / 10.0),
            ip: "ip" + random.Next(5)) with { User = random.Next(4) == 0 ? null : "user" + random.Next(3) }).ToList();
        var bulk = new JobIndex();
        bulk.BeginBulkLoad();
        jobs.ForEach(bulk.Put);
        bulk.Remove(Jobs.Id(3));
        bulk.EndBulkLoad();
        var incremental = new JobIndex();
        jobs.ForEach(incremental.Put);
        incremental.Remove(Jobs.Id(3));

        var filters = new[]
        {
            JobFilter.None, new JobFilter(JobStatus.Failed), new JobFilter(Ip: "ip2"), new JobFilter(After: Jobs.BaseTime + 100),
            new JobFilter(JobStatus.Completed, "ip1", Jobs.BaseTime + 50), new JobFilter(User: "user1"),
            new JobFilter(JobStatus.Pending, User: "user2"), new JobFilter(User: "nobody"),
        };
        Assert.Multiple(() =>
        {
            foreach (var filter in filters)
            {
                Assert.That(Ids(bulk.Newest(filter, 1000)), Is.EqualTo(Ids(incremental.Newest(filter, 1000))), filter.ToString());
            }

            Assert.That(Ids(bulk.OldestFirst()), Is.EqualTo(Ids(incremental.OldestFirst())));
            Assert.That(bulk.Count, Is.EqualTo(499));
        });
    }

    [Test]
    public void Newest_SameSecond_OrderedByPreciseCreationThenId()
    {
        var index = new JobIndex();
        index.Put(Jobs.Record("AAAAAAA2", created: Jobs.BaseTime + 0.5));
        index.Put(Jobs.Record("AAAAAAA1", created: Jobs.BaseTime + 0.5));
        index.Put(Jobs.Record("AAAAAAA3", created: Jobs.BaseTime + 0.9));
        index.Put(Jobs.Record("AAAAAAA4", created: Jobs.BaseTime + 0.1));
        Assert.That(Ids(index.Newest(JobFilter.None, 10)), Is.EqualTo(new[] { "AAAAAAA3", "AAAAAAA2", "AAAAAAA1", "AAAAAAA4" }));
    }

    [Test]
    public void BeginBulkLoad_NotEmpty_Throws()
    {
        var index = new JobIndex();
        index.Put(Jobs.Record(Jobs.Id(1)));
        Assert.That(index.BeginBulkLoad, Throws.InvalidOperationException);
    }

    [Test]
    public void Newest_UserFilter_FollowsChangesAndNeverMatchesOwnerlessJobs()
    {
        var index = new JobIndex();
        index.Put(Jobs.Record(Jobs.Id(1), created: Jobs.BaseTime + 1) with { User = "alice" });
        index.Put(Jobs.Record(Jobs.Id(2), created: Jobs.BaseTime + 2) with { User = "bob" });
        index.Put(Jobs.Record(Jobs.Id(3), created: Jobs.BaseTime + 3));
        index.Put(Jobs.Record(Jobs.Id(2), created: Jobs.BaseTime + 2) with { User = "alice" });
        Assert.Multiple(() =>
        {
            Assert.That(Ids(index.Newest(new JobFilter(User: "alice"), 10)), Is.EqualTo(new[] { Jobs.Id(2), Jobs.Id(1) }));
            Assert.That(index.Newest(new JobFilter(User: "bob"), 10), Is.Empty);
            Assert.That(index.Newest(new JobFilter(User: string.Empty), 10), Is.Empty);
            Assert.That(index.Remove(Jobs.Id(1)), Is.True);
            Assert.That(Ids(index.Newest(new JobFilter(User: "alice"), 10)), Is.EqualTo(new[] { Jobs.Id(2) }));
        });
    }

    private static string[] Ids(IEnumerable<JobRecord> jobs) => jobs.Select(j => j.Id).ToArray();
}
