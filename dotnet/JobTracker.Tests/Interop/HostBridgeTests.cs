using System.Text;
using System.Text.Json;
using JobTracker.Configuration;
using JobTracker.Ids;
using JobTracker.Interop;
using JobTracker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace JobTracker.Tests.Interop;

public unsafe class HostBridgeTests
{
    private TempDirectory _directory = null!;
    private FakeTimeProvider _time = null!;
    private ThrowingLog _log = null!;
    private Dictionary<string, string?> _environment = null!;
    private HostBridge? _created;

    /// <summary>Created on first use, so a test can set <see cref="_environment"/> first.</summary>
    private HostBridge Bridge => _created ??= new HostBridge(
        new TrackerDependencies(_time, CryptoRandomSource.Instance, _log, EnvironmentLayer.FromVariables(_environment)));

    [SetUp]
    public void SetUp()
    {
        _directory = new TempDirectory();
        _time = TestClock.Create();
        _log = new ThrowingLog();
        _environment = [];
        _created = null;
    }

    [TearDown]
    public void TearDown()
    {
        _log.Armed = false;
        _created?.Stop();
        _directory.Dispose();
    }

    [Test]
    public void Start_Fresh_SummaryAndConfigDefaults()
    {
        var summary = Bridge.Start(_directory.Path, null);
        Assert.Multiple(() =>
        {
            Assert.That(summary, Is.EqualTo($"tracking off, retention off (jobs kept forever), 0 jobs in {_directory.Path}"));
            Assert.That(Bridge.IsTrackingEnabled(), Is.False);
            Assert.That(Directory.Exists(Path.Combine(_directory.Path, "output")), Is.True);
        });
    }

    [Test]
    public void Start_Twice_NoReloadButNewApiAuth()
    {
        _environment["TRACKER_ENABLED"] = "1";
        _environment["TRACKER_RETENTION"] = "30";
        Bridge.Start(_directory.Path, null);
        var service = Bridge.Service;
        var id = TrackOneJob();
        var second = Bridge.Start(_directory.Path, "alice:pw");
        Assert.Multiple(() =>
        {
            Assert.That(Bridge.Service, Is.SameAs(service));
            Assert.That(second, Is.EqualTo($"tracking on (set by TRACKER_ENABLED), retention 30 days (set by TRACKER_RETENTION), 1 job in {_directory.Path}, API auth required"));
            Assert.That(Reply(Bridge.HandleGetJob(id, "", "1.2.3.4", [])).Status, Is.EqualTo(401));
        });
    }

    [Test]
    public void Start_DataDirectoryFromEnvironment_Used()
    {
        _environment["TRACKER_DATA_DIR"] = "data";
        Bridge.Start(_directory.Path, null);
        var settings = Utf8.Json(Bridge.GetSettings());
        Assert.That(settings.GetProperty("data_dir").GetString(), Is.EqualTo(Path.Combine(_directory.Path, "data")));
    }

    [Test]
    public void Start_Impossible_InvalidOperationExceptionWithReadableMessage()
    {
        var file = _directory.File("not-a-folder");
        File.WriteAllText(file, "x");
        Assert.That(() => Bridge.Start(file, null),
            Throws.InvalidOperationException.With.Message.StartsWith("Job Tracker cannot start").And.Message.Contains(file));
        Assert.That(_log.Recorded.Count("cannot start"), Is.EqualTo(1));
    }

