namespace JobTracker.Http;

/// <summary>A raw query string (without '?') as name/value pairs; a repeated name keeps its last value.</summary>
internal sealed class QueryString
{
    private readonly Dictionary<string, string> _values;

    private QueryString(Dictionary<string, string> values) => _values = values;

    /// <summary>Parses <c>a=1&amp;b=x+y</c>: '+' is a space, %XX is decoded, a name without '=' has the value "".</summary>
    /// <param name="query">The raw query, or <see langword="null"/>.</param>
    /// <returns>The parameters.</returns>
    public static QueryString Parse(string? query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(query))
        {
            foreach (var pair in query.TrimStart('?').Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Decode(equals < 0 ? pair : pair[..equals]);
                values[name] = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            }
        }

        return new QueryString(values);
    }

    /// <summary>Gets the value of a parameter.</summary>
    /// <param name="name">The exact (case-sensitive) name.</param>
    /// <returns>The last value given, or <see langword="null"/> if absent.</returns>
    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
