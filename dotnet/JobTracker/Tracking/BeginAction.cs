namespace JobTracker.Tracking;

/// <summary>What the shim should do with a txt2img/img2img request.</summary>
internal enum BeginAction
{
    /// <summary>Hand the request to A1111 unchanged; it is not tracked.</summary>
    Passthrough,

    /// <summary>Hand the rewritten body to A1111 and tell the client the job ID.</summary>
    Track,

    /// <summary>Answer the client at once without calling A1111 (a retry with a known <c>X-Job-ID</c>, or a malformed one).</summary>
    Reply,
}
