namespace JobTracker.Cancellation;

/// <summary>What a cancel request does to a job, decided from its status.</summary>
internal enum CancelAction
{
    /// <summary>The job has ended: nothing to stop (409 with its status).</summary>
    Refuse,

    /// <summary>The job waits in A1111's queue: take it out before its generation starts.</summary>
    Dequeue,

    /// <summary>The job is generating: interrupt it, the way <c>/sdapi/v1/interrupt</c> does, if it is still the one running.</summary>
    Interrupt,
}
