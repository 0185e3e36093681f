using System.Buffers;
using System.Text.Json;
using JobTracker.Serialization;

namespace JobTracker.Http;

/// <summary>Writes the tracker's fixed-shape replies.</summary>
internal static class JsonReplies
{
    /// <summary>Writes <c>{"error": error, "detail": detail}</c>.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="error">The error name.</param>
    /// <param name="detail">The explanation.</param>
    /// <param name="body">Receives the body.</param>
    /// <returns>The reply head.</returns>
    public static ReplyHead Error(int status, string error, string detail, IBufferWriter<byte> body)
    {
        Serialize(body, new ErrorBody(error, detail), TrackerJsonContext.Default.ErrorBody);
        return ReplyHead.Json(status);
    }

    /// <summary>Writes a 401 reply <c>{"detail": detail}</c> with <c>WWW-Authenticate: Basic</c>.</summary>
    /// <param name="detail">The explanation.</param>
    /// <param name="body">Receives the body.</param>
    /// <returns>The reply head.</returns>
    public static ReplyHead Unauthorized(string detail, IBufferWriter<byte> body)
    {
        Serialize(body, new DetailBody(detail), TrackerJsonContext.Default.DetailBody);
        return new ReplyHead(401, ReplyHeaders.JsonWith(("WWW-Authenticate", "Basic")));
    }

    /// <summary>Writes a 400 reply <c>{"error": "BadRequest", "detail": detail}</c>.</summary>
    /// <param name="detail">What is wrong with the request.</param>
    /// <param name="body">Receives the body.</param>
    /// <returns>The reply head.</returns>
    public static ReplyHead BadRequest(string detail, IBufferWriter<byte> body) => Error(400, "BadRequest", detail, body);

    /// <summary>Writes a 404 reply for a job.</summary>
    /// <param name="sanitizedId">The ID as it may be echoed (see <see cref="Ids.JobId.Sanitize"/>).</param>
    /// <param name="body">Receives the body.</param>
    /// <returns>The reply head.</returns>
    public static ReplyHead JobNotFound(string sanitizedId, IBufferWriter<byte> body) =>
        Error(404, "NotFound", $"Job {sanitizedId} not found", body);

    internal static void Serialize<T>(IBufferWriter<byte> body, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        using var writer = new Utf8JsonWriter(body);
        JsonSerializer.Serialize(writer, value, typeInfo);
    }
}
