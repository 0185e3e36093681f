namespace JobTracker.Configuration;

/// <summary>What <c>config.json</c> holds: <c>{"tracking_enabled": false, "retention_days": 0}</c>.</summary>
/// <param name="TrackingEnabled">The saved switch.</param>
/// <param name="RetentionDays">The saved retention in days.</param>
internal sealed record ConfigFileContent(bool TrackingEnabled, int RetentionDays);
