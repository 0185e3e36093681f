using System.Globalization;

namespace JobTracker.Configuration;

/// <summary>Parses setting values the same way whether they come from <c>config.json</c> or the environment.</summary>
internal static class SettingParser
{
    private static readonly string[] OnWords = ["1", "true", "yes", "on"];
    private static readonly string[] OffWords = ["0", "false", "no", "off"];

    /// <summary>Parses a switch: 1/true/yes/on or 0/false/no/off, case-insensitive, surrounding spaces ignored.</summary>
    /// <param name="text">The raw value.</param>
    /// <param name="value">The parsed value.</param>
    /// <returns><see langword="true"/> if the text is one of those words.</returns>
    public static bool TryParseSwitch(string? text, out bool value)
    {
        var trimmed = text?.Trim();
        value = OnWords.Contains(trimmed, StringComparer.OrdinalIgnoreCase);
        return value || OffWords.Contains(trimmed, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Parses a retention: whole days, 0 or more, digits only, surrounding spaces ignored.</summary>
    /// <param name="text">The raw value.</param>
    /// <param name="days">The parsed value.</param>
    /// <returns><see langword="true"/> if the text is a whole number of days that <see cref="TrackerOptions.RetentionDays"/> accepts.</returns>
    public static bool TryParseRetentionDays(string? text, out int days) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out days)
        && TrackerOptions.IsValidRetentionDays(days);

    /// <summary>Parses a keep-alive interval: whole seconds from 0 to <see cref="TrackerOptions.MaxKeepAliveSeconds"/>, digits only.</summary>
    /// <param name="text">The raw value.</param>
    /// <param name="seconds">The parsed value.</param>
    /// <returns><see langword="true"/> if <see cref="TrackerOptions.KeepAliveSeconds"/> accepts it.</returns>
    public static bool TryParseKeepAliveSeconds(string? text, out int seconds) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds)
        && TrackerOptions.IsValidKeepAliveSeconds(seconds);
}
