using JobTracker.Cancellation;
using JobTracker.Storage;
using JobTracker.Tracking;

namespace JobTracker.Tests.Cancellation;

public class JobCancellationTests
{
    [TestCase(JobStatus.Pending, nameof(CancelAction.Dequeue))]
    [TestCase(JobStatus.Processing, nameof(CancelAction.Interrupt))]
    [TestCase(JobStatus.Completed, nameof(CancelAction.Refuse))]
    [TestCase(JobStatus.Failed, nameof(CancelAction.Refuse))]
    public void ActionFor_EachStatus_DequeueInterruptOrRefuse(JobStatus status, string expected) =>
        Assert.That(JobCancellation.ActionFor(status).ToString(), Is.EqualTo(expected));

    [TestCase(JobStatus.Failed, "cancelled", true)]
    [TestCase(JobStatus.Failed, "CUDA out of memory", false)]
    [TestCase(JobStatus.Failed, null, false)]
    [TestCase(JobStatus.Completed, "cancelled", false)]
    public void IsCancelled_OnlyFailedWithTheCancelledError(JobStatus status, string? error, bool expected) =>
        Assert.That(JobCancellation.IsCancelled(new JobRecord { Id = "ABCDEFGH", Status = status, Error = error }), Is.EqualTo(expected));

    [Test]
    public void FailureMessage_A1111SaysExactlyCancelled_NotTakenForACancel()
    {
        var content = ResponseReader.Read(Support.Utf8.Bytes(Support.A1111Responses.Error("RuntimeError", string.Empty, "cancelled")), captureImages: false);
        Assert.That(FailureMessage.From(500, content), Is.EqualTo("A1111: cancelled"));
    }
}
