using JobTracker.Http;

namespace JobTracker.Tests.Support;

/// <summary>Request headers written the way tests read best: "name: value" lines joined by '\n' (a test notation only; the bridge passes pairs).</summary>
internal static class TestHeaders
{
    public static RequestHeaders Parse(string? lines)
    {
        if (string.IsNullOrEmpty(lines))
        {
            return RequestHeaders.None;
        }

        var pairs = new List<(string, string)>();
        foreach (var line in lines.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            pairs.Add((line[..colon], line[(colon + 1)..].TrimStart(' ')));
        }

        return RequestHeaders.Of(pairs.ToArray());
    }
}
