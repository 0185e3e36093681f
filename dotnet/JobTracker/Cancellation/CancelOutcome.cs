namespace JobTracker.Cancellation;

/// <summary>What the shim found and did on A1111's objects for a cancel request (the names cross the bridge as text).</summary>
internal enum CancelOutcome
{
    /// <summary>The job had not started: it left A1111's queue and will be skipped before its generation starts.</summary>
    Dequeued,

    /// <summary>The job was the one running: A1111's state was interrupted.</summary>
    Interrupted,

    /// <summary>The job was no longer running (it finished meanwhile): nothing was touched.</summary>
    NotRunning,
}
