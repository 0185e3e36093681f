using JobTracker.Storage;

namespace JobTracker.Tests.Storage;

public class JobStoreOptionsTests
{
    [Test]
    public void MinimumCompactionLines_Default_Thousand() =>
        Assert.That(JobStoreOptions.Default.MinimumCompactionLines, Is.EqualTo(1000));

    [TestCase(1)]
    [TestCase(int.MaxValue)]
    public void MinimumCompactionLines_InRange_Accepted(int lines) =>
        Assert.That(new JobStoreOptions { MinimumCompactionLines = lines }.MinimumCompactionLines, Is.EqualTo(lines));

    [TestCase(0)]
    [TestCase(-1)]
    public void MinimumCompactionLines_BelowRange_Throws(int lines) =>
        Assert.That(() => new JobStoreOptions { MinimumCompactionLines = lines }, Throws.InstanceOf<ArgumentOutOfRangeException>());
}
