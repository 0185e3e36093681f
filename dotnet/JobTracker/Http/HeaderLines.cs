namespace JobTracker.Http;

/// <summary>
/// Headers as they cross from Python: one string of <c>name: value</c> lines separated by <c>\n</c>.
/// </summary>
public static class HeaderLines
{
    /// <summary>The header every reply carries.</summary>
    public const string JsonContentType = "Content-Type: application/json";

    /// <summary>Finds the first header called <paramref name="name"/> (case-insensitive).</summary>
    /// <param name="headers">The header lines; may be empty.</param>
    /// <param name="name">The header name, e.g. "authorization".</param>
    /// <returns>The trimmed value, or <see langword="null"/> if absent.</returns>
    public static string? Find(string? headers, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (string.IsNullOrEmpty(headers))
        {
            return null;
        }

        foreach (var line in headers.AsSpan().EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim().ToString();
            }
        }

        return null;
    }

    /// <summary>Finds every header called <paramref name="name"/> (case-insensitive), in the order they came.</summary>
    /// <param name="headers">The header lines; may be empty.</param>
    /// <param name="name">The header name, e.g. "x-forwarded-for".</param>
    /// <returns>The trimmed values; empty if there is none.</returns>
    public static List<string> FindAll(string? headers, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var values = new List<string>();
        if (string.IsNullOrEmpty(headers))
        {
            return values;
        }

        foreach (var line in headers.AsSpan().EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                values.Add(line[(colon + 1)..].Trim().ToString());
            }
        }

        return values;
    }

    /// <summary>Joins header lines for a reply.</summary>
    /// <param name="lines">Lines like "Content-Type: application/json".</param>
    /// <returns>The lines joined by <c>\n</c>.</returns>
    public static string Join(params ReadOnlySpan<string> lines) => string.Join('\n', lines);
}
