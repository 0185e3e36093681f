namespace JobTracker.Diagnostics;

/// <summary>
/// Reports a recurring failure once: the first failure is logged, later ones are silent
/// until a success resets the latch, so a full disk yields one line instead of one per request.
/// </summary>
/// <param name="log">Where the first failure (and the recovery) is written.</param>
/// <param name="subject">What fails, used in the recovery line, e.g. "storing images".</param>
internal sealed class FailureLatch(ITrackerLog log, string subject)
{
    private int _failing;

    /// <summary>Gets a value indicating whether the last outcome was a failure.</summary>
    public bool IsFailing => Volatile.Read(ref _failing) == 1;

    /// <summary>Records a failure; logs <paramref name="message"/> only if the previous outcome was a success.</summary>
    /// <param name="message">The line to log.</param>
    /// <returns><see langword="true"/> if the message was logged.</returns>
    public bool Fail(string message)
    {
        if (Interlocked.Exchange(ref _failing, 1) == 1)
        {
            return false;
        }

        log.Write(message);
        return true;
    }

    /// <summary>Records a success; after a failure this logs that <c>subject</c> works again.</summary>
    public void Succeed()
    {
        if (Interlocked.Exchange(ref _failing, 0) == 1)
        {
            log.Write(subject + " works again");
        }
    }
}
