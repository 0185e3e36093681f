namespace JobTracker.Configuration;

/// <summary>The names settings have in <c>config.json</c> and in the environment.</summary>
internal static class SettingNames
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

    /// <summary>The environment variable naming the <c>--api-auth</c> users who see every job (comma-separated).</summary>
    public const string AdminUsersVariable = "TRACKER_ADMIN_USERS";

    /// <summary>The environment variable that turns per-user job isolation off (<c>off</c>) or on (the default).</summary>
    public const string IsolationVariable = "TRACKER_ISOLATION";

    /// <summary>The environment variable listing the proxies whose forwarding headers are believed (addresses, CIDR ranges).</summary>
    public const string TrustedProxiesVariable = "TRACKER_TRUSTED_PROXIES";

    /// <summary>The name of the settings file in the data folder.</summary>
    public const string ConfigFileName = "config.json";
}
