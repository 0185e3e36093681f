namespace JobTracker.Webhooks;

/// <summary>What one attempt got: the receiver's HTTP status, or why no answer came.</summary>
/// <param name="Status">The HTTP status, or <see langword="null"/> without an answer.</param>
/// <param name="Error">Why no answer came (refused address, connection error, timeout), or <see langword="null"/>.</param>
internal readonly record struct WebhookResponse(int? Status, string? Error)
{
    /// <summary>Gets a value indicating whether the receiver took the delivery (2xx).</summary>
    public bool IsSuccess => Status is >= 200 and <= 299;

    /// <summary>Gets a value indicating whether the receiver asked never to be sent this again (410 Gone, as the specification says).</summary>
    public bool IsGone => Status == 410;
}
