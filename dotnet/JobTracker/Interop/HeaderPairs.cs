namespace JobTracker.Interop;

/// <summary>Response headers as they cross the bridge: name, value, name, value, ... (latin-1, one character per byte).</summary>
internal static class HeaderPairs
{
    /// <summary>The headers with every <paramref name="name"/> (case-insensitive) removed and <paramref name="name"/>: <paramref name="value"/> appended.</summary>
    public static string[] With(string[] alternating, string name, string value)
    {
        var kept = new List<string>(alternating.Length + 2);
        for (var i = 0; i + 1 < alternating.Length; i += 2)
        {
            if (!alternating[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                kept.Add(alternating[i]);
                kept.Add(alternating[i + 1]);
            }
        }

        kept.Add(name);
        kept.Add(value);
        return [.. kept];
    }
}
