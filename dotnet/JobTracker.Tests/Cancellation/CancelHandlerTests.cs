using System.Buffers;
using System.Text.Json;
using JobTracker.Cancellation;
using JobTracker.Http;
using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Cancellation;

public sealed class CancelHandlerTests
{
    private const string Alice = "authorization: Basic YWxpY2U6cHc="; // alice:pw
    private const string Bob = "authorization: Basic Ym9iOmJw"; // bob:bp

    private TrackerHarness _harness = null!;

    [SetUp]
    public void StartHarness()
    {
        _harness = new TrackerHarness { ApiAuth = "alice:pw,bob:bp" };
        _harness.WriteConfig(true, 0);
    }

    [TearDown]
    public void StopHarness() => _harness.Dispose();

    [Test]
    public void Begin_NoCredentialsOtherUserUnknownMalformed_401_404_404_404()
    {
        var id = _harness.Queue(headers: Alice);
        Assert.Multiple(() =>
        {
            Assert.That(Begin(id, string.Empty).Status, Is.EqualTo(401));
            Assert.That(Begin(id, "authorization: Basic YWxpY2U6d3Jvbmc=").Status, Is.EqualTo(401)); // alice:wrong
            Assert.That(Begin(id, Bob).Status, Is.EqualTo(404));
            Assert.That(Begin("ZZZZZZZZ", Alice).Status, Is.EqualTo(404));
            Assert.That(Begin("../x", Alice).Status, Is.EqualTo(404));
            Assert.That(_harness.Job(id).Status, Is.EqualTo(JobStatus.Pending));
        });
    }

    [Test]
    public void Begin_PendingProcessing_DequeueThenInterrupt()
    {
        var id = _harness.Queue(headers: Alice);
        Assert.That(Begin(id, Alice), Is.EqualTo((0, CancelAction.Dequeue, string.Empty)));
        _harness.Service.Requests.OnStarted(id);
        Assert.That(Begin(id, Alice), Is.EqualTo((0, CancelAction.Interrupt, string.Empty)));
    }

    [Test]
    public void Begin_Completed_409WithItsStatus()
    {
        var id = _harness.Complete(headers: Alice);
        var (status, action, body) = Begin(id, Alice);
        Assert.Multiple(() =>
        {
            Assert.That((status, action), Is.EqualTo((409, CancelAction.Refuse)));
            Assert.That(body, Is.EqualTo($"{{\"error\":\"Conflict\",\"detail\":\"Job {id} has already ended\",\"status\":\"Completed\",\"cancelled\":false}}"));
            Assert.That(_harness.Job(id).Status, Is.EqualTo(JobStatus.Completed));
        });
    }

