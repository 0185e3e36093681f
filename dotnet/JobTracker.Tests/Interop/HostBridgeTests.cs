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
        var summary = Bridge.Start(_directory.Path, null, "a1111");
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
        Bridge.Start(_directory.Path, null, "a1111");
        var service = Bridge.Service;
        var id = TrackOneJob();
        var second = Bridge.Start(_directory.Path, "alice:pw", "a1111");
        Assert.Multiple(() =>
        {
            Assert.That(Bridge.Service, Is.SameAs(service));
            Assert.That(second, Is.EqualTo($"tracking on (set by TRACKER_ENABLED), retention 30 days (set by TRACKER_RETENTION), 1 job in {_directory.Path}, API auth required"));
            Assert.That(Reply(Bridge.HandleGetJob(id, "", Client, [], null)).Status, Is.EqualTo(401));
        });
    }

    [Test]
    public void Start_DataDirectoryFromEnvironment_Used()
    {
        _environment["TRACKER_DATA_DIR"] = "data";
        Bridge.Start(_directory.Path, null, "a1111");
        var settings = Utf8.Json(Bridge.GetSettings());
        Assert.That(settings.GetProperty("data_dir").GetString(), Is.EqualTo(Path.Combine(_directory.Path, "data")));
    }

    [Test]
    public void Start_Impossible_InvalidOperationExceptionWithReadableMessage()
    {
        var file = _directory.File("not-a-folder");
        File.WriteAllText(file, "x");
        Assert.That(() => Bridge.Start(file, null, "a1111"),
            Throws.InvalidOperationException.With.Message.StartsWith("Job Tracker cannot start").And.Message.Contains(file));
        Assert.That(_log.Recorded.Count("cannot start"), Is.EqualTo(1));
    }

    [Test]
    public void BeforeStart_EveryCallIsSafe()
    {
        var body = Utf8.Bytes("{\"prompt\":\"x\"}");
        var exchange = Begin(body);
        using var get = Bridge.HandleGetJob("ABCDEFGH", "", Client, [], null);
        using var list = Bridge.HandleListJobs("", Client, []);
        Assert.Multiple(() =>
        {
            Assert.That(exchange.Opening.Action, Is.EqualTo(ExchangeAction.PassThrough));
            Assert.That(exchange.JobId, Is.Empty);
            Assert.That(exchange.Opening.Body, Is.Null);
            Assert.That(exchange.Admitted(null).Action, Is.EqualTo(ExchangeAction.Nothing));
            Assert.That(exchange.Raised("RuntimeError", "x").Action, Is.EqualTo(ExchangeAction.PassThrough));
            Assert.That(get.Status, Is.EqualTo(503));
            Assert.That(list.Status, Is.EqualTo(503));
            Assert.That(Bridge.IsTrackingEnabled(), Is.False);
            Assert.That(Utf8.Json(Bridge.GetSettings()).GetProperty("message").GetString(), Is.EqualTo("the job tracker is not running"));
            Assert.That(Utf8.Json(Bridge.PurgeNow()).GetProperty("error").GetString(), Is.EqualTo("TrackerError"));
        });
        exchange.Queued();
        exchange.Started();
        exchange.End();
        Bridge.Stop();
    }

    [Test]
    public void FullFlow_ThroughNativeBuffers_JobTrackedAndServed()
    {
        _environment["TRACKER_ENABLED"] = "yes";
        Bridge.Start(_directory.Path, null, "a1111");
        var png = TestImages.Png();

        var exchange = Begin(Utf8.Bytes("{\"prompt\":\"a cat\"}"));
        var id = exchange.JobId;
        Assert.That(exchange.Opening.Action, Is.EqualTo(ExchangeAction.CallApp));
        Assert.That(Read(exchange.Opening.Body!), Is.EqualTo($"{{\"prompt\":\"a cat\",\"force_task_id\":\"{id}\"}}"));
        exchange.Queued();
        exchange.Started();
        using (var head = exchange.Admitted(LiveState.Unknown))
        {
            Assert.That(head.Action, Is.EqualTo(ExchangeAction.SendHead));
        }

        using (var client = Finish(exchange, 200, Utf8.Bytes(A1111Responses.Success(A1111Responses.DefaultInfo, png))))
        {
            Assert.That(client.Action, Is.EqualTo(ExchangeAction.SendBody));
            Assert.That(Read(client.Body!), Does.StartWith($"{{\"job_id\":\"{id}\",\"images\""));
        }

        exchange.End();

        Bridge.Service!.Flush(TimeSpan.FromSeconds(10));
        using var reply = Bridge.HandleGetJob(id, "", Client, [], null);
        using var list = Bridge.HandleListJobs("status=completed", Client, []);
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
        Bridge.Start(_directory.Path, null, "a1111");
        var exchange = Bridge.BeginRequest("txt2img", 0, 10, Client, []);
        Assert.Multiple(() =>
        {
            Assert.That(exchange.Opening.Action, Is.EqualTo(ExchangeAction.PassThrough));
            Assert.That(_log.Recorded.Count("BeginRequest failed"), Is.EqualTo(1));
        });
    }

    [Test]
    public void AppBody_UnreadableBuffer_WhatCameSoFarPassedOnNotException()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null, "a1111");
        var exchange = Begin(Utf8.Bytes("{\"prompt\":\"p\"}"));
        exchange.AppHead(200, ["content-type", "application/json"]);
        using var step = exchange.AppBody(0, 10, more: false);
        Assert.Multiple(() =>
        {
            Assert.That(step.Action, Is.EqualTo(ExchangeAction.SendWhole));
            Assert.That(step.Status, Is.EqualTo(200));
            Assert.That(_log.Recorded.Count("AppBody failed"), Is.EqualTo(1));
        });
    }

    [Test]
    public void HandleGetJob_ComponentThrows_500JsonReply()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null, "a1111");
        var id = TrackOneJob();
        File.Delete(Path.Combine(_directory.Path, "output", id + "-0.png"));
        _log.Armed = true;
        using var reply = Bridge.HandleGetJob(id, "", Client, [], null);
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
        Bridge.Start(_directory.Path, null, "a1111");
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
        Bridge.Start(_directory.Path, null, "a1111");
        Assert.That(Bridge.PurgeNow(), Is.EqualTo("{\"jobs_removed\":0,\"files_removed\":0,\"retention_days\":0}"));
    }

    [Test]
    public void Stop_ThenStart_Reloads()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null, "a1111");
        var id = TrackOneJob();
        var first = Bridge.Service;
        Bridge.Stop();
        Assert.That(Bridge.Service, Is.Null);
        Bridge.Start(_directory.Path, null, "a1111");
        Assert.Multiple(() =>
        {
            Assert.That(Bridge.Service, Is.Not.SameAs(first));
            Assert.That(Reply(Bridge.HandleGetJob(id, "images=false", Client, [], null)).Status, Is.EqualTo(200));
        });
    }

    // Reply plans, async and live facade methods.
    [Test]
    public void BeginRequest_MalformedClientId_ReplyPlanWith400()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null, "a1111");
        var body = Utf8.Bytes("{\"prompt\":\"p\"}");
        Exchange exchange;
        fixed (byte* address = body)
        {
            exchange = Bridge.BeginRequest("txt2img", (long)address, body.Length, Client, ["x-job-id", "nope"]);
        }

        using var reply = exchange.Opening;
        Assert.Multiple(() =>
        {
            Assert.That(reply.Action, Is.EqualTo(ExchangeAction.SendWhole));
            Assert.That(reply.Status, Is.EqualTo(400));
            Assert.That(reply.Headers, Is.EqualTo(new[] { "Content-Type", "application/json", "content-length", reply.Body!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            Assert.That(Read(reply.Body!), Does.Contain("X-Job-ID"));
        });
    }

    [Test]
    public void Admitted_RespondAsync_202WithLocationAndPosition()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null, "a1111");
        var exchange = Begin(Utf8.Bytes("{\"prompt\":\"p\"}"), ["prefer", "respond-async"]);
        exchange.Queued();
        using var reply = exchange.Admitted(new LiveState(1, false, 0, 0, 0, 0, null));
        var job = JsonDocument.Parse(Read(reply.Body!)).RootElement;
        var headers = string.Join("\n", reply.Headers);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Action, Is.EqualTo(ExchangeAction.SendWhole));
            Assert.That(reply.Status, Is.EqualTo(202));
            Assert.That(ReplyHeaderValues.Find(reply.Headers, "Location"), Is.EqualTo("/sdapi/v1/job/" + exchange.JobId));
            Assert.That(ReplyHeaderValues.Find(reply.Headers, "Preference-Applied"), Is.EqualTo("respond-async"));
            Assert.That(ReplyHeaderValues.Find(reply.Headers, "Retry-After"), Is.EqualTo("2"));
            Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("Pending"));
            Assert.That(job.GetProperty("queue_position").GetInt32(), Is.EqualTo(2));
            Assert.That(job.TryGetProperty("images", out _), Is.False);
        });
    }

    [Test]
    public void HandleGetJobAndImage_CompletedJob_NoRetryAfterAndTheFile()
    {
        _environment["TRACKER_ENABLED"] = "1";
        Bridge.Start(_directory.Path, null, "a1111");
        var id = TrackOneJob();
        using var live = Bridge.HandleGetJob(id, "images=false", Client, [], LiveState.Unknown);
        using var image = Bridge.HandleGetJobImage(id, "0", Client, []);
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
        var exchange = Begin(Utf8.Bytes("{\"prompt\":\"p\"}"));
        exchange.Queued();
        using (Finish(exchange, 200, Utf8.Bytes(A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png()))))
        {
        }

        exchange.End();
        Bridge.Service!.Flush(TimeSpan.FromSeconds(10));
        return exchange.JobId;
    }

    private static ClientConnection Client { get; } = new("127.0.0.1", 50000, null);

    private Exchange Begin(byte[] body, string[]? headers = null)
    {
        fixed (byte* address = body)
        {
            return Bridge.BeginRequest("txt2img", (long)address, body.Length, Client, headers ?? []);
        }
    }

    private static ExchangeStep Finish(Exchange exchange, int status, byte[] body)
    {
        exchange.AppHead(status, ["content-type", "application/json"]).Dispose();
        fixed (byte* address = body)
        {
            return exchange.AppBody((long)address, body.Length, more: false);
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
        Bridge.Start(_directory.Path, null, "a1111");
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
