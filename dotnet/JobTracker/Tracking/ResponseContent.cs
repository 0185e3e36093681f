namespace JobTracker.Tracking;

/// <summary>What the tracker reads from A1111's final txt2img/img2img response body.</summary>
internal sealed class ResponseContent
{
    /// <summary>Gets the content of a body that is not exactly one valid JSON object.</summary>
    public static ResponseContent NotAnObject { get; } = new();

    /// <summary>Gets a value indicating whether the body is exactly one valid JSON object.</summary>
    public bool IsObject { get; init; }

    /// <summary>Gets the offset of the opening brace.</summary>
    public int OpenIndex { get; init; }

    /// <summary>Gets or sets a value indicating whether the object has at least one member.</summary>
    public bool HasMembers { get; set; }

    /// <summary>Gets the decoded <c>images</c> (only when asked to capture them), in A1111's order.</summary>
    public List<byte[]> Images { get; } = [];

    /// <summary>Gets or sets how many <c>images</c> entries were not base64 strings.</summary>
    public int UnreadableImages { get; set; }

    /// <summary>Gets or sets A1111's <c>info</c> (a JSON string's text, or the raw JSON of anything else).</summary>
    public string? Info { get; set; }

    /// <summary>Gets or sets how many <c>info</c> members the body has (Python keeps the last of repeated names).</summary>
    public int InfoMembers { get; set; }

    /// <summary>Gets or sets the offset of the first byte of the <c>info</c> string's raw (escaped) text, or -1 when it is no string.</summary>
    public int InfoValueStart { get; set; } = -1;

    /// <summary>Gets or sets the offset just past the <c>info</c> string's raw text (its closing quote), or -1.</summary>
    public int InfoValueEnd { get; set; } = -1;

    /// <summary>Gets or sets A1111's error body field <c>error</c> (the exception type).</summary>
    public string? Error { get; set; }

    /// <summary>Gets or sets the error body field <c>detail</c>: a string's text, or the raw JSON of a list or object.</summary>
    public string? Detail { get; set; }

    /// <summary>Gets or sets the error body field <c>errors</c> (A1111's <c>str(e)</c>).</summary>
    public string? Errors { get; set; }

    /// <summary>Gets or sets Forge's error body field <c>message</c>, its name for A1111's <c>errors</c>.</summary>
    public string? Message { get; set; }

    /// <summary>Gets or sets the offset of the <c>images</c> array's '[' (captured bodies only), or -1.</summary>
    public int ImagesArrayStart { get; set; } = -1;

    /// <summary>Gets or sets the offset of the <c>images</c> array's ']' (captured bodies only), or -1.</summary>
    public int ImagesArrayEnd { get; set; } = -1;

    /// <summary>
    /// Gets or sets a value indicating whether the <c>images</c> array is exactly <c>["b64","b64"]</c> with canonical
    /// base64 and no escapes, so that re-encoding the stored files gives back the same bytes.
    /// </summary>
    public bool ImagesRebuildable { get; set; }
}
