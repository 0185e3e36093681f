using JobTracker.Cancellation;
using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Cancellation;

public sealed class JobCancellerTests : TrackingHarnessTestBase
{
    [Test]
    public void Settle_DequeuedTwice_EndsTheJobAndReportsItEndedOnce()
    {
        var id = _harness.Queue();
        var ended = new List<string>();
        var canceller = new JobCanceller(_harness.Service.Store, _harness.Time, ended.Add);

        var first = canceller.Settle(id, CancelOutcome.Dequeued);
        var second = canceller.Settle(id, CancelOutcome.Dequeued);

        Assert.Multiple(() =>
        {
            Assert.That((first?.Status, first?.Error), Is.EqualTo(((JobStatus?)JobStatus.Failed, "cancelled")));
            Assert.That(second, Is.EqualTo(first));
            Assert.That(ended, Is.EqualTo(new[] { id }));
        });
    }

    [Test]
    public void Settle_DequeuedAfterTheJobEnded_LeavesItAsItEnded()
    {
        var id = _harness.Complete();
        var ended = new List<string>();
        var canceller = new JobCanceller(_harness.Service.Store, _harness.Time, ended.Add);

        Assert.Multiple(() =>
        {
            Assert.That(canceller.Settle(id, CancelOutcome.Dequeued)?.Status, Is.EqualTo(JobStatus.Completed));
            Assert.That(ended, Is.Empty);
        });
    }

    [Test]
    public void TakeInterrupted_OnlyOnceAndOnlyForTheInterruptedJob()
    {
        var id = _harness.Queue();
        var other = _harness.Queue();
        var canceller = new JobCanceller(_harness.Service.Store, _harness.Time, _ => { });

        canceller.Settle(id, CancelOutcome.Interrupted);
        canceller.Settle(other, CancelOutcome.NotRunning);

        Assert.Multiple(() =>
        {
            Assert.That(canceller.TakeInterrupted(other), Is.False);
            Assert.That(canceller.TakeInterrupted(id), Is.True);
            Assert.That(canceller.TakeInterrupted(id), Is.False);
            Assert.That(_harness.Job(id).Status, Is.EqualTo(JobStatus.Pending)); // it ends when A1111 answers
        });
    }

    [Test]
    public void Settle_UnknownJob_Null() =>
        Assert.That(new JobCanceller(_harness.Service.Store, _harness.Time, _ => { }).Settle("ZZZZZZZZ", CancelOutcome.Dequeued), Is.Null);
}
