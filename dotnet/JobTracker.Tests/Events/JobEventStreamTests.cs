using System.Buffers;
using System.Text;
using JobTracker.Events;
using JobTracker.Interop;
using JobTracker.Recovery;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Events;

public class JobEventStreamTests : TrackingHarnessTestBase
{
    private static readonly LiveState Unread = LiveState.Unknown;

    [Test]
    public void Next_QueuedThenProgressThenCompleted_InOrderWithRisingKeys()
    {
        var id = _harness.Queue();
        using var stream = Open(id);

        var first = Next(stream, Waiting(2));
        Assert.That(first[0].Retry, Is.EqualTo("2000"));
        var queued = first[1];
        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Count.EqualTo(2));
            Assert.That((queued.Event, queued.Id), Is.EqualTo(("queued", "q3")));
            Assert.That(queued.Json.GetProperty("queue_position").GetInt32(), Is.EqualTo(3));
            Assert.That(queued.Json.GetProperty("status").GetString(), Is.EqualTo("Pending"));
            Assert.That(queued.Json.GetProperty("id").GetString(), Is.EqualTo(id));
        });
        Assert.That(Next(stream, Waiting(2)), Is.Empty, "no news, no event");
        Assert.That(Next(stream, Waiting(0)).Single().Id, Is.EqualTo("q1"));

        _harness.Service.Requests.OnStarted(id);
        var progress = Next(stream, Running(5, 20)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(progress.Event, Is.EqualTo("progress"));
            Assert.That(progress.Id, Is.EqualTo("p2600"));
            Assert.That(progress.Json.GetProperty("progress").GetDouble(), Is.EqualTo(0.26));
            Assert.That(progress.Json.GetProperty("step").GetInt32(), Is.EqualTo(5));
            Assert.That(progress.Json.GetProperty("steps").GetInt32(), Is.EqualTo(20));
            Assert.That(progress.Json.GetProperty("eta_seconds").GetDouble(), Is.GreaterThan(0));
            Assert.That(progress.Json.GetProperty("status").GetString(), Is.EqualTo("Processing"));
        });

        _harness.Finish(id, 200, A1111Responses.Success(A1111Responses.DefaultInfo, [TestImages.Png()]));
        var output = new ArrayBufferWriter<byte>();
        Assert.That(stream.Next(Unread, output), Is.True, "the final event ends the stream");
        var final = SseText.Parse(output).Single();
        Assert.Multiple(() =>
        {
            Assert.That((final.Event, final.Id), Is.EqualTo(("completed", "f")));
            Assert.That(final.Data, Is.EqualTo(JobAsGetShowsIt(id)));
            Assert.That(final.Json.TryGetProperty("images", out _), Is.False);
            Assert.That(final.Json.GetProperty("image_urls").GetArrayLength(), Is.EqualTo(1));
            Assert.That(stream.Ended, Is.True);
        });
        Assert.That(Next(stream, Unread), Is.Empty, "nothing after the end");
    }

    [Test]
    public void Next_ProgressRisingFasterThanTheLimit_AtMostFourEventsASecond()
    {
        var id = _harness.Queue();
        _harness.Service.Requests.OnStarted(id);
        using var stream = Open(id);
        var sent = new List<SseText>();
        for (var step = 1; step <= 40; step++)
        {
            sent.AddRange(Next(stream, Running(step, 40)).Where(e => e.Event == "progress"));
            _harness.Time.Advance(TimeSpan.FromMilliseconds(50));
        }

        // 40 polls over 2 s: a progress event at most every 250 ms.
        Assert.That(sent, Has.Count.EqualTo(8));
        var ranks = sent.Select(e => int.Parse(e.Id![1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(ranks, Is.Ordered.Ascending);
        Assert.That(ranks.Distinct().Count(), Is.EqualTo(ranks.Count));
    }

    [Test]
    public void Next_ProgressGoingDown_NoEvent()
    {
        var id = _harness.Queue();
        _harness.Service.Requests.OnStarted(id);
        using var stream = Open(id);
        Assert.That(Next(stream, Running(10, 20)).Last().Event, Is.EqualTo("progress"));
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(Next(stream, Unread), Is.Empty, "A1111 cleared its state: progress 0 is not news");
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(Next(stream, Running(11, 20)).Single().Id, Is.EqualTo("p5600"));
    }

    [Test]
    public void Next_SilentForTheKeepAliveInterval_HeartbeatComment()
    {
        var id = _harness.Queue();
        using var stream = Open(id);
        Next(stream, Waiting(0));
        _harness.Time.Advance(TimeSpan.FromSeconds(14.9));
        Assert.That(Next(stream, Waiting(0)), Is.Empty);
        _harness.Time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.That(Next(stream, Waiting(0)).Single().Comment, Is.EqualTo("keep-alive"));
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(Next(stream, Waiting(0)), Is.Empty, "the interval counts from the last write");
    }

    [Test]
    public void Next_KeepAliveOff_NoHeartbeat()
    {
        using var harness = new TrackerHarness(null, ("TRACKER_KEEPALIVE_SECONDS", "0"));
        harness.WriteConfig(true, 0);
        var id = harness.Queue();
        using var stream = Open(harness, id);
        Next(stream, Waiting(0));
        harness.Time.Advance(TimeSpan.FromHours(1));
        Assert.That(Next(stream, Waiting(0)), Is.Empty);
    }

    [Test]
    public void Next_FinishedJob_FinalEventAtOnce()
    {
        var id = _harness.Complete();
        using var stream = Open(id);
        var output = new ArrayBufferWriter<byte>();
        Assert.That(stream.Next(Unread, output), Is.True);
        var events = SseText.Parse(output);
        Assert.That(events.Select(e => e.Event), Is.EqualTo(new string?[] { null, "completed" }));
        Assert.That(events[1].Data, Is.EqualTo(JobAsGetShowsIt(id)));
    }

    [Test]
    public void Next_FailedJob_FailedEventWithTheError()
    {
        var id = _harness.Queue();
        _harness.Finish(id, 500, "{\"error\":\"RuntimeError\",\"detail\":\"out of memory\",\"body\":\"\",\"errors\":\"\"}");
        using var stream = Open(id);
        var final = Next(stream, Unread).Last();
        Assert.That(final.Event, Is.EqualTo("failed"));
        Assert.That(final.Json.GetProperty("status").GetString(), Is.EqualTo("Failed"));
        Assert.That(final.Data, Is.EqualTo(JobAsGetShowsIt(id)));
    }

    [Test]
    public void Next_JobPurgedWhileFollowed_FailedNotFoundAndEnds()
    {
        using var harness = TrackerHarness.Tracking(retentionDays: 1);
        var id = harness.Complete();
        using var stream = Open(harness, id);
        harness.Time.Advance(TimeSpan.FromDays(2));  // the 6-hourly purge runs on the way
        harness.Service.PurgeNow();
        Assert.That(harness.Service.Store.Find(id), Is.Null);
        var output = new ArrayBufferWriter<byte>();
        Assert.That(stream.Next(Unread, output), Is.True);
        var final = SseText.Parse(output).Last();
        Assert.Multiple(() =>
        {
            Assert.That((final.Event, final.Id), Is.EqualTo(("failed", "f")));
            Assert.That(final.Json.GetProperty("error").GetString(), Is.EqualTo("NotFound"));
            Assert.That(final.Json.GetProperty("detail").GetString(), Is.EqualTo($"job {id} is no longer stored"));
        });
    }

    [Test]
    public void Next_ResumedAfterQueuedEvent_RepeatsNothing()
    {
        var id = _harness.Queue();
        using var stream = Open(id, "last-event-id: q2");
        Assert.That(Next(stream, Waiting(1)).Where(e => e.Event is not null), Is.Empty, "q2 was seen");
        Assert.That(Next(stream, Waiting(0)).Single().Id, Is.EqualTo("q1"));
    }

    [Test]
    public void Next_ResumedAfterProgress_OnlyHigherProgress()
    {
        var id = _harness.Queue();
        _harness.Service.Requests.OnStarted(id);
        using var stream = Open(id, "last-event-id: p5100");
        Assert.That(Next(stream, Running(10, 20)).Where(e => e.Event is not null), Is.Empty);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(Next(stream, Running(11, 20)).Single().Id, Is.EqualTo("p5600"));
    }

    [Test]
    public void Next_ResumedWithAnIdOfNoFormat_StartsAfresh()
    {
        var id = _harness.Queue();
        using var stream = Open(id, "last-event-id: 42");
        Assert.That(Next(stream, Waiting(0)).Last().Id, Is.EqualTo("q1"));
    }

    [Test]
    public void Open_FinishedJobResumedAfterTheFinalEvent_204()
    {
        var id = _harness.Complete();
        var (status, _, stream) = OpenHead(_harness, id, "last-event-id: f");
        Assert.That(status, Is.EqualTo(204));
        Assert.That(stream, Is.Null);
        Assert.That(_harness.Service.Events.OpenCount, Is.Zero);
    }

    [Test]
    public void Open_RunningJobWithTheFinalId_StartsAfresh()
    {
        var id = _harness.Queue();
        using var stream = Open(id, "last-event-id: f");
        Assert.That(Next(stream, Waiting(0)).Last().Id, Is.EqualTo("q1"));
    }

    [Test]
    public void Open_Stream_HeadIsAnEventStreamAndCounted()
    {
        var id = _harness.Queue();
        var (status, headers, stream) = OpenHead(_harness, id, string.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(ReplyHeaderValues.Find(headers, "Content-Type"), Does.StartWith("text/event-stream"));
            Assert.That(ReplyHeaderValues.Find(headers, "Cache-Control"), Is.EqualTo("no-cache"));
            Assert.That(_harness.Service.Events.OpenCount, Is.EqualTo(1));
        });
        stream!.Dispose();
        stream.Dispose();
        Assert.That(_harness.Service.Events.OpenCount, Is.Zero, "closed once, however often disposed");
    }

    [Test]
    public void Open_UnknownJob_404NoStream()
    {
        var (status, _, stream) = OpenHead(_harness, "ZZZZZZZZ", string.Empty);
        Assert.That(status, Is.EqualTo(404));
        Assert.That(stream, Is.Null);
    }

    [Test]
    public void Open_AnotherUsersJobOrNoCredentials_404Or401()
    {
        using var harness = new TrackerHarness(null) { ApiAuth = "alice:pw,bob:pw2" };
        harness.WriteConfig(true, 0);
        var alices = harness.Complete(headers: Basic("alice:pw"));
        Assert.Multiple(() =>
        {
            Assert.That(OpenHead(harness, alices, Basic("bob:pw2")).Status, Is.EqualTo(404));
            Assert.That(OpenHead(harness, alices, string.Empty).Status, Is.EqualTo(401));
            Assert.That(OpenHead(harness, alices, Basic("alice:wrong")).Status, Is.EqualTo(401));
            Assert.That(OpenHead(harness, alices, Basic("alice:pw")).Status, Is.EqualTo(200));
        });
    }

    private JobEventStream Open(string id, string headers = "") => Open(_harness, id, headers);

    private static JobEventStream Open(TrackerHarness harness, string id, string headers = "")
    {
        var (status, _, stream) = OpenHead(harness, id, headers);
        Assert.That(status, Is.EqualTo(200));
        return stream!;
    }

    private static (int Status, string[] Headers, JobEventStream? Stream) OpenHead(TrackerHarness harness, string id, string headers)
    {
        var head = harness.Service.Events.Open(id, TestHeaders.Parse(headers), new ArrayBufferWriter<byte>(), out var stream);
        return (head.Status, head.Headers, stream);
    }

    private static List<SseText> Next(JobEventStream stream, LiveState live)
    {
        var output = new ArrayBufferWriter<byte>();
        stream.Next(live, output);
        return SseText.Parse(output);
    }

    private string JobAsGetShowsIt(string id)
    {
        var body = new ArrayBufferWriter<byte>();
        _harness.Service.Handlers.GetJob(id, "images=false", null, Unread, body);
        return Encoding.UTF8.GetString(body.WrittenSpan);
    }

    private static LiveState Waiting(int queueIndex) => LiveState.Unknown with { QueueIndex = queueIndex };

    private LiveState Running(int step, int steps) => new(-1, true, 1, 0, step, steps, _harness.Time.UnixNow() - 2);

    private static string Basic(string userPass) => "authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userPass));
}
