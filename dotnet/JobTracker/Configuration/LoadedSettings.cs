namespace JobTracker.Configuration;

/// <summary>The outcome of reading the settings layers.</summary>
/// <param name="Effective">Defaults &lt; config.json &lt; environment: what the tracker uses.</param>
/// <param name="Saved">Defaults &lt; config.json: what a save writes back (never the environment's values).</param>
/// <param name="Pinned">Which settings the environment fixes.</param>
internal sealed record LoadedSettings(TrackerOptions Effective, TrackerOptions Saved, PinnedSettings Pinned);
