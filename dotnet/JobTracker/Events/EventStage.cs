namespace JobTracker.Events;

/// <summary>The stages of a job's event stream, in the order a job passes them.</summary>
internal enum EventStage
{
    /// <summary>Waiting in A1111's queue: <c>queued</c> events.</summary>
    Queued = 1,

    /// <summary>Generating: <c>progress</c> events.</summary>
    Running = 2,

    /// <summary>Finished: the one <c>completed</c> or <c>failed</c> event.</summary>
    Final = 3,
}
