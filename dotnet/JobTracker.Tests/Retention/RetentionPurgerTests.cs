using JobTracker.Retention;
using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Retention;

public class RetentionPurgerTests
{
    private TrackerHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = TrackerHarness.Tracking(retentionDays: 7);

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public void PurgeNow_OldFinishedJobs_RemovedWithTheirFiles()
    {
        var completed = _harness.Complete(images: [TestImages.Png(), TestImages.Jpeg()]);
        var failed = _harness.Queue();
        _harness.Finish(failed, 500, A1111Responses.Error("E", "", "boom"));
        var files = Directory.GetFiles(_harness.OutputDirectory);

        // Keep the 6-hourly timer from purging first, so PurgeNow's own counts can be checked.
        _harness.Service.SetRetentionDays(0);
        _harness.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        _harness.Service.SetRetentionDays(7);

        var result = _harness.Service.PurgeNow();
        Assert.Multiple(() =>
        {
            Assert.That(files, Has.Length.EqualTo(5), "two images, the info file and each job's answer kept for retries");
            Assert.That(result, Is.EqualTo(new PurgeResult(2, 5, 7)), "every file deleted is counted");
            Assert.That(_harness.Service.Store.Count, Is.Zero);
            Assert.That(Directory.GetFiles(_harness.OutputDirectory), Is.Empty);
            Assert.That(File.ReadAllText(Path.Combine(_harness.DataDirectory, "jobs.journal")), Does.Contain($"{{\"deleted\":\"{completed}\"}}"));
        });
    }

    [Test]
    public void PurgeNow_OldJobWithThumbnails_ThumbnailsCountedAndDeleted()
    {
        var old = _harness.Complete(images: [TestImages.Png(), TestImages.Png()]);
        var output = new JobTracker.Images.OutputFolder(_harness.OutputDirectory);
        Directory.CreateDirectory(output.ThumbnailDirectory);
        var thumbnails = new[] { output.ThumbnailPath(old, 0)!, output.ThumbnailPath(old, 1)! };
        foreach (var path in thumbnails)
        {
            File.WriteAllBytes(path, TestImages.Png());
        }

        var foreign = Path.Combine(output.ThumbnailDirectory, "not-ours.png");
        File.WriteAllBytes(foreign, TestImages.Png());
        _harness.Service.SetRetentionDays(0);
        _harness.Time.Advance(TimeSpan.FromDays(8));
        var recent = _harness.Complete();
        var recentThumbnail = output.ThumbnailPath(recent, 0)!;
        File.WriteAllBytes(recentThumbnail, TestImages.Png());
        _harness.Service.SetRetentionDays(7);

        var result = _harness.Service.PurgeNow();

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new PurgeResult(1, 6, 7)), "two images, the info file, the kept answer, two thumbnails");
            Assert.That(thumbnails.Any(File.Exists), Is.False);
            Assert.That(File.Exists(foreign), Is.True);
            Assert.That(File.Exists(recentThumbnail), Is.True);
        });
    }

    [Test]
    public void PurgeNow_RecentJob_Kept()
    {
        var id = _harness.Complete();
        _harness.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Service.PurgeNow(), Is.EqualTo(new PurgeResult(0, 0, 7)));
            Assert.That(_harness.Service.Store.Contains(id), Is.True);
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public void PurgeNow_OldUnfinishedJob_Kept(bool started)
    {
        var id = _harness.Queue();
        if (started)
        {
            _harness.Service.Requests.OnStarted(id);
        }

        _harness.Time.Advance(TimeSpan.FromDays(30));
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Service.PurgeNow().JobsRemoved, Is.Zero);
            Assert.That(_harness.Service.Store.Contains(id), Is.True);
        });
    }

    [Test]
    public void PurgeNow_RetentionZero_KeepsEverything()
    {
        _harness.Service.SetRetentionDays(0);
        var id = _harness.Complete();
        _harness.Time.Advance(TimeSpan.FromDays(3650));
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Service.PurgeNow(), Is.EqualTo(new PurgeResult(0, 0, 0)));
            Assert.That(_harness.Service.Store.Contains(id), Is.True);
        });
    }

    [Test]
    public void PurgeNow_RecordNamingFileOutsideOutput_RecordRemovedFileKept()
    {
        _ = _harness.Service;
        var outside = Path.Combine(_harness.DataDirectory, "precious.png");
        File.WriteAllBytes(outside, TestImages.Png());
        File.WriteAllText(Path.Combine(_harness.DataDirectory, "config.json.keep"), "x");
        _harness.Service.Store.Put(Jobs.Record("EVILJOB1", JobStatus.Completed, Jobs.BaseTime - TimeSpan.FromDays(8).TotalSeconds) with
        {
            Images = [new StoredImage("../precious.png", "image/png"), new StoredImage(outside, "image/png")],
            InfoFile = "../config.json.keep",
        });

        var result = _harness.Service.PurgeNow();
        Assert.Multiple(() =>
        {
            Assert.That(result.JobsRemoved, Is.EqualTo(1));
            Assert.That(result.FilesRemoved, Is.Zero);
            Assert.That(File.Exists(outside), Is.True);
            Assert.That(File.Exists(Path.Combine(_harness.DataDirectory, "config.json.keep")), Is.True);
            Assert.That(_harness.Log.Count("not in"), Is.EqualTo(3));
        });
    }

    [Test]
    public void PurgeNow_LegacyJob_RecordRemovedFilesNeverDeleted()
    {
        var legacyImage = Path.Combine(_harness.DataDirectory, "legacy.png");
        File.WriteAllBytes(legacyImage, TestImages.Png());
        var ownLooking = Path.Combine(_harness.OutputDirectory, "A3f9K2xY_0.png");
        Directory.CreateDirectory(_harness.OutputDirectory);
        File.WriteAllBytes(ownLooking, TestImages.Png());
        File.WriteAllText(Path.Combine(_harness.DataDirectory, "jobs.json"),
            "[{\"id\":\"A3f9K2xY\",\"prompt\":\"p\",\"ip\":\"1.1.1.1\",\"timestamp\":1700000000,\"status\":\"Completed\"," +
            "\"output_paths\":[\"legacy.png\",\"output/A3f9K2xY_0.png\"]}]");

        // The start-up purge already applies the 7-day retention to the 2023 job.
        var store = _harness.Service.Store;
        Assert.Multiple(() =>
        {
            Assert.That(store.Contains("A3f9K2xY"), Is.False);
            Assert.That(File.Exists(legacyImage), Is.True);
            Assert.That(File.Exists(ownLooking), Is.True);
        });
    }

    [Test]
    public void Start_ExpiredJobsOnDisk_PurgedAtStartup()
    {
        var old = _harness.Complete();
        _harness.Time.Advance(TimeSpan.FromDays(6));
        var young = _harness.Complete();
        _harness.Time.Advance(TimeSpan.FromDays(2));
        _harness.Restart();
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Service.Store.Contains(old), Is.False);
            Assert.That(_harness.Service.Store.Contains(young), Is.True);
            Assert.That(_harness.Log.Count("purged 1 job(s)"), Is.EqualTo(1));
        });
    }
}
