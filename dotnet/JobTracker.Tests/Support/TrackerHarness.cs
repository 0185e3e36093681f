using System.Buffers;
using JobTracker.Configuration;
using JobTracker.Ids;
using JobTracker.Storage;
using JobTracker.Tracking;
using Microsoft.Extensions.Time.Testing;

namespace JobTracker.Tests.Support;

/// <summary>A <see cref="TrackerService"/> on a temp folder with a fake clock, a recording log and a fake environment.</summary>
internal sealed class TrackerHarness : IDisposable
{
    private TrackerService? _service;

    public TrackerHarness(IRandomSource? random = null, params (string Name, string Value)[] environment)
    {
        Random = random ?? CryptoRandomSource.Instance;
        Environment = environment.ToDictionary(e => e.Name, e => (string?)e.Value);
    }

    public TempDirectory Directory { get; } = new();

    public FakeTimeProvider Time { get; } = TestClock.Create();

    public RecordingLog Log { get; } = new();

    public IRandomSource Random { get; }

    public Dictionary<string, string?> Environment { get; }

    public string? ApiAuth { get; set; }

    public JobStoreOptions StoreOptions { get; set; } = JobStoreOptions.Default;

    /// <summary>Replaces the webhooks' HTTP sender (a scripted receiver); null sends for real.</summary>
    public Func<JobTracker.Webhooks.WebhookOptions, JobTracker.Webhooks.IWebhookTransport>? WebhookTransport { get; set; }

    public TrackerService Service => _service ??= Start();

    public string DataDirectory => Directory.Path;

    public string OutputDirectory => Path.Combine(DataDirectory, "output");

    /// <summary>A harness whose config.json turns tracking on.</summary>
    public static TrackerHarness Tracking(IRandomSource? random = null, int retentionDays = 0)
    {
        var harness = new TrackerHarness(random);
        harness.WriteConfig(true, retentionDays);
        return harness;
    }

    public TrackerDependencies Dependencies() =>
        new(Time, Random, Log, EnvironmentLayer.FromVariables(Environment)) { StoreOptions = StoreOptions, WebhookTransport = WebhookTransport };

    public void WriteConfig(bool enabled, int retentionDays) =>
        File.WriteAllText(Directory.File("config.json"), $"{{\"tracking_enabled\": {(enabled ? "true" : "false")}, \"retention_days\": {retentionDays}}}");

    public TrackerService Start() => TrackerService.Start(Directory.Path, ApiAuth, Dependencies());

    /// <summary>Stops the service and starts a new one on the same folder, like a WebUI restart.</summary>
    public TrackerService Restart()
    {
        _service?.Dispose();
        _service = Start();
        return _service;
    }

    /// <summary>Begins a request and returns the outcome with the body A1111 would get.</summary>
    public (BeginOutcome Outcome, string Body) Begin(string body, string route = "txt2img", string ip = "10.0.0.1", string headers = "")
    {
        var rewritten = new ArrayBufferWriter<byte>();
        var outcome = Service.Requests.Begin(route, Utf8.Bytes(body), ip, TestHeaders.Parse(headers), rewritten);
        return (outcome, Utf8.Text(rewritten));
    }

    /// <summary>Begins and queues a request; returns the job ID.</summary>
    public string Queue(string body = "{\"prompt\":\"a cat\",\"steps\":20}", string route = "txt2img", string ip = "10.0.0.1", string headers = "")
    {
        var (outcome, _) = Begin(body, route, ip, headers);
        Assert.That(outcome.Action, Is.EqualTo(BeginAction.Track));
        Assert.That(Service.Requests.OnQueued(outcome.JobId), Is.True);
        return outcome.JobId;
    }

    /// <summary>Delivers A1111's final answer and waits for the image writes; returns the client body.</summary>
    public string Finish(string id, int status, string body)
    {
        var client = new ArrayBufferWriter<byte>();
        Service.Requests.OnFinished(id, status, Utf8.Bytes(body), client);
        Assert.That(Service.Flush(TimeSpan.FromSeconds(10)), Is.True);
        return Utf8.Text(client);
    }

    /// <summary>Runs a whole successful job and returns its ID.</summary>
    public string Complete(string ip = "10.0.0.1", string prompt = "a cat", string route = "txt2img", string headers = "", params byte[][] images)
    {
        var id = Queue($"{{\"prompt\":\"{prompt}\"}}", route, ip, headers);
        Service.Requests.OnStarted(id);
        Finish(id, 200, A1111Responses.Success(A1111Responses.DefaultInfo, images.Length == 0 ? [TestImages.Png()] : images));
        return id;
    }

    public JobRecord Job(string id) => Service.Store.Find(id) ?? throw new AssertionException($"job {id} is not stored");

    public void Dispose()
    {
        _service?.Dispose();
        Directory.Dispose();
    }
}
