namespace JobTracker.Recovery;

/// <summary>What a request that brings its own <c>X-Job-ID</c> gets, following the Idempotency-Key draft.</summary>
internal enum RetryVerdict
{
    /// <summary>The ID is free: the request becomes a job with that ID.</summary>
    New,

    /// <summary>The same request already finished: its stored answer is sent again.</summary>
    Replay,

    /// <summary>The same request is still waiting or running: <c>409</c> with <c>Retry-After</c>.</summary>
    InFlight,

    /// <summary>The ID belongs to a different request: <c>422</c>.</summary>
    Mismatch,
}
