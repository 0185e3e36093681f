namespace JobTracker.Interop;

/// <summary>
/// The first step of a cancel request: either a <see cref="Reply"/> to send at once (401, 404, 409), or the job to
/// stop on A1111's objects (<see cref="Stop"/>), after which the shim reports with <see cref="TrackerHost.FinishCancel"/>.
/// Python reads the properties, then calls <see cref="Dispose"/>.
/// </summary>
public sealed class CancelPlan : IDisposable
{
    private CancelPlan(bool stop, bool mayDequeue, HttpReply? reply)
    {
        Stop = stop;
        MayDequeue = mayDequeue;
        Reply = reply;
    }

    /// <summary>Gets a value indicating whether the shim must stop the job: interrupt it if it is A1111's current task,
    /// else (only when <see cref="MayDequeue"/>) take it out of A1111's queue before it starts.</summary>
    public bool Stop { get; }

    /// <summary>Gets a value indicating whether the job had not started, so that it may be taken out of the queue.</summary>
    public bool MayDequeue { get; }

    /// <summary>Gets the reply to send when <see cref="Stop"/> is false, else <see langword="null"/>.</summary>
    public HttpReply? Reply { get; }

    /// <summary>Frees <see cref="Reply"/>.</summary>
    public void Dispose() => Reply?.Dispose();

    internal static CancelPlan ForStop(bool mayDequeue) => new(true, mayDequeue, null);

    internal static CancelPlan ForReply(HttpReply reply) => new(false, false, reply);
}
