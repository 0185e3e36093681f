namespace JobTracker.Configuration;

/// <summary>The names settings have in <c>config.json</c> and in the environment.</summary>
public static class SettingNames
{
    /// <summary>The prefix of every environment variable the tracker reads.</summary>
    public const string EnvironmentPrefix = "TRACKER_";

    /// <summary>The <c>config.json</c> key of <see cref="TrackerOptions.TrackingEnabled"/>.</summary>
    public const string TrackingEnabledKey = "tracking_enabled";

    /// <summary>The <c>config.json</c> key of <see cref="TrackerOptions.RetentionDays"/>.</summary>
    public const string RetentionDaysKey = "retention_days";

    /// <summary>The <c>config.json</c> key of <see cref="TrackerOptions.KeepAliveSeconds"/>.</summary>
    public const string KeepAliveSecondsKey = "keepalive_seconds";

    /// <summary>The environment variable that sets <see cref="TrackerOptions.KeepAliveSeconds"/>.</summary>
    public const string KeepAliveSecondsVariable = "TRACKER_KEEPALIVE_SECONDS";

    /// <summary>The environment variable that pins <see cref="TrackerOptions.TrackingEnabled"/>.</summary>
    public const string TrackingEnabledVariable = "TRACKER_ENABLED";

    /// <summary>The environment variable that pins <see cref="TrackerOptions.RetentionDays"/>.</summary>
    public const string RetentionDaysVariable = "TRACKER_RETENTION";

    /// <summary>The environment variable that moves all data (config.json, jobs, images) to another folder.</summary>
    public const string DataDirectoryVariable = "TRACKER_DATA_DIR";

    /// <summary>The name of the settings file in the data folder.</summary>
    public const string ConfigFileName = "config.json";
}
