namespace JobTracker.Webhooks;

/// <summary>The operator's webhook settings, read from the environment only (like the other security settings).</summary>
internal sealed record WebhookOptions
{
    /// <summary>The variable listing the allowed targets.</summary>
    public const string AllowVariable = "TRACKER_WEBHOOK_ALLOW";

    /// <summary>The variable holding the signing secret.</summary>
    public const string SecretVariable = "TRACKER_WEBHOOK_SECRET";

    /// <summary>The variable overriding the retry delays.</summary>
    public const string RetryVariable = "TRACKER_WEBHOOK_RETRY_SECONDS";

    /// <summary>How long one attempt may take, connection included; the specification recommends 15 to 30 s.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Gets the options with webhooks off.</summary>
    public static WebhookOptions Off { get; } = new();

    /// <summary>Gets the allowed targets.</summary>
    /// <value>Default none (environment <c>TRACKER_WEBHOOK_ALLOW</c>).</value>
    public WebhookAllowList Allow { get; init; } = WebhookAllowList.None;

    /// <summary>Gets the signing secret, or <see langword="null"/>.</summary>
    /// <value>Default none (environment <c>TRACKER_WEBHOOK_SECRET</c>, <c>whsec_&lt;base64 of 24 to 64 bytes&gt;</c>).</value>
    public WebhookSecret? Secret { get; init; }

    /// <summary>Gets the delays between attempts.</summary>
    /// <value>Default <see cref="WebhookRetrySchedule.Default"/> (environment <c>TRACKER_WEBHOOK_RETRY_SECONDS</c>).</value>
    public WebhookRetrySchedule Retries { get; init; } = WebhookRetrySchedule.Default;

    /// <summary>Gets how long one attempt may take.</summary>
    /// <value>Default 15 s.</value>
    public TimeSpan AttemptTimeout { get; init; } = DefaultAttemptTimeout;

    /// <summary>Gets a value indicating whether requests may ask for webhooks: some target is allowed and a secret is set.</summary>
    public bool Enabled => Allow.Count > 0 && Secret is not null;
}
