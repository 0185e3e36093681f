namespace JobTracker.Http;

/// <summary>The body of a 401 reply, shaped like FastAPI's: <c>{"detail": "..."}</c>.</summary>
/// <param name="Detail">The explanation.</param>
internal sealed record DetailBody(string Detail);
