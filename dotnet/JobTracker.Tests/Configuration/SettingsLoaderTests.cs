using JobTracker.Configuration;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Configuration;

public class SettingsLoaderTests : TempDirectoryTestBase
{
    [Test]
    public void Load_NoFileNoEnvironment_Defaults()
    {
        var loaded = Load();
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Effective, Is.EqualTo(TrackerOptions.Default));
            Assert.That(loaded.Saved, Is.EqualTo(TrackerOptions.Default));
            Assert.That(loaded.Pinned, Is.EqualTo(PinnedSettings.None));
            Assert.That(_log.Lines, Is.Empty);
        });
    }

    [Test]
    public void Load_ConfigFile_ValuesApplied()
    {
        WriteConfig("{\"tracking_enabled\": true, \"retention_days\": 7}");
        var loaded = Load();
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Effective, Is.EqualTo(new TrackerOptions { TrackingEnabled = true, RetentionDays = 7 }));
            Assert.That(loaded.Pinned, Is.EqualTo(PinnedSettings.None));
        });
    }

    [Test]
    public void Load_ConfigFileWithStringsAndUnknownKeys_ValuesApplied()
    {
        WriteConfig("{\"tracking_enabled\": \"yes\", \"retention_days\": \"3\", \"something_else\": [1, 2]}");
        Assert.That(Load().Effective, Is.EqualTo(new TrackerOptions { TrackingEnabled = true, RetentionDays = 3 }));
    }

    [Test]
    public void Load_EnvironmentAndFile_EnvironmentWinsAndPins()
    {
        WriteConfig("{\"tracking_enabled\": false, \"retention_days\": 7}");
        var loaded = Load(("TRACKER_ENABLED", "on"), ("TRACKER_RETENTION", "30"));
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Effective, Is.EqualTo(new TrackerOptions { TrackingEnabled = true, RetentionDays = 30 }));
            Assert.That(loaded.Saved, Is.EqualTo(new TrackerOptions { TrackingEnabled = false, RetentionDays = 7 }));
            Assert.That(loaded.Pinned, Is.EqualTo(new PinnedSettings("TRACKER_ENABLED", "TRACKER_RETENTION")));
        });
    }

    [TestCase("1", true)]
    [TestCase("true", true)]
    [TestCase("YES", true)]
    [TestCase(" on ", true)]
    [TestCase("0", false)]
    [TestCase("False", false)]
    [TestCase("no", false)]
    [TestCase("OFF", false)]
    public void Load_TrackerEnabledSpelling_Parsed(string value, bool expected)
    {
        WriteConfig($"{{\"tracking_enabled\": {(expected ? "false" : "true")}}}");
        var loaded = Load(("TRACKER_ENABLED", value));
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Effective.TrackingEnabled, Is.EqualTo(expected));
            Assert.That(loaded.Pinned.TrackingEnabled, Is.EqualTo("TRACKER_ENABLED"));
        });
    }

    [Test]
    public void Load_InvalidRetentionVariable_ReportedOnceAndFileValueUsed()
    {
        WriteConfig("{\"retention_days\": 7}");
        var loaded = Load(("TRACKER_RETENTION", "abc"));
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Effective.RetentionDays, Is.EqualTo(7));
            Assert.That(loaded.Pinned.RetentionDays, Is.Null);
            Assert.That(_log.Lines, Has.Count.EqualTo(1));
            Assert.That(_log.Lines[0], Does.Contain("TRACKER_RETENTION=\"abc\"").And.Contain("ignored"));
        });
    }

    [Test]
    public void Load_InvalidEnabledVariable_ReportedAndIgnored()
    {
        var loaded = Load(("TRACKER_ENABLED", "maybe"));
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Effective.TrackingEnabled, Is.False);
            Assert.That(loaded.Pinned.TrackingEnabled, Is.Null);
            Assert.That(_log.Count("TRACKER_ENABLED=\"maybe\""), Is.EqualTo(1));
        });
    }

    [Test]
    public void Load_NegativeRetentionVariable_ReportedAndIgnored()
    {
        var loaded = Load(("TRACKER_RETENTION", "-5"));
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Effective.RetentionDays, Is.Zero);
            Assert.That(_log.Lines, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Load_EmptyVariables_TreatedAsUnset()
    {
        var loaded = Load(("TRACKER_ENABLED", ""), ("TRACKER_RETENTION", "  "));
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Pinned, Is.EqualTo(PinnedSettings.None));
            Assert.That(_log.Lines, Is.Empty);
        });
    }

    [Test]
    public void Load_InvalidValueInFile_ReportedAndDefaultUsed()
    {
        WriteConfig("{\"tracking_enabled\": \"sometimes\", \"retention_days\": -2}");
        var loaded = Load();
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Effective, Is.EqualTo(TrackerOptions.Default));
            Assert.That(_log.Lines, Has.Count.EqualTo(2));
            Assert.That(_log.Lines, Has.All.Contain("config.json"));
        });
    }

    [TestCase("{\"tracking_enabled\": true,")]
    [TestCase("not json at all")]
    [TestCase("[1, 2, 3]")]
    public void Load_MalformedFile_ReportedIgnoredAndLeftUntouched(string content)
    {
        WriteConfig(content);
        var loaded = Load(("TRACKER_RETENTION", "5"));
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Effective, Is.EqualTo(new TrackerOptions { RetentionDays = 5 }));
            Assert.That(loaded.Saved, Is.EqualTo(TrackerOptions.Default));
            Assert.That(_log.Lines, Has.Count.EqualTo(1));
            Assert.That(_log.Lines[0], Does.Contain("not valid JSON"));
            Assert.That(File.ReadAllText(_directory.File("config.json")), Is.EqualTo(content));
        });
    }

    [Test]
    public void Load_MissingDataDirectory_Defaults()
    {
        var loaded = SettingsLoader.Load(Path.Combine(_directory.Path, "absent"), EnvironmentLayer.FromVariables([]), _log);
        Assert.That(loaded.Effective, Is.EqualTo(TrackerOptions.Default));
    }

    [Test]
    public void ResolveDataDirectory_NoVariable_ExtensionDirectory()
    {
        var resolved = SettingsLoader.ResolveDataDirectory(_directory.Path, EnvironmentLayer.FromVariables([]));
        Assert.That(resolved, Is.EqualTo(Path.GetFullPath(_directory.Path)));
    }

    [Test]
    public void ResolveDataDirectory_AbsoluteVariable_UsesIt()
    {
        var elsewhere = Path.Combine(_directory.Path, "data");
        var resolved = SettingsLoader.ResolveDataDirectory("/some/extension", Environment(("TRACKER_DATA_DIR", elsewhere)));
        Assert.That(resolved, Is.EqualTo(elsewhere));
    }

    [Test]
    public void ResolveDataDirectory_RelativeVariable_RelativeToExtension()
    {
        var resolved = SettingsLoader.ResolveDataDirectory(_directory.Path, Environment(("TRACKER_DATA_DIR", " data ")));
        Assert.That(resolved, Is.EqualTo(Path.Combine(_directory.Path, "data")));
    }

    [Test]
    public void FromVariables_OtherVariables_Ignored()
    {
        var loaded = SettingsLoader.Load(_directory.Path, Environment(("ENABLED", "1"), ("OTHER_ENABLED", "1")), _log);
        Assert.That(loaded.Pinned, Is.EqualTo(PinnedSettings.None));
    }

    // The keep-alive interval.
    [Test]
    public void Load_KeepAlive_FileThenEnvironment()
    {
        WriteConfig("{\"keepalive_seconds\": 30}");
        Assert.Multiple(() =>
        {
            Assert.That(Load().Effective.KeepAliveSeconds, Is.EqualTo(30));
            Assert.That(Load(("TRACKER_KEEPALIVE_SECONDS", "0")).Effective.KeepAliveSeconds, Is.Zero);
            Assert.That(Load(("TRACKER_KEEPALIVE_SECONDS", "0")).Saved.KeepAliveSeconds, Is.EqualTo(30));
        });
    }

    [TestCase("-1")]
    [TestCase("3601")]
    [TestCase("soon")]
    [TestCase("1.5")]
    public void Load_KeepAliveInvalid_LoggedAndDefault(string value)
    {
        var loaded = Load(("TRACKER_KEEPALIVE_SECONDS", value));
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Effective.KeepAliveSeconds, Is.EqualTo(TrackerOptions.DefaultKeepAliveSeconds));
            Assert.That(_log.Lines, Has.One.Contains("TRACKER_KEEPALIVE_SECONDS"));
        });
    }

    [Test]
    public void KeepAliveSeconds_OutOfRange_Throws()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new TrackerOptions { KeepAliveSeconds = -1 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new TrackerOptions { KeepAliveSeconds = TrackerOptions.MaxKeepAliveSeconds + 1 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(new TrackerOptions { KeepAliveSeconds = TrackerOptions.MaxKeepAliveSeconds }.KeepAliveSeconds, Is.EqualTo(3600));
        });
    }

    private LoadedSettings Load(params (string Name, string Value)[] variables) =>
        SettingsLoader.Load(_directory.Path, Environment(variables), _log);

    private static EnvironmentLayer Environment(params (string Name, string Value)[] variables) =>
        EnvironmentLayer.FromVariables(variables.Select(v => KeyValuePair.Create(v.Name, (string?)v.Value)));

    private void WriteConfig(string content) => File.WriteAllText(_directory.File("config.json"), content);
}
