using JobTracker.Diagnostics;

namespace JobTracker.Configuration;

/// <summary>
/// The settings in memory, read once at start. A change updates memory and rewrites <c>config.json</c>
/// atomically; a setting pinned by the environment is not changed.
/// Thread-safe.
/// </summary>
internal sealed class SettingsStore
{
    private readonly Lock _gate = new();
    private readonly ITrackerLog _log;
    private TrackerOptions _current;
    private TrackerOptions _saved;

    /// <summary>Initializes a new instance of the <see cref="SettingsStore"/> class.</summary>
    /// <param name="loaded">What <see cref="SettingsLoader.Load"/> found.</param>
    /// <param name="dataDirectory">The folder of <c>config.json</c>.</param>
    /// <param name="log">Where a failed save is reported.</param>
    public SettingsStore(LoadedSettings loaded, string dataDirectory, ITrackerLog log)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _current = loaded.Effective;
        _saved = loaded.Saved;
        Pinned = loaded.Pinned;
        DataDirectory = dataDirectory;
        ConfigPath = Path.Combine(dataDirectory, SettingNames.ConfigFileName);
    }

    /// <summary>Gets the settings in effect.</summary>
    public TrackerOptions Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Gets which settings the environment pins.</summary>
    public PinnedSettings Pinned { get; }

    /// <summary>Gets the data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>Gets the path of <c>config.json</c>.</summary>
    public string ConfigPath { get; }

    /// <summary>Turns tracking on or off and saves it, unless <c>TRACKER_ENABLED</c> pins it.</summary>
    /// <param name="enabled">The new value.</param>
    /// <returns>The settings afterwards and a message if the change was refused or not saved.</returns>
    public SettingsChange SetTrackingEnabled(bool enabled)
    {
        if (Pinned.TrackingEnabled is { } variable)
        {
            return new SettingsChange(Current, $"tracking is set by the environment variable {variable}; change it there and restart");
        }

        return Apply(o => o with { TrackingEnabled = enabled });
    }

    /// <summary>Sets the retention in days (0 = keep forever) and saves it, unless <c>TRACKER_RETENTION</c> pins it.</summary>
    /// <param name="days">The new value; negative values are refused.</param>
    /// <returns>The settings afterwards and a message if the change was refused or not saved.</returns>
    public SettingsChange SetRetentionDays(int days)
    {
        if (!TrackerOptions.IsValidRetentionDays(days))
        {
            return new SettingsChange(Current, $"retention must be 0 (keep forever) or a positive number of days, not {days}");
        }

        if (Pinned.RetentionDays is { } variable)
        {
            return new SettingsChange(Current, $"retention is set by the environment variable {variable}; change it there and restart");
        }

        return Apply(o => o with { RetentionDays = days });
    }

    private SettingsChange Apply(Func<TrackerOptions, TrackerOptions> change)
    {
        lock (_gate)
        {
            _saved = change(_saved);
            _current = change(_current);
            try
            {
                ConfigFile.Save(ConfigPath, _saved);
                return new SettingsChange(_current, null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var message = $"could not save {ConfigPath} ({ex.Message}); the change lasts until the WebUI restarts";
                _log.Write(message);
                return new SettingsChange(_current, message);
            }
        }
    }
}
