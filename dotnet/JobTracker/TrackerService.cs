using System.Globalization;
using JobTracker.Configuration;
using JobTracker.Http;
using JobTracker.Ids;
using JobTracker.Images;
using JobTracker.Retention;
using JobTracker.Security;
using JobTracker.Storage;
using JobTracker.Tracking;
using JobTracker.Webhooks;

namespace JobTracker;

/// <summary>
/// The whole tracker for one data folder: settings, job store, request tracking, the three GET handlers (a job, the job list, a job's image),
/// and retention with its 6-hourly purge. Plain .NET in and out; <see cref="Interop.TrackerHost"/> adapts it for Python.
/// </summary>
internal sealed class TrackerService : IDisposable
{

    private readonly TrackerDependencies _dependencies;
    private readonly RetentionPurger _purger;
    private readonly PurgeSchedule _schedule;
    private readonly SecurityOptions _security;
    private readonly WebhookDispatcher _webhooks;
    private AccessPolicy _policy = AccessPolicy.Open;
    private bool _disposed;

    private TrackerService(TrackerDependencies dependencies, SettingsStore settings, JobStore store)
    {
        _dependencies = dependencies;
        _security = SecurityOptionsLoader.Load(dependencies.Environment, dependencies.Log);
        _policy = new AccessPolicy(ApiCredentials.None, _security);
        Settings = settings;
        Store = store;
        var output = new OutputFolder(store.Files.OutputDirectory);
        _webhooks = OpenWebhooks(dependencies, settings.DataDirectory, store, new JobDetailsWriter(output, settings.DataDirectory, dependencies.Log));
        var details = new JobDetailsWriter(output, settings.DataDirectory, dependencies.Log) { Webhooks = _webhooks };
        Requests = new RequestTracker(
            store, settings, new JobIdGenerator(dependencies.Random), dependencies.Time, dependencies.Log, output, () => Policy, details)
        {
            Webhooks = _webhooks,
        };
        Gate = new JobGate(store, () => Policy);
        Handlers = new JobHandlers(store, details, Gate, dependencies.Time);
        Events = new Events.JobEvents(store, Gate, details, dependencies.Time, () => settings.Current.KeepAliveSeconds);
        Cancels = new Cancellation.CancelHandler(store, Gate, details, Requests.Cancels);
        Tab = new Ui.TabQueries(store, output, new JobImageLocator(output, settings.DataDirectory), dependencies.Log);
        _purger = new RetentionPurger(store, output, dependencies.Time, dependencies.Log);
        PurgeScheduled();
        _schedule = new PurgeSchedule(dependencies.Time, () => PurgeScheduled(), dependencies.Log);
    }

    /// <summary>Gets the settings.</summary>
    public SettingsStore Settings { get; }

    /// <summary>Gets the job store.</summary>
    public JobStore Store { get; }

    /// <summary>Gets the request flow.</summary>
    public RequestTracker Requests { get; }

    /// <summary>Gets the GET handlers.</summary>
    public JobHandlers Handlers { get; }

    /// <summary>Gets the event streams of <c>GET /sdapi/v1/job/{id}/events</c>.</summary>
    internal Events.JobEvents Events { get; }

    /// <summary>Gets the gate every job route goes through (credentials, ownership).</summary>
    public JobGate Gate { get; }

    /// <summary>Gets the logic of the cancel route and of the tab's Cancel button.</summary>
    internal Cancellation.CancelHandler Cancels { get; }

    /// <summary>Gets the access rules of the moment.</summary>
    public AccessPolicy Policy => Volatile.Read(ref _policy);

    /// <summary>Gets what the WebUI's "Job Tracker" tab reads.</summary>
    public Ui.TabQueries Tab { get; }

    /// <summary>Gets the webhook deliveries.</summary>
    internal WebhookDispatcher Webhooks => _webhooks;

    /// <summary>Gets the credentials the GET handlers demand.</summary>
    public ApiCredentials Credentials => Policy.Credentials;

