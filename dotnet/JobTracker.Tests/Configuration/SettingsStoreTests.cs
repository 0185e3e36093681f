using System.Text.Json;
using JobTracker.Configuration;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Configuration;

public class SettingsStoreTests : TempDirectoryTestBase
{
    [Test]
    public void SetTrackingEnabled_NotPinned_UpdatesMemoryAndWritesValidFile()
    {
        var store = Open();
        var change = store.SetTrackingEnabled(true);
        Assert.Multiple(() =>
        {
            Assert.That(change.Message, Is.Null);
            Assert.That(store.Current.TrackingEnabled, Is.True);
            Assert.That(ReadConfig().GetProperty("tracking_enabled").GetBoolean(), Is.True);
            Assert.That(Open().Current.TrackingEnabled, Is.True);
        });
    }

    [Test]
    public void SetRetentionDays_NotPinned_SavedAndReloaded()
    {
        Open().SetRetentionDays(30);
        var config = ReadConfig();
        Assert.Multiple(() =>
        {
            Assert.That(config.GetProperty("retention_days").GetInt32(), Is.EqualTo(30));
            Assert.That(config.GetProperty("tracking_enabled").GetBoolean(), Is.False);
            Assert.That(Open().Current.RetentionDays, Is.EqualTo(30));
            Assert.That(File.Exists(_directory.File("config.json.tmp")), Is.False);
        });
    }

    [Test]
    public void SetTrackingEnabled_PinnedByEnvironment_UnchangedWithMessage()
    {
        var store = Open(("TRACKER_ENABLED", "0"));
        var change = store.SetTrackingEnabled(true);
        Assert.Multiple(() =>
        {
            Assert.That(change.Message, Does.Contain("TRACKER_ENABLED"));
            Assert.That(store.Current.TrackingEnabled, Is.False);
            Assert.That(File.Exists(_directory.File("config.json")), Is.False);
        });
    }

    [Test]
    public void SetRetentionDays_PinnedByEnvironment_UnchangedWithMessage()
    {
        var store = Open(("TRACKER_RETENTION", "7"));
        var change = store.SetRetentionDays(1);
        Assert.Multiple(() =>
        {
            Assert.That(change.Message, Does.Contain("TRACKER_RETENTION"));
            Assert.That(store.Current.RetentionDays, Is.EqualTo(7));
        });
    }

    [Test]
    public void SetRetentionDays_Negative_RefusedWithMessage()
    {
        var store = Open();
        var change = store.SetRetentionDays(-1);
        Assert.Multiple(() =>
        {
            Assert.That(change.Message, Does.Contain("0"));
            Assert.That(store.Current.RetentionDays, Is.Zero);
            Assert.That(File.Exists(_directory.File("config.json")), Is.False);
        });
    }

    [Test]
    public void SetTrackingEnabled_OtherSettingPinned_FileKeepsFileValueNotEnvironmentValue()
    {
        File.WriteAllText(_directory.File("config.json"), "{\"tracking_enabled\": false, \"retention_days\": 7}");
        var store = Open(("TRACKER_RETENTION", "30"));
        store.SetTrackingEnabled(true);
        Assert.Multiple(() =>
        {
            Assert.That(ReadConfig().GetProperty("retention_days").GetInt32(), Is.EqualTo(7));
            Assert.That(store.Current.RetentionDays, Is.EqualTo(30));
        });
    }

    [Test]
    public void SetTrackingEnabled_MalformedFile_ReplacedOnlyWhenSaving()
    {
        File.WriteAllText(_directory.File("config.json"), "{oops");
        var store = Open();
        Assert.That(File.ReadAllText(_directory.File("config.json")), Is.EqualTo("{oops"));
        store.SetTrackingEnabled(true);
        Assert.That(ReadConfig().GetProperty("tracking_enabled").GetBoolean(), Is.True);
    }

    [Test]
    public void SetTrackingEnabled_FileCannotBeWritten_MemoryChangedAndMessageSaysSo()
    {
        var store = Open();
        Directory.CreateDirectory(_directory.File("config.json.tmp"));
        var change = store.SetTrackingEnabled(true);
        Assert.Multiple(() =>
        {
            Assert.That(store.Current.TrackingEnabled, Is.True);
            Assert.That(change.Message, Does.Contain("could not save"));
            Assert.That(_log.Count("could not save"), Is.EqualTo(1));
        });
    }

    private SettingsStore Open(params (string Name, string Value)[] variables)
    {
        var environment = EnvironmentLayer.FromVariables(variables.Select(v => KeyValuePair.Create(v.Name, (string?)v.Value)));
        return new SettingsStore(SettingsLoader.Load(_directory.Path, environment, _log), _directory.Path, _log);
    }

    private JsonElement ReadConfig() => Utf8.Json(File.ReadAllText(_directory.File("config.json")));
}
