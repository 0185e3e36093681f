namespace JobTracker.Tracking;

/// <summary>What the shim should do with a txt2img/img2img request.</summary>
public enum BeginAction
{
    /// <summary>Hand the request to A1111 unchanged; it is not tracked.</summary>
    Passthrough,

    /// <summary>Hand the rewritten body to A1111 and tell the client the job ID.</summary>
    Track,
}
