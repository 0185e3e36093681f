namespace JobTracker.Http;

/// <summary>
/// The request headers the shim passes on, as (name, value) pairs in the order they came. Values are exactly what the
/// server gave the WebUI (one character per byte, latin-1), never trimmed, re-split or joined: a value holding
/// <c>\x85</c>, <c>\r</c> or a line separator is one value, as A1111 sees it.
/// </summary>
internal sealed class RequestHeaders
{
    private readonly string[] _pairs;

    private RequestHeaders(string[] pairs) => _pairs = pairs;

    /// <summary>Gets a request without headers.</summary>
    public static RequestHeaders None { get; } = new([]);

    /// <summary>Gets the number of headers.</summary>
    public int Count => _pairs.Length / 2;

    /// <summary>Takes the headers as they cross the bridge: name, value, name, value, ...</summary>
    /// <param name="alternating">Names at even positions, each followed by its value; <see langword="null"/> for none.</param>
    /// <returns>The headers.</returns>
    /// <exception cref="ArgumentException">An odd number of entries, or a <see langword="null"/> entry.</exception>
    public static RequestHeaders FromPairs(string[]? alternating)
    {
        if (alternating is null || alternating.Length == 0)
        {
            return None;
        }

        if (alternating.Length % 2 != 0 || Array.IndexOf(alternating, null) >= 0)
        {
            throw new ArgumentException("headers must be name, value pairs without null entries", nameof(alternating));
        }

        return new RequestHeaders(alternating);
    }

    /// <summary>Takes the headers as (name, value) pairs.</summary>
    /// <param name="headers">The headers, in order.</param>
    /// <returns>The headers.</returns>
    public static RequestHeaders Of(params ReadOnlySpan<(string Name, string Value)> headers)
    {
        var pairs = new string[headers.Length * 2];
        for (var i = 0; i < headers.Length; i++)
        {
            pairs[2 * i] = headers[i].Name ?? throw new ArgumentException("a header without a name", nameof(headers));
            pairs[(2 * i) + 1] = headers[i].Value ?? string.Empty;
        }

        return new RequestHeaders(pairs);
    }

    /// <summary>Finds the first header called <paramref name="name"/> (case-insensitive), as Starlette's <c>headers.get</c> does.</summary>
    /// <param name="name">The header name, e.g. "authorization".</param>
    /// <returns>The value as received, or <see langword="null"/> if absent.</returns>
    public string? Find(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        for (var i = 0; i < _pairs.Length; i += 2)
        {
            if (_pairs[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return _pairs[i + 1];
            }
        }

        return null;
    }

    /// <summary>Finds every header called <paramref name="name"/> (case-insensitive), in the order they came.</summary>
    /// <param name="name">The header name, e.g. "x-forwarded-for".</param>
    /// <returns>The values as received; empty if there is none.</returns>
    public List<string> FindAll(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var values = new List<string>();
        for (var i = 0; i < _pairs.Length; i += 2)
        {
            if (_pairs[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                values.Add(_pairs[i + 1]);
            }
        }

        return values;
    }
}
