using System.Text.Json;

namespace JobTracker.Serialization;

/// <summary>Reader settings shared by every scan of a request or response body.</summary>
internal static class JsonLimits
{
    /// <summary>Python's json accepts deep nesting; allow more than the reader's default of 64 so deep script args still track.</summary>
    public const int MaxDepth = 512;

    public static JsonReaderOptions ReaderOptions { get; } = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };
}
