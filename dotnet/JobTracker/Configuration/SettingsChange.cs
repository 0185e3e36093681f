namespace JobTracker.Configuration;

/// <summary>The result of changing a setting.</summary>
/// <param name="Options">The settings in effect afterwards.</param>
/// <param name="Message">Why the change was refused or only partly done, or <see langword="null"/> when it simply worked.</param>
internal sealed record SettingsChange(TrackerOptions Options, string? Message);
