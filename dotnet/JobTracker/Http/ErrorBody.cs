namespace JobTracker.Http;

/// <summary>The body of an error reply: <c>{"error": "...", "detail": "..."}</c>.</summary>
/// <param name="Error">A short error name, e.g. "NotFound", "BadRequest".</param>
/// <param name="Detail">A readable explanation.</param>
internal sealed record ErrorBody(string Error, string Detail);
