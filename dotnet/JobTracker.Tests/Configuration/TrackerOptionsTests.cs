using JobTracker.Configuration;

namespace JobTracker.Tests.Configuration;

public class TrackerOptionsTests
{
    [Test]
    public void Default_NothingSet_TrackingOffAndKeepForever()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TrackerOptions.Default.TrackingEnabled, Is.False);
            Assert.That(TrackerOptions.Default.RetentionDays, Is.Zero);
        });
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(int.MaxValue)]
    public void RetentionDays_InRange_Accepted(int days)
    {
        Assert.Multiple(() =>
        {
            Assert.That(new TrackerOptions { RetentionDays = days }.RetentionDays, Is.EqualTo(days));
            Assert.That(TrackerOptions.IsValidRetentionDays(days), Is.True);
        });
    }

    [TestCase(-1)]
    [TestCase(int.MinValue)]
    public void RetentionDays_BelowRange_Throws(int days)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new TrackerOptions { RetentionDays = days }, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(TrackerOptions.IsValidRetentionDays(days), Is.False);
        });
    }
}
