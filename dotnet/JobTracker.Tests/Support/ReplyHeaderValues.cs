namespace JobTracker.Tests.Support;

/// <summary>Reads a header of a reply head the core wrote (name, value, name, value, ...).</summary>
public static class ReplyHeaderValues
{
    public static string? Find(string[] headers, string name)
    {
        for (var i = 0; i + 1 < headers.Length; i += 2)
        {
            if (headers[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return headers[i + 1];
            }
        }

        return null;
    }
}
