namespace JobTracker.Http;

/// <summary>
/// The headers of a reply the core writes itself: <c>Name: value</c> lines joined by <c>\n</c>, every value the
/// core's own (a status, an ID, a date), never a request's text. Request headers are <see cref="RequestHeaders"/>.
/// </summary>
internal static class HeaderLines
{
    /// <summary>The header every JSON reply carries.</summary>
    public const string JsonContentType = "Content-Type: application/json";

    /// <summary>Joins header lines for a reply.</summary>
    /// <param name="lines">Lines like "Content-Type: application/json".</param>
    /// <returns>The lines joined by <c>\n</c>.</returns>
    public static string Join(params ReadOnlySpan<string> lines) => string.Join('\n', lines);
}