    [Test]
    public void Finish_Dequeued_200AndTheJobEndsFailedCancelledAtOnce()
    {
        var id = _harness.Queue(headers: Alice);
        _harness.Time.Advance(TimeSpan.FromSeconds(3));
        var (status, body) = Finish(id, "Dequeued");

        var job = _harness.Job(id);
        using var json = JsonDocument.Parse(body);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That((job.Status, job.Error, job.Finished), Is.EqualTo((JobStatus.Failed, "cancelled", (double?)_harness.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0)));
            Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("Failed"));
            Assert.That(json.RootElement.GetProperty("cancelled").GetBoolean(), Is.True);
            Assert.That(json.RootElement.TryGetProperty("images", out _), Is.False);
        });

        // A1111's later refusal of that request (start_task raised) changes nothing.
        _harness.Finish(id, 409, A1111Responses.Error("HTTPException", $"job {id} was cancelled before it started", string.Empty));
        Assert.That((_harness.Job(id).Status, _harness.Job(id).Error), Is.EqualTo((JobStatus.Failed, "cancelled")));
    }

    [Test]
    public void Finish_Interrupted_202ThenA1111sPartialAnswerEndsItCancelledWithItsImages()
    {
        var id = _harness.Queue(headers: Alice);
        _harness.Service.Requests.OnStarted(id);
        var (status, body) = Finish(id, "Interrupted");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(202));
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("status").GetString(), Is.EqualTo("Processing"));
        });

        _harness.Finish(id, 200, A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png(), TestImages.Png()));

        var job = _harness.Job(id);
        Assert.Multiple(() =>
        {
            Assert.That((job.Status, job.Error), Is.EqualTo((JobStatus.Failed, "cancelled")));
            Assert.That(job.Images, Has.Count.EqualTo(2));
            Assert.That(job.Images.All(i => File.Exists(Path.Combine(_harness.OutputDirectory, i.File))), Is.True);
            Assert.That(Get(id), Does.Contain("\"error\":\"cancelled\",\"cancelled\":true"));
        });
    }

    [Test]
    public void Finish_InterruptedThenA1111Fails_EndsCancelledNotWithA1111sError()
    {
        var id = _harness.Queue(headers: Alice);
        _harness.Service.Requests.OnStarted(id);
        Finish(id, "Interrupted");
        _harness.Finish(id, 500, A1111Responses.Error("RuntimeError", string.Empty, "boom"));
        Assert.That((_harness.Job(id).Status, _harness.Job(id).Error), Is.EqualTo((JobStatus.Failed, "cancelled")));
    }

    [Test]
    public void Finish_NotRunning_409AndTheJobEndsAsA1111Answers()
    {
        var id = _harness.Queue(headers: Alice);
        _harness.Service.Requests.OnStarted(id);
        var (status, body) = Finish(id, "NotRunning");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(409));
            Assert.That(body, Does.Contain("\"status\":\"Processing\""));
        });

        _harness.Finish(id, 200, A1111Responses.Success());
        Assert.That((_harness.Job(id).Status, _harness.Job(id).Error), Is.EqualTo((JobStatus.Completed, (string?)null)));
    }

    [Test]
    public void Finish_InterruptedAfterA1111AlreadyAnswered_409AndNoMarkLeftBehind()
    {
        var id = _harness.Queue(headers: Alice);
        _harness.Service.Requests.OnStarted(id);
        _harness.Finish(id, 200, A1111Responses.Success());
        var (status, _) = Finish(id, "Interrupted");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(409));
            Assert.That(_harness.Job(id).Status, Is.EqualTo(JobStatus.Completed));
            Assert.That(_harness.Service.Requests.Cancels.TakeInterrupted(id), Is.False);
        });
    }

    [Test]
    public void Finish_Dequeued_TheJobsWebhookIsSentOnceWithTheCancelledJob()
    {
        using var receiver = new ScriptedWebhookReceiver();
        _harness.Environment["TRACKER_WEBHOOK_ALLOW"] = "127.0.0.1";
        _harness.Environment["TRACKER_WEBHOOK_SECRET"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        _harness.WebhookTransport = _ => receiver;
        var id = _harness.Queue(headers: Alice + "\nx-webhook-url: http://127.0.0.1:8000/done");

        Finish(id, "Dequeued");
        _harness.Finish(id, 409, A1111Responses.Error("HTTPException", "cancelled before it started", string.Empty));

        Assert.That(receiver.Received, Has.Count.EqualTo(1));
        using var body = JsonDocument.Parse(receiver.Received[0].Body);
        Assert.Multiple(() =>
        {
            Assert.That(body.RootElement.GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(body.RootElement.GetProperty("status").GetString(), Is.EqualTo("Failed"));
            Assert.That(body.RootElement.GetProperty("cancelled").GetBoolean(), Is.True);
        });
    }

    [TestCase("dequeued")]
    [TestCase("Refuse")]
    [TestCase("7")]
    [TestCase("")]
    public void Finish_NotAnOutcomeName_Throws(string outcome)
    {
        var id = _harness.Queue(headers: Alice);
        Assert.Throws<ArgumentException>(() => _harness.Service.Cancels.Finish(id, outcome, new ArrayBufferWriter<byte>()));
        Assert.That(_harness.Job(id).Status, Is.EqualTo(JobStatus.Pending));
    }

    [Test]
    public void BeginForTab_AnyUsersJob_NoCredentialsNeeded()
    {
        var id = _harness.Queue(headers: Bob);
        var body = new ArrayBufferWriter<byte>();
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Service.Cancels.BeginForTab(id, body, out var action), Is.Null);
            Assert.That(action, Is.EqualTo(CancelAction.Dequeue));
            Assert.That(_harness.Service.Cancels.BeginForTab("ZZZZZZZZ", body, out _)?.Status, Is.EqualTo(404));
        });
    }

    private (int Status, CancelAction Action, string Body) Begin(string id, string headers)
    {
        var body = new ArrayBufferWriter<byte>();
        var head = _harness.Service.Cancels.Begin(id, TestHeaders.Parse(headers), body, out var action);
        return (head?.Status ?? 0, action, Utf8.Text(body));
    }

    private (int Status, string Body) Finish(string id, string outcome)
    {
        var body = new ArrayBufferWriter<byte>();
        var head = _harness.Service.Cancels.Finish(id, outcome, body);
        return (head.Status, Utf8.Text(body));
    }

    private string Get(string id)
    {
        var body = new ArrayBufferWriter<byte>();
        Assert.That(_harness.Service.Handlers.GetJob(id, "images=false", TestHeaders.Parse(Alice), body).Status, Is.EqualTo(200));
        return Utf8.Text(body);
    }
}
