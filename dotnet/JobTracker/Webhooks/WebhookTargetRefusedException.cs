namespace JobTracker.Webhooks;

/// <summary>A webhook's host resolved to an address the allow-list does not cover; the connection is not made.</summary>
internal sealed class WebhookTargetRefusedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="WebhookTargetRefusedException"/> class.</summary>
    public WebhookTargetRefusedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WebhookTargetRefusedException"/> class.</summary>
    /// <param name="message">Which host and address.</param>
    public WebhookTargetRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WebhookTargetRefusedException"/> class.</summary>
    /// <param name="message">Which host and address.</param>
    /// <param name="inner">The cause.</param>
    public WebhookTargetRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
