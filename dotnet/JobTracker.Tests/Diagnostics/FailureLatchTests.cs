using JobTracker.Diagnostics;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Diagnostics;

public class FailureLatchTests
{
    [Test]
    public void Fail_Repeated_LoggedOnceUntilSuccess()
    {
        var log = new RecordingLog();
        var latch = new FailureLatch(log, "writing");
        Assert.Multiple(() =>
        {
            Assert.That(latch.Fail("first"), Is.True);
            Assert.That(latch.Fail("second"), Is.False);
            Assert.That(latch.IsFailing, Is.True);
        });
        latch.Succeed();
        latch.Succeed();
        latch.Fail("third");
        Assert.That(log.Lines, Is.EqualTo(new[] { "first", "writing works again", "third" }));
    }
}
