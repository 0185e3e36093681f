using JobTracker.Configuration;
using JobTracker.Diagnostics;
using JobTracker.Ids;
using JobTracker.Storage;

namespace JobTracker;

/// <summary>What the tracker takes from the outside world, so tests can replace the clock, randomness, log and environment.</summary>
/// <param name="Time">The clock and timer factory.</param>
/// <param name="Random">The source of job IDs' randomness.</param>
/// <param name="Log">Where problems are reported.</param>
/// <param name="Environment">The <c>TRACKER_*</c> variables.</param>
internal sealed record TrackerDependencies(TimeProvider Time, IRandomSource Random, ITrackerLog Log, EnvironmentLayer Environment)
{
    /// <summary>Gets the store's tuning.</summary>
    /// <value>Default <see cref="JobStoreOptions.Default"/>.</value>
    public JobStoreOptions StoreOptions { get; init; } = JobStoreOptions.Default;

    /// <summary>Gets what sends webhooks, given their settings; <see langword="null"/> for real HTTP (tests send to a fake receiver).</summary>
    internal Func<Webhooks.WebhookOptions, Webhooks.IWebhookTransport>? WebhookTransport { get; init; }

    /// <summary>The real clock, cryptographic randomness, stderr and the process environment.</summary>
    /// <returns>The production dependencies.</returns>
    public static TrackerDependencies Production() =>
        new(TimeProvider.System, CryptoRandomSource.Instance, new StderrTrackerLog(), EnvironmentLayer.FromProcess());
}
