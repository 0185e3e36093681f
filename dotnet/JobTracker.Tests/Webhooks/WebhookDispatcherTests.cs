using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JobTracker.Http;
using JobTracker.Images;
using JobTracker.Recovery;
using JobTracker.Tests.Support;
using JobTracker.Tracking;
using JobTracker.Webhooks;

namespace JobTracker.Tests.Webhooks;

public sealed class WebhookDispatcherTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Url = "http://127.0.0.1:8000/done";
    private const string Hook = "x-webhook-url: " + Url;

    private TrackerHarness _harness = null!;
    private ScriptedWebhookReceiver _receiver = null!;

    [SetUp]
    public void StartHarness()
    {
        _harness = TrackerHarness.Tracking();
        _harness.Environment["TRACKER_WEBHOOK_ALLOW"] = "127.0.0.1";
        _harness.Environment["TRACKER_WEBHOOK_SECRET"] = Secret;
        _receiver = new ScriptedWebhookReceiver();
        _harness.WebhookTransport = _ => _receiver;
    }

    [TearDown]
    public void StopHarness()
    {
        _harness.Dispose();
        _receiver.Dispose();
    }

    [Test]
    public void CompletedJob_ReceiverGetsOneSignedPostOfTheJobObjectWithoutImages()
    {
        var id = _harness.Complete(headers: Hook);

        Assert.That(_receiver.Received, Has.Count.EqualTo(1));
        var received = _receiver.Received[0];
        var timestamp = received.Headers["webhook-timestamp"];
        Assert.Multiple(() =>
        {
            Assert.That(received.Url.AbsoluteUri, Is.EqualTo(Url));
            Assert.That(received.Headers["webhook-id"], Is.EqualTo("msg_" + id));
            Assert.That(timestamp, Is.EqualTo(_harness.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(received.Headers["webhook-signature"], Is.EqualTo(ExpectedSignature("msg_" + id, timestamp, received.Body)));
        });

        // The job object of GET ?images=false, without the webhook's own (changing) state.
        using var body = JsonDocument.Parse(received.Body);
        var root = body.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("Completed"));
            Assert.That(root.TryGetProperty("images", out _), Is.False);
            Assert.That(root.GetProperty("image_urls")[0].GetString(), Is.EqualTo($"/sdapi/v1/job/{id}/images/0"));
            Assert.That(root.GetProperty("progress").GetDouble(), Is.EqualTo(1));
            Assert.That(root.TryGetProperty("webhook", out _), Is.False);
        });
        Assert.That(received.BodyText, Is.EqualTo(JobObject(id, withoutWebhook: true)));

        var state = _harness.Service.Webhooks.Find(id)!;
        Assert.Multiple(() =>
        {
            Assert.That(state.Delivered, Is.True);
            Assert.That(state.Attempts, Is.EqualTo(1));
            Assert.That(state.LastStatus, Is.EqualTo(200));
            Assert.That(state.NextAttempt, Is.Null);
        });
    }

    [Test]
    public void FailedJob_DeliveredToo()
    {
        var id = _harness.Queue(headers: Hook);
        _harness.Finish(id, 500, "{\"error\":\"RuntimeError\",\"errors\":\"out of memory\"}");

        Assert.That(_receiver.Received, Has.Count.EqualTo(1));
        using var body = JsonDocument.Parse(_receiver.Received[0].Body);
        Assert.That(body.RootElement.GetProperty("status").GetString(), Is.EqualTo("Failed"));
    }

    [Test]
    public void AbandonedJob_DeliveredAsFailed()
    {
        var id = _harness.Queue(headers: Hook);
        _harness.Service.Requests.OnAbandoned(id);

        Assert.That(_receiver.Received, Has.Count.EqualTo(1));
        Assert.That(_receiver.Received[0].BodyText, Does.Contain(RequestTracker.AbandonedError));
    }

    [Test]
    public void RunningJob_NothingSentUntilItEnds()
    {
        var id = _harness.Queue(headers: Hook);
        _harness.Service.Requests.OnStarted(id);
        _harness.Time.Advance(TimeSpan.FromHours(1));

        Assert.That(_receiver.Received, Is.Empty);
        Assert.That(_harness.Service.Webhooks.Find(id)!.Attempts, Is.Zero);
    }

    [Test]
    public void Receiver500Then200_RetriedFiveSecondsLaterWithTheSameIdAndANewTimestamp()
    {
        _receiver.Answer(new WebhookResponse(500, null));
        var id = _harness.Complete(headers: Hook);
        var failed = _harness.Service.Webhooks.Find(id)!;
        Assert.Multiple(() =>
        {
            Assert.That(failed.Attempts, Is.EqualTo(1));
            Assert.That(failed.LastStatus, Is.EqualTo(500));
            Assert.That(failed.Delivered, Is.False);
            Assert.That(failed.NextAttempt, Is.EqualTo(_harness.Time.UnixNow() + 5));
        });

        _harness.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.That(_receiver.Received, Has.Count.EqualTo(1));

        _harness.Time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.That(_receiver.Received, Has.Count.EqualTo(2));
        var (first, second) = (_receiver.Received[0], _receiver.Received[1]);
        Assert.Multiple(() =>
        {
            Assert.That(second.Headers["webhook-id"], Is.EqualTo(first.Headers["webhook-id"]));
            Assert.That(long.Parse(second.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture)
                - long.Parse(first.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(5));
            Assert.That(second.Body, Is.EqualTo(first.Body));
            Assert.That(_harness.Service.Webhooks.Find(id)!.Delivered, Is.True);
            Assert.That(_harness.Service.Webhooks.Find(id)!.Attempts, Is.EqualTo(2));
        });
    }

    [Test]
    public void AlwaysFailing_FollowsTheScheduleThenGivesUpWithOneLogLine()
    {
        _receiver.Answer(Enumerable.Repeat<WebhookResponse?>(new WebhookResponse(null, "connection refused"), 10).ToArray());
        var id = _harness.Complete(headers: Hook);

        var attemptsAfterEachDelay = new List<int>();
        foreach (var delay in WebhookRetrySchedule.Default.Delays)
        {
            _harness.Time.Advance(delay - TimeSpan.FromMilliseconds(1));
            attemptsAfterEachDelay.Add(_receiver.Received.Count);
            _harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        _harness.Time.Advance(TimeSpan.FromDays(30));
        var state = _harness.Service.Webhooks.Find(id)!;
        Assert.Multiple(() =>
        {
            Assert.That(attemptsAfterEachDelay, Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }), "no attempt comes early");
            Assert.That(_receiver.Received, Has.Count.EqualTo(7));
            Assert.That(state.Attempts, Is.EqualTo(7));
            Assert.That(state.GaveUp, Is.True);
            Assert.That(state.LastStatus, Is.Null);
            Assert.That(state.LastError, Is.EqualTo("connection refused"));
            Assert.That(state.NextAttempt, Is.Null);
            Assert.That(_harness.Log.Count($"webhook for job {id}: gave up after 7 attempt(s)"), Is.EqualTo(1));
        });
    }

    [Test]
    public void Gone410_GivesUpAtOnce()
    {
        _receiver.Answer(new WebhookResponse(410, null));
        var id = _harness.Complete(headers: Hook);
        _harness.Time.Advance(TimeSpan.FromDays(1));

        Assert.That(_receiver.Received, Has.Count.EqualTo(1));
        Assert.That(_harness.Service.Webhooks.Find(id)!.GaveUp, Is.True);
    }

    [Test]
    public void SilentReceiver_AttemptTimesOutAfter15SecondsAndIsRetried()
    {
        _receiver.Answer([null]);
        var id = _harness.Complete(headers: Hook);
        Assert.That(_harness.Service.Webhooks.Find(id)!.Attempts, Is.Zero, "the attempt is still waiting");

        _harness.Time.Advance(TimeSpan.FromSeconds(15));
        WaitUntil(() => _harness.Service.Webhooks.Find(id)!.Attempts == 1);
        Assert.That(_harness.Service.Webhooks.Find(id)!.LastError, Is.EqualTo("no answer within 15 s"));

        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        WaitUntil(() => _harness.Service.Webhooks.Find(id)!.Delivered);
        Assert.That(_receiver.Received, Has.Count.EqualTo(2));
    }

    [Test]
    public void Restart_PendingDeliveryFromTheJournalIsMadeAtOnce()
    {
        _receiver.Answer(new WebhookResponse(503, null));
        var id = _harness.Complete(headers: Hook);
        Assert.That(_harness.Service.Webhooks.Find(id)!.Attempts, Is.EqualTo(1));

        _harness.Restart();

        Assert.That(_receiver.Received, Has.Count.EqualTo(2), "made at start-up, without waiting for the 5 s");
        var state = _harness.Service.Webhooks.Find(id)!;
        Assert.Multiple(() =>
        {
            Assert.That(state.Delivered, Is.True);
            Assert.That(state.Attempts, Is.EqualTo(2));
            Assert.That(state.Url, Is.EqualTo(Url));
            Assert.That(_harness.Log.Count("resuming 1 webhook delivery"), Is.EqualTo(1));
        });

        _harness.Restart();
        Assert.That(_receiver.Received, Has.Count.EqualTo(2), "a delivered webhook is never sent again");
        Assert.That(_harness.Service.Webhooks.Find(id)!.Delivered, Is.True);
    }

    [Test]
    public void Restart_JobThatWasRunning_EndsFailedAndItsWebhookGoesOut()
    {
        var id = _harness.Queue(headers: Hook);
        _harness.Service.Requests.OnStarted(id);

        _harness.Restart();

        Assert.That(_receiver.Received, Has.Count.EqualTo(1));
        Assert.That(_receiver.Received[0].BodyText, Does.Contain("server restarted before the job finished"));
    }

    [Test]
    public void Restart_JournalWithATornLineAndADeletedJob_StillResumes()
    {
        _receiver.Answer(new WebhookResponse(500, null));
        var id = _harness.Complete(headers: Hook);
        var purged = _harness.Complete(headers: Hook);
        _harness.Service.Store.Remove(purged);
        _harness.Service.Dispose();
        File.AppendAllText(Path.Combine(_harness.DataDirectory, WebhookJournal.FileName), "{\"id\":\"torn");

        _harness.Restart();

        Assert.That(_harness.Service.Webhooks.Find(id)!.Delivered, Is.True);
        Assert.That(_harness.Service.Webhooks.Find(purged), Is.Null);
        Assert.That(File.ReadAllLines(Path.Combine(_harness.DataDirectory, WebhookJournal.FileName)), Has.Length.EqualTo(2));
    }

    [Test]
    public void JobObject_ShowsTheWebhookStateOnlyForJobsThatAskedForOne()
    {
        var with = _harness.Complete(headers: Hook);
        var without = _harness.Complete();

        using var shown = JsonDocument.Parse(JobObject(with));
        var webhook = shown.RootElement.GetProperty("webhook");
        Assert.Multiple(() =>
        {
            Assert.That(webhook.GetProperty("url").GetString(), Is.EqualTo(Url));
            Assert.That(webhook.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That(webhook.GetProperty("last_status").GetInt32(), Is.EqualTo(200));
            Assert.That(webhook.GetProperty("delivered").GetBoolean(), Is.True);
            Assert.That(JobObject(without), Does.Not.Contain("webhook"));
        });
    }

    [Test]
    public void Begin_WebhooksOff_400AndNothingReserved()
    {
        _harness.Environment.Remove("TRACKER_WEBHOOK_SECRET");
        var (outcome, body) = _harness.Begin("{\"prompt\":\"a cat\"}", headers: Hook);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Action, Is.EqualTo(BeginAction.Reply));
            Assert.That(outcome.Reply.Status, Is.EqualTo(400));
            Assert.That(body, Does.Contain("\"BadRequest\"").And.Contain("sends no webhooks"));
            Assert.That(_harness.Service.Requests.ReservedCount, Is.Zero);
            Assert.That(_harness.Log.Count("webhooks stay off"), Is.EqualTo(1));
        });
    }

    [TestCase("http://10.0.0.1/x", "not one this server may send webhooks to")]
    [TestCase("http://me:pw@127.0.0.1/x", "credentials")]
    [TestCase("ftp://127.0.0.1/x", "http or https")]
    [TestCase("127.0.0.1/x", "not an absolute URL")]
    public void Begin_UrlNotAcceptable_400AndNothingReserved(string url, string reason)
    {
        var (outcome, body) = _harness.Begin("{\"prompt\":\"a cat\"}", headers: "x-webhook-url: " + url);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Reply.Status, Is.EqualTo(400));
            Assert.That(body, Does.Contain(reason));
            Assert.That(_harness.Service.Requests.ReservedCount, Is.Zero);
            Assert.That(_harness.Service.Store.Count, Is.Zero);
        });
    }

    [Test]
    public void Begin_WrongCredentials_PassthroughSoA1111Answers401First()
    {
        _harness.ApiAuth = "me:secret";
        var (outcome, _) = _harness.Begin("{\"prompt\":\"a cat\"}", headers: "x-webhook-url: http://10.0.0.1/x\nauthorization: Basic bWU6d3Jvbmc=");

        Assert.That(outcome, Is.EqualTo(BeginOutcome.Passthrough));
    }

    [Test]
    public void RefusedOrAbandonedBeforeQueueing_TheWebhookIsDropped()
    {
        var (refused, _) = _harness.Begin("{\"prompt\":\"a cat\"}", headers: Hook);
        var (abandoned, _) = _harness.Begin("{\"prompt\":\"a dog\"}", headers: Hook);
        Assert.That(_harness.Service.Webhooks.Find(refused.JobId), Is.Not.Null);

        _harness.Service.Requests.OnFinished(refused.JobId, 422, Encoding.UTF8.GetBytes("{\"detail\":\"bad\"}"), new ArrayBufferWriter<byte>());
        _harness.Service.Requests.OnAbandoned(abandoned.JobId);

        Assert.That(_harness.Service.Webhooks.Find(refused.JobId), Is.Null);
        Assert.That(_harness.Service.Webhooks.Find(abandoned.JobId), Is.Null);
        Assert.That(_receiver.Received, Is.Empty);
    }

    private static string ExpectedSignature(string id, string timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the condition never came true");
            Thread.Sleep(10);
        }
    }

    private string JobObject(string id, bool withoutWebhook = false)
    {
        var body = new ArrayBufferWriter<byte>();
        var head = _harness.Service.Handlers.GetJob(id, "images=false", RequestHeaders.None, null, body);
        Assert.That(head.Status, Is.EqualTo(200));
        var text = Encoding.UTF8.GetString(body.WrittenSpan);
        if (!withoutWebhook)
        {
            return text;
        }

        // The handler without live state leaves out the live fields; a delivery has them, as GET through the WebUI does.
        var job = _harness.Job(id);
        var expected = new ArrayBufferWriter<byte>();
        new JobDetailsWriter(new OutputFolder(_harness.OutputDirectory), _harness.DataDirectory, _harness.Log)
            .Write(job, false, JobProgress.Of(job, null, _harness.Time.UnixNow()), expected);
        return Encoding.UTF8.GetString(expected.WrittenSpan);
    }
}
