namespace JobTracker.Webhooks;

/// <summary>The webhook of one job: where it goes and how its delivery went so far. Immutable; changes make a copy.</summary>
/// <param name="JobId">The job whose end is announced.</param>
/// <param name="Url">The URL the request gave in <c>X-Webhook-URL</c>.</param>
internal sealed record WebhookDelivery(string JobId, string Url)
{
    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets the HTTP status of the last attempt, or <see langword="null"/> when it got no answer (or none was made).</summary>
    public int? LastStatus { get; init; }

    /// <summary>Gets why the last attempt got no answer (timeout, connection refused, address not allowed), or <see langword="null"/>.</summary>
    public string? LastError { get; init; }

    /// <summary>Gets a value indicating whether the receiver answered 2xx.</summary>
    public bool Delivered { get; init; }

    /// <summary>Gets a value indicating whether the delivery stopped without success (schedule exhausted, or 410 Gone).</summary>
    public bool GaveUp { get; init; }

    /// <summary>Gets when the next attempt is due, unix seconds; <see langword="null"/> while the job runs and once delivered or given up.</summary>
    public double? NextAttempt { get; init; }

    /// <summary>Gets the Standard Webhooks <c>webhook-id</c>: the same for every attempt, so a receiver can drop repeats.</summary>
    public string MessageId => "msg_" + JobId;

    /// <summary>Gets a value indicating whether attempts are still to come once due.</summary>
    public bool IsPending => NextAttempt is not null && !Delivered && !GaveUp;
}
