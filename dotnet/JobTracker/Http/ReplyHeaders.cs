namespace JobTracker.Http;

/// <summary>
/// The headers of a reply the core writes itself, as they cross the bridge: name, value, name, value, ... Every value
/// is the core's own (a content type, an ID, a number of seconds), never a request's text, and nothing is joined into
/// lines or split again on the way. Request headers are <see cref="RequestHeaders"/>.
/// </summary>
internal static class ReplyHeaders
{
    /// <summary>The <c>Content-Type</c> of every JSON reply.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>Gets the headers of a plain JSON reply.</summary>
    public static string[] Json => ["Content-Type", JsonContentType];

    /// <summary>Lays (name, value) pairs out as they cross the bridge.</summary>
    /// <param name="headers">The headers, in order.</param>
    /// <returns>Name, value, name, value, ...</returns>
    public static string[] Of(params ReadOnlySpan<(string Name, string Value)> headers) => With([], headers);

    /// <summary>The headers of a JSON reply with more after <c>Content-Type</c>.</summary>
    /// <param name="headers">The further headers, in order.</param>
    /// <returns>Name, value, name, value, ...</returns>
    public static string[] JsonWith(params ReadOnlySpan<(string Name, string Value)> headers) => With(Json, headers);

    /// <summary>Appends (name, value) pairs to headers already laid out.</summary>
    /// <param name="first">Name, value, name, value, ...</param>
    /// <param name="more">The headers to add after them.</param>
    /// <returns>A new array: <paramref name="first"/> then <paramref name="more"/>.</returns>
    public static string[] With(string[] first, params ReadOnlySpan<(string Name, string Value)> more)
    {
        ArgumentNullException.ThrowIfNull(first);
        var pairs = new string[first.Length + (more.Length * 2)];
        first.CopyTo(pairs, 0);
        for (var i = 0; i < more.Length; i++)
        {
            pairs[first.Length + (2 * i)] = more[i].Name;
            pairs[first.Length + (2 * i) + 1] = more[i].Value;
        }

        return pairs;
    }
}
