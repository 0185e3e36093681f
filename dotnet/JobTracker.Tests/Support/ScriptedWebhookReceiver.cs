using JobTracker.Webhooks;

namespace JobTracker.Tests.Support;

/// <summary>A webhook receiver in memory: records every request and answers from a script (200 once the script runs out).</summary>
internal sealed class ScriptedWebhookReceiver : IWebhookTransport
{
    private readonly Lock _gate = new();
    private readonly Queue<WebhookResponse?> _script = new();
    private readonly List<Received> _received = [];

    public IReadOnlyList<Received> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public bool Disposed { get; private set; }

    /// <summary>Queues answers; a null answer never comes (the attempt waits until it is cancelled).</summary>
    public ScriptedWebhookReceiver Answer(params WebhookResponse?[] responses)
    {
        lock (_gate)
        {
            foreach (var response in responses)
            {
                _script.Enqueue(response);
            }
        }

        return this;
    }

    public Task<WebhookResponse> PostAsync(Uri url, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body, CancellationToken cancellation)
    {
        WebhookResponse? answer;
        lock (_gate)
        {
            _received.Add(new Received(url, headers.ToDictionary(h => h.Key, h => h.Value), body));
            answer = _script.Count > 0 ? _script.Dequeue() : new WebhookResponse(200, null);
        }

        if (answer is { } ready)
        {
            return Task.FromResult(ready);
        }

        var silent = new TaskCompletionSource<WebhookResponse>();
        cancellation.Register(() => silent.TrySetCanceled(cancellation));
        return silent.Task;
    }

    public void Dispose() => Disposed = true;
}
