namespace JobTracker.Configuration;

/// <summary>What <c>config.json</c> holds: <c>{"tracking_enabled": false, "retention_days": 0, "keepalive_seconds": 15}</c>.</summary>
/// <param name="TrackingEnabled">The saved switch.</param>
/// <param name="RetentionDays">The saved retention in days.</param>
/// <param name="KeepaliveSeconds">The saved keep-alive interval in seconds.</param>
internal sealed record ConfigFileContent(bool TrackingEnabled, int RetentionDays, int KeepaliveSeconds);
