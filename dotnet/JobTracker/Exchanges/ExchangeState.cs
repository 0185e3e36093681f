namespace JobTracker.Exchanges;

/// <summary>Where a tracked request stands between the client and A1111.</summary>
internal enum ExchangeState
{
    /// <summary>A1111 has the request; the client has nothing yet.</summary>
    Waiting,

    /// <summary>The early head (200, <c>X-Job-ID</c>) is out; the body waits for A1111's answer.</summary>
    EarlyHeadSent,

    /// <summary>A1111 started its response before the admission was seen: it goes out whole, never after a 202.</summary>
    AppAnsweredFirst,

    /// <summary>The client has its <c>202 Accepted</c>; A1111's answer is only recorded.</summary>
    Accepted,

    /// <summary>A1111's answer is recorded (or passed on for a request that never became a job).</summary>
    Finished,

    /// <summary>The request ended without A1111's answer: the reservation is dropped or the job Failed.</summary>
    Abandoned,
}
