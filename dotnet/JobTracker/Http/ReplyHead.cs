namespace JobTracker.Http;

/// <summary>The status line and headers of a reply; the body is written separately.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Headers">The headers as <see cref="ReplyHeaders"/> lays them out: name, value, name, value, ...</param>
internal readonly record struct ReplyHead(int Status, string[] Headers)
{
    /// <summary>A JSON reply with <paramref name="status"/>.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <returns>The head.</returns>
    public static ReplyHead Json(int status) => new(status, ReplyHeaders.Json);
}
