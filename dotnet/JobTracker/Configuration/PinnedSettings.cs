namespace JobTracker.Configuration;

/// <summary>Which settings an environment variable fixes; the UI cannot change those.</summary>
/// <param name="TrackingEnabled">"TRACKER_ENABLED" when it pins the switch, else <see langword="null"/>.</param>
/// <param name="RetentionDays">"TRACKER_RETENTION" when it pins the retention, else <see langword="null"/>.</param>
internal sealed record PinnedSettings(string? TrackingEnabled, string? RetentionDays)
{
    /// <summary>Gets the value that pins nothing.</summary>
    public static PinnedSettings None { get; } = new(null, null);
}
