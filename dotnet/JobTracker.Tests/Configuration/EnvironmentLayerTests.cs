using JobTracker.Configuration;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Configuration;

[NonParallelizable]
public class EnvironmentLayerTests
{
    [Test]
    public void FromProcess_RealVariables_Read()
    {
        var before = Environment.GetEnvironmentVariable("TRACKER_RETENTION");
        Environment.SetEnvironmentVariable("TRACKER_RETENTION", "12");
        try
        {
            using var directory = new TempDirectory();
            var loaded = SettingsLoader.Load(directory.Path, EnvironmentLayer.FromProcess(), new RecordingLog());
            Assert.Multiple(() =>
            {
                Assert.That(loaded.Effective.RetentionDays, Is.EqualTo(12));
                Assert.That(loaded.Pinned.RetentionDays, Is.EqualTo("TRACKER_RETENTION"));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("TRACKER_RETENTION", before);
        }
    }

    [Test]
    public void KeyOf_Variable_WithoutPrefix() => Assert.That(EnvironmentLayer.KeyOf("TRACKER_DATA_DIR"), Is.EqualTo("DATA_DIR"));
}