    [Test]
    public void BeforeStart_EveryCallIsSafe()
    {
        var body = Utf8.Bytes("{\"prompt\":\"x\"}");
        using var plan = Begin(body);
        using var finished = Finish("ABCDEFGH", 200, body);
        using var get = Bridge.HandleGetJob("ABCDEFGH", "", "ip", []);
        using var list = Bridge.HandleListJobs("", "ip", []);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Action, Is.EqualTo("passthrough"));
            Assert.That(plan.JobId, Is.Empty);
            Assert.That(plan.Body, Is.Null);
            Assert.That(finished.AsSpan().ToArray(), Is.EqualTo(body));
            Assert.That(get.Status, Is.EqualTo(503));
            Assert.That(list.Status, Is.EqualTo(503));
            Assert.That(Bridge.IsTrackingEnabled(), Is.False);
            Assert.That(Bridge.OnQueued("ABCDEFGH"), Is.False);
            Assert.That(Utf8.Json(Bridge.GetSettings()).GetProperty("message").GetString(), Is.EqualTo("the job tracker is not running"));
            Assert.That(Utf8.Json(Bridge.PurgeNow()).GetProperty("error").GetString(), Is.EqualTo("TrackerError"));
        });
        Bridge.OnStarted("ABCDEFGH");
        Bridge.OnAbandoned("ABCDEFGH");
        Bridge.Stop();
    }

    [Test]
    public void FullFlow_ThroughNativeBuffers_JobTrackedAndServed()
    {
        _environment["TRACKER_ENABLED"] = "yes";
        Bridge.Start(_directory.Path, null);
        var png = TestImages.Png();

        string id;
        using (var plan = Begin(Utf8.Bytes("{\"prompt\":\"a cat\"}")))
        {
            Assert.That(plan.Action, Is.EqualTo(RequestPlan.Track));
            id = plan.JobId;
            Assert.That(Read(plan.Body!), Is.EqualTo($"{{\"prompt\":\"a cat\",\"force_task_id\":\"{id}\"}}"));
        }

        Assert.That(Bridge.OnQueued(id), Is.True);
        Bridge.OnStarted(id);
        using (var client = Finish(id, 200, Utf8.Bytes(A1111Responses.Success(A1111Responses.DefaultInfo, png))))
        {
            Assert.That(Read(client), Does.StartWith($"{{\"job_id\":\"{id}\",\"images\""));
        }

        Bridge.Service!.Flush(TimeSpan.FromSeconds(10));
        using var reply = Bridge.HandleGetJob(id, "", "127.0.0.1", []);
        using var list = Bridge.HandleListJobs("status=completed", "127.0.0.1", []);
        var job = Utf8.Json(reply.Body.AsSpan());
        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(200));
            Assert.That(reply.Headers, Is.EqualTo(new[] { "Content-Type", "application/json" }));
            Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("Completed"));
            Assert.That(job.GetProperty("images")[0].GetBytesFromBase64(), Is.EqualTo(png));
            Assert.That(Utf8.Json(list.Body.AsSpan())[0].GetProperty("id").GetString(), Is.EqualTo(id));
        });
    }

    [Test]
    public void BeginRequest_AddressZeroWithLength_PassthroughAndLogged()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null);
        using var plan = Bridge.BeginRequest("txt2img", 0, 10, "ip", []);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Action, Is.EqualTo("passthrough"));
            Assert.That(_log.Recorded.Count("BeginRequest failed"), Is.EqualTo(1));
        });
    }

    [Test]
    public void OnFinished_UnreadableBuffer_ErrorBodyNotException()
    {
        Bridge.Start(_directory.Path, null);
        using var body = Bridge.OnFinished("ABCDEFGH", 200, 0, 10);
        Assert.That(Read(body), Is.EqualTo(HostBridge.InternalErrorJson));
    }

    [Test]
    public void HandleGetJob_ComponentThrows_500JsonReply()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null);
        var id = TrackOneJob();
        File.Delete(Path.Combine(_directory.Path, "output", id + "-0.png"));
        _log.Armed = true;
        using var reply = Bridge.HandleGetJob(id, "", "ip", []);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(500));
            Assert.That(reply.Headers, Is.EqualTo(new[] { "Content-Type", "application/json" }));
            Assert.That(Read(reply.Body), Is.EqualTo("{\"error\":\"TrackerError\",\"detail\":\"internal error; see the server log\"}"));
        });
    }

    [Test]
    public void Settings_JsonShapeAndSetters()
    {
        _environment["TRACKER_RETENTION"] = "7";
        Bridge.Start(_directory.Path, null);
        var settings = Utf8.Json(Bridge.GetSettings());
        var enabled = Utf8.Json(Bridge.SetTrackingEnabled(true));
        var pinned = Utf8.Json(Bridge.SetRetentionDays(3));
        Assert.Multiple(() =>
        {
            Assert.That(settings.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "tracking_enabled", "retention_days", "pinned", "data_dir" }));
            Assert.That(settings.GetProperty("tracking_enabled").GetBoolean(), Is.False);
            Assert.That(settings.GetProperty("retention_days").GetInt32(), Is.EqualTo(7));
            Assert.That(settings.GetProperty("pinned").GetProperty("tracking_enabled").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(settings.GetProperty("pinned").GetProperty("retention_days").GetString(), Is.EqualTo("TRACKER_RETENTION"));
            Assert.That(settings.GetProperty("data_dir").GetString(), Is.EqualTo(_directory.Path));
            Assert.That(enabled.GetProperty("tracking_enabled").GetBoolean(), Is.True);
            Assert.That(enabled.TryGetProperty("message", out _), Is.False);
            Assert.That(Bridge.IsTrackingEnabled(), Is.True);
            Assert.That(pinned.GetProperty("retention_days").GetInt32(), Is.EqualTo(7));
            Assert.That(pinned.GetProperty("message").GetString(), Does.Contain("TRACKER_RETENTION"));
            Assert.That(Utf8.Json(Bridge.SetRetentionDays(-1)).GetProperty("message").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public void PurgeNow_Json()
    {
        Bridge.Start(_directory.Path, null);
        Assert.That(Bridge.PurgeNow(), Is.EqualTo("{\"jobs_removed\":0,\"files_removed\":0,\"retention_days\":0}"));
    }

    [Test]
    public void Stop_ThenStart_Reloads()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null);
        var id = TrackOneJob();
        var first = Bridge.Service;
        Bridge.Stop();
        Assert.That(Bridge.Service, Is.Null);
        Bridge.Start(_directory.Path, null);
        Assert.Multiple(() =>
        {
            Assert.That(Bridge.Service, Is.Not.SameAs(first));
            Assert.That(Reply(Bridge.HandleGetJob(id, "images=false", "ip", [])).Status, Is.EqualTo(200));
        });
    }

    // Issue #3: reply plans, async and live facade methods.
    [Test]
    public void BeginRequest_MalformedClientId_ReplyPlanWith400()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null);
        var body = Utf8.Bytes("{\"prompt\":\"p\"}");
        RequestPlan plan;
        fixed (byte* address = body)
        {
            plan = Bridge.BeginRequest("txt2img", (long)address, body.Length, "127.0.0.1", ["x-job-id", "nope"]);
        }

        using (plan)
        {
            Assert.That(plan.Action, Is.EqualTo(RequestPlan.ReplyAction));
            var (status, json) = Reply(plan.Reply!);
            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400));
                Assert.That(json, Does.Contain("X-Job-ID"));
            });
        }
    }

    [Test]
    public void AcceptedReply_QueuedJob_202WithLocationAndPosition()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null);
        using var plan = Begin(Utf8.Bytes("{\"prompt\":\"p\"}"));
        Bridge.OnQueued(plan.JobId);
        using var reply = Bridge.AcceptedReply(plan.JobId, "queue_index=1;current=0");
        var job = JsonDocument.Parse(Read(reply.Body)).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(202));
            Assert.That(ReplyHeaderValues.Find(reply.Headers, "Location"), Is.EqualTo("/sdapi/v1/job/" + plan.JobId));
            Assert.That(ReplyHeaderValues.Find(reply.Headers, "Preference-Applied"), Is.EqualTo("respond-async"));
            Assert.That(ReplyHeaderValues.Find(reply.Headers, "Retry-After"), Is.EqualTo("2"));
            Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("Pending"));
            Assert.That(job.GetProperty("queue_position").GetInt32(), Is.EqualTo(2));
            Assert.That(job.TryGetProperty("images", out _), Is.False);
        });
    }

    [Test]
    public void HandleGetJobLiveAndImage_CompletedJob_NoRetryAfterAndTheFile()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null);
        var id = TrackOneJob();
        using var live = Bridge.HandleGetJobLive(id, "images=false", "ip", [], "garbage");
        using var image = Bridge.HandleGetJobImage(id, "0", "ip", []);
        Assert.Multiple(() =>
        {
            Assert.That(live.Status, Is.EqualTo(200));
            Assert.That(ReplyHeaderValues.Find(live.Headers, "Retry-After"), Is.Null);
            Assert.That(Read(live.Body), Does.Contain("\"progress\":1"));
            Assert.That(image.Status, Is.EqualTo(200));
            Assert.That(ReplyHeaderValues.Find(image.Headers, "Content-Type"), Is.EqualTo("image/png"));
            Assert.That(image.Body.Length, Is.EqualTo(TestImages.Png().Length));
        });
    }

    private string TrackOneJob()
    {
        using var plan = Begin(Utf8.Bytes("{\"prompt\":\"p\"}"));
        Bridge.OnQueued(plan.JobId);
        using (Finish(plan.JobId, 200, Utf8.Bytes(A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png()))))
        {
        }

        Bridge.Service!.Flush(TimeSpan.FromSeconds(10));
        return plan.JobId;
    }

    private RequestPlan Begin(byte[] body)
    {
        fixed (byte* address = body)
        {
            return Bridge.BeginRequest("txt2img", (long)address, body.Length, "127.0.0.1", []);
        }
    }

    private NativeBuffer Finish(string id, int status, byte[] body)
    {
        fixed (byte* address = body)
        {
            return Bridge.OnFinished(id, status, (long)address, body.Length);
        }
    }

    private static (int Status, string Body) Reply(HttpReply reply)
    {
        using (reply)
        {
            return (reply.Status, Read(reply.Body));
        }
    }

    private static string Read(NativeBuffer buffer) => Encoding.UTF8.GetString(new ReadOnlySpan<byte>((void*)buffer.Address, buffer.Length));

    [Test]
    public void GetJobPageAndView_NotStarted_ErrorJson()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JsonDocument.Parse(Bridge.GetJobPage("All", "", 1, 25)).RootElement.GetProperty("error").GetString(), Is.EqualTo("TrackerError"));
            Assert.That(JsonDocument.Parse(Bridge.GetJobView("A3f9K2xY")).RootElement.GetProperty("error").GetString(), Is.EqualTo("TrackerError"));
        });
    }

    [Test]
    public void GetJobPageAndView_Started_SnakeCaseJson()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null);
        var id = TrackOneJob();

        using var page = JsonDocument.Parse(Bridge.GetJobPage("bogus status", "", 0, 1000));
        using var view = JsonDocument.Parse(Bridge.GetJobView(id));
        using var missing = JsonDocument.Parse(Bridge.GetJobView("../../x"));
        var row = page.RootElement.GetProperty("jobs")[0];
        Assert.Multiple(() =>
        {
            Assert.That(row.GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(row.GetProperty("thumbnail").GetString(), Does.EndWith(Path.Combine("output", "thumbs", id + "-0.jpg")));
            Assert.That(page.RootElement.GetProperty("page_size").GetInt32(), Is.EqualTo(100));
            Assert.That(view.RootElement.GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(view.RootElement.TryGetProperty("negative_prompt", out _), Is.True);
            Assert.That(missing.RootElement.GetProperty("error").GetString(), Is.EqualTo("NotFound"));
        });
    }
}
