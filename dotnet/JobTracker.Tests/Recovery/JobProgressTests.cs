using JobTracker.Interop;
using JobTracker.Recovery;
using JobTracker.Storage;

namespace JobTracker.Tests.Recovery;

public class JobProgressTests
{
    private const double Now = 1_000_000;

    [TestCase(0, 1, 1)]
    [TestCase(2, 3, 3)]
    [TestCase(9, 10, 5)]
    public void Of_Pending_QueuePositionFromA1111sQueue(int index, int position, int retryAfter) =>
        Assert.That(JobProgress.Of(Job(JobStatus.Pending), LiveState.Unknown with { QueueIndex = index }, Now),
            Is.EqualTo(new JobProgress(position, 0, null, retryAfter)));

    [Test]
    public void Of_PendingNotInA1111sQueue_NoPosition() =>
        Assert.That(JobProgress.Of(Job(JobStatus.Pending), LiveState.Unknown, Now),
            Is.EqualTo(new JobProgress(null, 0, null, JobProgress.DefaultRetryAfterSeconds)));

    [Test]
    public void Of_Processing_A1111sFormula()
    {
        // A1111: 0.01 + job_no/job_count + 1/job_count * step/steps; eta = elapsed/progress - elapsed.
        var live = new LiveState(-1, true, 2, 1, 10, 20, Now - 10);
        var progress = JobProgress.Of(Job(JobStatus.Processing), live, Now);
        var expected = 0.01 + 0.5 + 0.25;
        Assert.Multiple(() =>
        {
            Assert.That(progress.Progress, Is.EqualTo(Math.Round(expected, 4)));
            Assert.That(progress.EtaSeconds, Is.EqualTo(Math.Round((10 / expected) - 10, 2)));
            Assert.That(progress.RetryAfterSeconds, Is.EqualTo(4));
            Assert.That(progress.QueuePosition, Is.Null);
        });
    }

    [Test]
    public void Of_ProcessingOverTheEnd_CappedAtOne() =>
        Assert.That(JobProgress.Of(Job(JobStatus.Processing), new LiveState(-1, true, 1, 1, 20, 20, Now - 3), Now).Progress, Is.EqualTo(1));

    [Test]
    public void Of_ProcessingButAnotherTaskIsCurrent_ZeroWithoutEta() =>
        Assert.That(JobProgress.Of(Job(JobStatus.Processing), new LiveState(-1, false, 1, 0, 5, 20, Now - 3), Now),
            Is.EqualTo(new JobProgress(null, 0, null, JobProgress.DefaultRetryAfterSeconds)));

    [Test]
    public void Of_ProcessingWithoutStartTime_NoEta() =>
        Assert.That(JobProgress.Of(Job(JobStatus.Processing), new LiveState(-1, true, 1, 0, 5, 20, null), Now).EtaSeconds, Is.Null);

    [Test]
    public void Of_Finished_NoRetryAfter()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JobProgress.Of(Job(JobStatus.Completed), null, Now), Is.EqualTo(new JobProgress(null, 1, 0, null)));
            Assert.That(JobProgress.Of(Job(JobStatus.Failed), null, Now), Is.EqualTo(new JobProgress(null, null, null, null)));
        });
    }

    private static JobRecord Job(JobStatus status) => new() { Id = "Abcdefg1", Status = status, Timestamp = 1 };
}
