using JobTracker.Retention;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Retention;

public class PurgeScheduleTests
{
    [Test]
    public void Timer_EverySixHours_Runs()
    {
        var time = TestClock.Create();
        var runs = 0;
        using var schedule = new PurgeSchedule(time, () => runs++, new RecordingLog());
        time.Advance(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        Assert.That(runs, Is.Zero);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(runs, Is.EqualTo(1));
        time.Advance(TimeSpan.FromHours(6));
        time.Advance(TimeSpan.FromHours(6));
        Assert.That(runs, Is.EqualTo(3));
    }

    [Test]
    public void Timer_PurgeThrows_LoggedAndKeepsRunning()
    {
        var time = TestClock.Create();
        var log = new RecordingLog();
        var runs = 0;
        using var schedule = new PurgeSchedule(time, () => throw new IOException("disk gone " + ++runs), log);
        time.Advance(TimeSpan.FromHours(12));
        Assert.Multiple(() =>
        {
            Assert.That(runs, Is.EqualTo(2));
            Assert.That(log.Count("scheduled purge failed"), Is.EqualTo(2));
        });
    }

    [Test]
    public void Dispose_TimerStopped()
    {
        var time = TestClock.Create();
        var runs = 0;
        var schedule = new PurgeSchedule(time, () => runs++, new RecordingLog());
        schedule.Dispose();
        time.Advance(TimeSpan.FromDays(1));
        Assert.That(runs, Is.Zero);
    }

    [Test]
    public void Service_TimerEverySixHours_PurgesExpiredJobsButNotRecentOrPending()
    {
        using var harness = TrackerHarness.Tracking(retentionDays: 1);
        var old = harness.Complete();
        var pending = harness.Queue();
        harness.Time.Advance(TimeSpan.FromHours(20));
        var recent = harness.Complete();
        harness.Time.Advance(TimeSpan.FromHours(4));
        Assert.That(harness.Service.Store.Contains(old), Is.True, "24 h after start: the 6 h ticks so far saw nothing expired");
        harness.Time.Advance(TimeSpan.FromHours(6));
        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Store.Contains(old), Is.False);
            Assert.That(harness.Service.Store.Contains(pending), Is.True);
            Assert.That(harness.Service.Store.Contains(recent), Is.True);
        });
        harness.Time.Advance(TimeSpan.FromHours(24));
        Assert.That(harness.Service.Store.Contains(recent), Is.False);
    }
}
