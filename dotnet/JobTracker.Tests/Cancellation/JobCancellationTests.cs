using JobTracker.Cancellation;
using JobTracker.Storage;
using JobTracker.Tracking;

namespace JobTracker.Tests.Cancellation;

public class JobCancellationTests
{
    [TestCase(nameof(JobStatus.Pending), nameof(CancelAction.Dequeue))]
    [TestCase(nameof(JobStatus.Processing), nameof(CancelAction.Interrupt))]
    [TestCase(nameof(JobStatus.Completed), nameof(CancelAction.Refuse))]
    [TestCase(nameof(JobStatus.Failed), nameof(CancelAction.Refuse))]
    public void ActionFor_EachStatus_DequeueInterruptOrRefuse(string status, string expected) =>
        Assert.That(JobCancellation.ActionFor(Enum.Parse<JobStatus>(status)).ToString(), Is.EqualTo(expected));

    [TestCase(nameof(JobStatus.Failed), "cancelled", true)]
    [TestCase(nameof(JobStatus.Failed), "CUDA out of memory", false)]
    [TestCase(nameof(JobStatus.Failed), null, false)]
    [TestCase(nameof(JobStatus.Completed), "cancelled", false)]
    public void IsCancelled_OnlyFailedWithTheCancelledError(string status, string? error, bool expected) =>
        Assert.That(JobCancellation.IsCancelled(new JobRecord { Id = "ABCDEFGH", Status = Enum.Parse<JobStatus>(status), Error = error }), Is.EqualTo(expected));

    [Test]
    public void FailureMessage_A1111SaysExactlyCancelled_NotTakenForACancel()
    {
        var content = ResponseReader.Read(Support.Utf8.Bytes(Support.A1111Responses.Error("RuntimeError", string.Empty, "cancelled")), captureImages: false);
        Assert.That(FailureMessage.From(500, content), Is.EqualTo("A1111: cancelled"));
    }
}
