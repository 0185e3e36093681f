using JobTracker.Configuration;
using JobTracker.Ids;
using JobTracker.Interop;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Interop;

/// <summary>How a txt2img/img2img request opens through the bridge: tracked, passed through, or answered at once
/// (a replay, 409 while in flight, 422 for another body, 400 for a malformed ID).</summary>
public unsafe class ExchangeOpeningTests
{
    private const string Body = "{\"prompt\":\"a cat\"}";
    private static readonly ClientConnection Client = new("127.0.0.1", 50000, null);
    private TempDirectory _directory = null!;
    private HostBridge _bridge = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = new TempDirectory();
        var environment = new Dictionary<string, string?> { ["TRACKER_ENABLED"] = "1" };
        _bridge = new HostBridge(new TrackerDependencies(TestClock.Create(), CryptoRandomSource.Instance, new RecordingLog(), EnvironmentLayer.FromVariables(environment)));
        _bridge.Start(_directory.Path, null, "a1111");
    }

    [TearDown]
    public void TearDown()
    {
        _bridge.Stop();
        _directory.Dispose();
    }

    [Test]
    public void SameIdSameBodyAfterTheEnd_TheFirstAnswerAgainByteForByte()
    {
        var first = Begin(Body, "A3f9K2xY");
        first.Queued();
        first.Admitted(LiveState.Unknown).Dispose();
        string sent;
        using (var last = Answer(first, A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png())))
        {
            sent = Utf8.Text(last.Body!.AsSpan());
        }

        first.End();
        _bridge.Service!.Flush(TimeSpan.FromSeconds(10));
        using var replay = Begin(Body, "A3f9K2xY").Opening;
        Assert.Multiple(() =>
        {
            Assert.That(replay.Action, Is.EqualTo(ExchangeAction.SendWhole));
            Assert.That(replay.Status, Is.EqualTo(200));
            Assert.That(Utf8.Text(replay.Body!.AsSpan()), Is.EqualTo(sent));
        });
    }

    [Test]
    public void SameIdWhileInFlight_409WithRetryAfter()
    {
        var first = Begin(Body, "A3f9K2xY");
        first.Queued();
        using var again = Begin(Body, "A3f9K2xY").Opening;
        Assert.Multiple(() =>
        {
            Assert.That(again.Action, Is.EqualTo(ExchangeAction.SendWhole));
            Assert.That(again.Status, Is.EqualTo(409));
            Assert.That(again.Headers, Does.Contain("Retry-After"));
        });
    }

    [Test]
    public void SameIdOtherBody_422()
    {
        Begin(Body, "A3f9K2xY").Queued();
        using var other = Begin("{\"prompt\":\"a dog\"}", "A3f9K2xY").Opening;
        Assert.That((other.Action, other.Status), Is.EqualTo((ExchangeAction.SendWhole, 422)));
    }

    [Test]
    public void NotAJsonObject_PassThroughWithoutAJob()
    {
        var exchange = Begin("[1]", null);
        Assert.Multiple(() =>
        {
            Assert.That(exchange.Opening.Action, Is.EqualTo(ExchangeAction.PassThrough));
            Assert.That(exchange.JobId, Is.Empty);
            Assert.That(exchange.AppBody(0, 0, more: false).Action, Is.EqualTo(ExchangeAction.Nothing));
        });
    }

    [Test]
    public void Tracked_CallAppWithTheTaskIdInTheBody()
    {
        var exchange = Begin(Body, null);
        Assert.Multiple(() =>
        {
            Assert.That(exchange.Opening.Action, Is.EqualTo(ExchangeAction.CallApp));
            Assert.That(JobId.IsWellFormed(exchange.JobId), Is.True);
            Assert.That(Utf8.Text(exchange.Opening.Body!.AsSpan()), Does.EndWith($",\"force_task_id\":\"{exchange.JobId}\"}}"));
        });
    }

    private Exchange Begin(string body, string? jobId)
    {
        var bytes = Utf8.Bytes(body);
        fixed (byte* address = bytes)
        {
            return _bridge.BeginRequest("txt2img", (long)address, bytes.Length, Client, jobId is null ? [] : ["x-job-id", jobId]);
        }
    }

    private static ExchangeStep Answer(Exchange exchange, string body)
    {
        exchange.AppHead(200, ["content-type", "application/json"]).Dispose();
        var bytes = Utf8.Bytes(body);
        fixed (byte* address = bytes)
        {
            return exchange.AppBody((long)address, bytes.Length, more: false);
        }
    }
}
