using JobTracker.Http;
using JobTracker.Tests.Support;

namespace JobTracker.Tests;

public class TrackerServiceTests
{
    [Test]
    public void Summary_States_ReadableLine()
    {
        using var harness = TrackerHarness.Tracking(retentionDays: 1);
        Assert.That(harness.Service.Summary(), Is.EqualTo($"tracking on, retention 1 day, 0 jobs in {harness.DataDirectory}"));
        harness.Complete();
        harness.Service.SetTrackingEnabled(false);
        harness.Service.SetRetentionDays(0);
        Assert.That(harness.Service.Summary(), Is.EqualTo($"tracking off, retention off (jobs kept forever), 1 job in {harness.DataDirectory}"));
    }

    [Test]
    public void Summary_Security_SaysWhatIsProtected()
    {
        using var harness = new TrackerHarness(null, ("TRACKER_TRUSTED_PROXIES", "10.0.0.1")) { ApiAuth = "alice:a,bob:b" };
        Assert.That(harness.Service.Summary(), Does.EndWith(", API auth required, jobs private to their user, 1 trusted proxy"));
        harness.Service.UpdateApiAuth("alice:a");
        Assert.That(harness.Service.Summary(), Does.EndWith(", API auth required, 1 trusted proxy"));
    }

    [Test]
    public void Start_DataDirectoryMissing_Created()
    {
        using var harness = new TrackerHarness(null, ("TRACKER_DATA_DIR", "nested/data"));
        var service = harness.Service;
        Assert.Multiple(() =>
        {
            Assert.That(service.Settings.DataDirectory, Is.EqualTo(Path.Combine(harness.DataDirectory, "nested", "data")));
            Assert.That(Directory.Exists(Path.Combine(harness.DataDirectory, "nested", "data", "output")), Is.True);
        });
    }

    [Test]
    public void Dispose_Twice_Harmless()
    {
        using var harness = TrackerHarness.Tracking();
        var service = harness.Start();
        service.Dispose();
        Assert.That(service.Dispose, Throws.Nothing);
    }

    [Test]
    public void Requests_ConcurrentWithCompactionAndListing_AllJobsPersisted()
    {
        using var harness = TrackerHarness.Tracking();
        harness.StoreOptions = new JobTracker.Storage.JobStoreOptions { MinimumCompactionLines = 20 };
        var body = A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png());
        var service = harness.Service;
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var rewritten = new System.Buffers.ArrayBufferWriter<byte>();
            var outcome = service.Requests.Begin("txt2img", Utf8.Bytes($"{{\"prompt\":\"p{i}\"}}"), "ip" + (i % 3), RequestHeaders.None, rewritten);
            service.Requests.OnQueued(outcome.JobId);
            service.Requests.OnStarted(outcome.JobId);
            service.Requests.OnFinished(outcome.JobId, i % 5 == 0 ? 500 : 200, Utf8.Bytes(body), new System.Buffers.ArrayBufferWriter<byte>());
            service.Handlers.ListJobs("limit=10", RequestHeaders.None, new System.Buffers.ArrayBufferWriter<byte>());
            ids.Add(outcome.JobId);
        });
        Assert.That(service.Flush(TimeSpan.FromSeconds(30)), Is.True);
        var reopened = harness.Restart();
        Assert.Multiple(() =>
        {
            Assert.That(ids.Distinct().Count(), Is.EqualTo(200));
            Assert.That(reopened.Store.Count, Is.EqualTo(200));
            Assert.That(reopened.Store.Newest(new JobTracker.Storage.JobFilter(JobTracker.Storage.JobStatus.Completed), 500), Has.Count.EqualTo(160));
            Assert.That(reopened.Store.Newest(new JobTracker.Storage.JobFilter(JobTracker.Storage.JobStatus.Failed), 500), Has.Count.EqualTo(40));
            Assert.That(harness.Log.Lines, Is.Empty);
        });
    }

    [Test]
    public void UpdateApiAuth_EntryWithoutColon_Logged()
    {
        using var harness = TrackerHarness.Tracking();
        harness.Service.UpdateApiAuth("alice:pw,broken");
        Assert.That(harness.Log.Count("without ':'"), Is.EqualTo(1));
    }
}
