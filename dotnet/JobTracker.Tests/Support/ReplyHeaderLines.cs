namespace JobTracker.Tests.Support;

/// <summary>Reads a header of a reply head the core wrote ("Name: value" lines joined by '\n').</summary>
public static class ReplyHeaderLines
{
    public static string? Find(string headers, string name) =>
        headers.Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
}
