namespace JobTracker.Webhooks;

/// <summary>Sends one signed webhook request; tests replace it with a scripted receiver.</summary>
internal interface IWebhookTransport : IDisposable
{
    /// <summary>POSTs <paramref name="body"/> to <paramref name="url"/>, never following a redirect.</summary>
    /// <param name="url">The target.</param>
    /// <param name="headers">The Standard Webhooks headers (name, value).</param>
    /// <param name="body">The JSON body.</param>
    /// <param name="cancellation">Cancelled when the attempt times out or the tracker stops.</param>
    /// <returns>The receiver's status, or why there was none.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    Task<WebhookResponse> PostAsync(Uri url, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body, CancellationToken cancellation);
}