    /// <summary>
    /// Starts the tracker: finds the data folder, reads the settings and the jobs, purges expired jobs
    /// and starts the purge timer.
    /// </summary>
    /// <param name="extensionDirectory">The extension's folder; the data folder unless <c>TRACKER_DATA_DIR</c> says otherwise.</param>
    /// <param name="apiAuth">A1111's <c>--api-auth</c> value, or <see langword="null"/>.</param>
    /// <param name="dependencies">Clock, randomness, log and environment.</param>
    /// <returns>The running tracker.</returns>
    /// <exception cref="IOException">The data folder cannot be created or the jobs cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The data folder is not accessible.</exception>
    public static TrackerService Start(string extensionDirectory, string? apiAuth, TrackerDependencies dependencies)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extensionDirectory);
        ArgumentNullException.ThrowIfNull(dependencies);
        var dataDirectory = SettingsLoader.ResolveDataDirectory(extensionDirectory, dependencies.Environment);
        PrivateFiles.CreateFolder(dataDirectory);
        var settings = new SettingsStore(SettingsLoader.Load(dataDirectory, dependencies.Environment, dependencies.Log), dataDirectory, dependencies.Log);
        var files = new StoreFiles(dataDirectory);
        PrivateFiles.CreateFolder(files.OutputDirectory);
        var store = JobStore.Open(files, dependencies.Log, dependencies.Time, dependencies.StoreOptions);
        try
        {
            var service = new TrackerService(dependencies, settings, store);
            service.UpdateApiAuth(apiAuth);
            return service;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Replaces the credentials (A1111's Reload UI may bring new ones).</summary>
    /// <param name="apiAuth">A1111's <c>--api-auth</c> value, or <see langword="null"/>.</param>
    public void UpdateApiAuth(string? apiAuth)
    {
        var credentials = ApiCredentials.Parse(apiAuth);
        if (credentials.IgnoredEntries > 0)
        {
            _dependencies.Log.Write($"ignored {credentials.IgnoredEntries} --api-auth entr(y/ies) without ':'");
        }

        var policy = new AccessPolicy(credentials, _security);
        if (policy.UnknownAdmins.Count > 0)
        {
            _dependencies.Log.Write($"{SettingNames.AdminUsersVariable} names user(s) that --api-auth does not define: {string.Join(", ", policy.UnknownAdmins)}");
        }

        Volatile.Write(ref _policy, policy);
    }

    /// <summary>A one-line status for the log, e.g. "tracking on, retention 30 days, 12 jobs in /path".</summary>
    /// <returns>The summary.</returns>
    public string Summary()
    {
        var options = Settings.Current;
        var pinned = Settings.Pinned;
        var tracking = (options.TrackingEnabled ? "tracking on" : "tracking off") + PinnedBy(pinned.TrackingEnabled);
        var retention = (options.RetentionDays == 0
            ? "retention off (jobs kept forever)"
            : string.Create(CultureInfo.InvariantCulture, $"retention {options.RetentionDays} day{(options.RetentionDays == 1 ? string.Empty : "s")}"))
            + PinnedBy(pinned.RetentionDays);
        var count = Store.Count;
        var policy = Policy;
        var auth = !policy.Credentials.IsRequired ? string.Empty
            : policy.IsolatesJobs ? ", API auth required, jobs private to their user"
            : ", API auth required";
        if (policy.Options.TrustedProxies.Count > 0)
        {
            auth += string.Create(CultureInfo.InvariantCulture, $", {policy.Options.TrustedProxies.Count} trusted prox{(policy.Options.TrustedProxies.Count == 1 ? "y" : "ies")}");
        }

        if (_webhooks.Options.Enabled)
        {
            auth += string.Create(CultureInfo.InvariantCulture, $", webhooks on ({_webhooks.Options.Allow.Count} allowed target{(_webhooks.Options.Allow.Count == 1 ? string.Empty : "s")})");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{tracking}, {retention}, {count} job{(count == 1 ? string.Empty : "s")} in {Settings.DataDirectory}{auth}");
    }

    /// <summary>The settings as the UI sees them.</summary>
    /// <param name="message">An optional message to include.</param>
    /// <returns>The report.</returns>
    public SettingsReport GetSettings(string? message = null)
    {
        var options = Settings.Current;
        return new SettingsReport(options.TrackingEnabled, options.RetentionDays, Settings.Pinned, Settings.DataDirectory, message);
    }

    /// <summary>Turns tracking on or off (saved in config.json unless pinned by the environment).</summary>
    /// <param name="enabled">The new value.</param>
    /// <returns>The settings afterwards, with a message if the change was refused or not saved.</returns>
    public SettingsReport SetTrackingEnabled(bool enabled) => GetSettings(Settings.SetTrackingEnabled(enabled).Message);

    /// <summary>Sets the retention (saved in config.json unless pinned by the environment).</summary>
    /// <param name="days">Days; 0 keeps jobs forever; negative values are refused.</param>
    /// <returns>The settings afterwards, with a message if the change was refused or not saved.</returns>
    public SettingsReport SetRetentionDays(int days) => GetSettings(Settings.SetRetentionDays(days).Message);

    /// <summary>Purges expired jobs now.</summary>
    /// <returns>What was removed.</returns>
    public PurgeResult PurgeNow() => _purger.Purge(Settings.Current.RetentionDays);

    /// <summary>Waits until a running compaction has finished.</summary>
    /// <param name="timeout">How long to wait at most.</param>
    /// <returns><see langword="true"/> if it finished.</returns>
    public bool Flush(TimeSpan timeout) => Store.WaitForCompaction(timeout);

    /// <summary>Stops the timer and closes the store.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _schedule.Dispose();
        _webhooks.Dispose();
        Store.Dispose();
    }

    private void PurgeScheduled()
    {
        PurgeNow();
        Requests.SweepReservations();
    }

    /// <summary>The webhook worker; a delivery carries the job object of <c>GET /sdapi/v1/job/{id}?images=false</c> without its own <c>webhook</c> member.</summary>
    private static WebhookDispatcher OpenWebhooks(TrackerDependencies dependencies, string dataDirectory, JobStore store, JobDetailsWriter bodies)
    {
        var options = WebhookOptionsLoader.Load(dependencies.Environment, dependencies.Log);
        var transport = dependencies.WebhookTransport?.Invoke(options) ?? new HttpWebhookTransport(options.Allow);
        return WebhookDispatcher.Open(options, dataDirectory, transport, store.Find, job =>
        {
            var body = new System.Buffers.ArrayBufferWriter<byte>();
            var now = dependencies.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
            bodies.Write(job, includeImages: false, Recovery.JobProgress.Of(job, null, now), body);
            return body.WrittenSpan.ToArray();
        }, dependencies.Time, dependencies.Log);
    }

    private static string PinnedBy(string? variable) => variable is null ? string.Empty : $" (set by {variable})";
}
