using JobTracker.Exchanges;
using JobTracker.Interop;
using JobTracker.Storage;
using JobTracker.Tests.Support;
using JobTracker.Tracking;

namespace JobTracker.Tests.Exchanges;

/// <summary>Every path of a tracked request the end-to-end tests cover, driven event by event with a fake clock.</summary>
public class TrackedExchangeTests : TrackingHarnessTestBase
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(5);
    private static readonly string[] A1111Head = ["content-type", "application/json", "content-length", "999"];

    [Test]
    public void Sync_HeadAtAdmissionThenTheBodyWithJobId_Completed()
    {
        var exchange = Open();
        exchange.Queued();
        using var head = exchange.Admitted(LiveState.Unknown);
        exchange.Started();
        Assert.That(exchange.AppHead(200, A1111Head).Action, Is.EqualTo(ExchangeAction.Nothing));
        using var last = Answer(exchange, 200, Success());
        Assert.Multiple(() =>
        {
            Assert.That(head.Action, Is.EqualTo(ExchangeAction.SendHead));
            Assert.That(head.Status, Is.EqualTo(200));
            Assert.That(head.Headers, Is.EqualTo(new[] { "content-type", "application/json", "x-job-id", exchange.JobId }));
            Assert.That(head.NextTickSeconds, Is.Zero, "no keep-alive unless configured");
            Assert.That(last.Action, Is.EqualTo(ExchangeAction.SendBody));
            Assert.That(last.More, Is.False);
            Assert.That(Utf8.Json(last.Body!.AsSpan()).GetProperty("job_id").GetString(), Is.EqualTo(exchange.JobId));
            Assert.That(exchange.State, Is.EqualTo(ExchangeState.Finished));
            Assert.That(Job(exchange).Status, Is.EqualTo(JobStatus.Completed));
        });
        exchange.End();
        Assert.That(Job(exchange).Status, Is.EqualTo(JobStatus.Completed), "the end changes nothing once recorded");
    }

    [Test]
    public void Async_202AtAdmissionThenTheAnswerOnlyRecorded()
    {
        var exchange = Open(respondAsync: true);
        exchange.Queued();
        using var accepted = exchange.Admitted(new LiveState(0, false, 1, 0, 0, 0, null));
        using var last = Answer(exchange, 200, Success());
        Assert.Multiple(() =>
        {
            Assert.That(accepted.Action, Is.EqualTo(ExchangeAction.SendWhole));
            Assert.That(accepted.Status, Is.EqualTo(202));
            Assert.That(Header(accepted, "Location"), Is.EqualTo("/sdapi/v1/job/" + exchange.JobId));
            Assert.That(Header(accepted, "content-length"), Is.EqualTo(accepted.Body!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Utf8.Json(accepted.Body.AsSpan()).GetProperty("status").GetString(), Is.EqualTo("Pending"));
            Assert.That(last.Action, Is.EqualTo(ExchangeAction.Nothing));
            Assert.That(Job(exchange).Status, Is.EqualTo(JobStatus.Completed));
        });
    }

    [Test]
    public void Browser_NoEarlyHeadNo202_TheAnswerWholeWithA1111sHeaders()
    {
        var exchange = Open(earlyHead: false, respondAsync: true);
        exchange.Queued();
        using var admitted = exchange.Admitted(LiveState.Unknown);
        using var whole = Answer(exchange, 200, Success(), ["access-control-allow-origin", "*", .. A1111Head]);
        Assert.Multiple(() =>
        {
            Assert.That(admitted.Action, Is.EqualTo(ExchangeAction.Nothing));
            Assert.That(whole.Action, Is.EqualTo(ExchangeAction.SendWhole));
            Assert.That(whole.Status, Is.EqualTo(200));
            Assert.That(Header(whole, "access-control-allow-origin"), Is.EqualTo("*"));
            Assert.That(Header(whole, "x-job-id"), Is.EqualTo(exchange.JobId));
            Assert.That(Header(whole, "content-length"), Is.EqualTo(whole.Body!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Job(exchange).Status, Is.EqualTo(JobStatus.Completed));
        });
    }

    [Test]
    public void AppAnsweredBeforeTheAdmissionWasSeen_WholeAnswerAndNo202Afterwards()
    {
        // SD.Next reports no admission; A1111 may also finish before the event loop hears of it.
        var exchange = Open(respondAsync: true);
        exchange.AppHead(200, A1111Head);
        using var whole = Answer(exchange, 200, Success());
        using var late = exchange.Admitted(LiveState.Unknown);
        Assert.Multiple(() =>
        {
            Assert.That(whole.Action, Is.EqualTo(ExchangeAction.SendWhole));
            Assert.That(Header(whole, "x-job-id"), Is.EqualTo(exchange.JobId));
            Assert.That(late.Action, Is.EqualTo(ExchangeAction.Nothing), "never a 202 after the WebUI answered");
            Assert.That(Job(exchange).Status, Is.EqualTo(JobStatus.Completed));
        });
    }

    [Test]
    public void RefusedBeforeQueueing_A1111sAnswerUntouchedAndNoJob()
    {
        var exchange = Open();
        var refusal = "{\"detail\":\"Sampler not found\"}";
        exchange.AppHead(404, A1111Head);
        using var whole = Answer(exchange, 404, refusal);
        exchange.End();
        Assert.Multiple(() =>
        {
            Assert.That(whole.Action, Is.EqualTo(ExchangeAction.SendWhole));
            Assert.That(whole.Status, Is.EqualTo(404));
            Assert.That(Utf8.Text(whole.Body!.AsSpan()), Is.EqualTo(refusal));
            Assert.That(Header(whole, "x-job-id"), Is.Null);
            Assert.That(exchange.State, Is.EqualTo(ExchangeState.Abandoned));
            Assert.That(_harness.Service.Store.Find(exchange.JobId), Is.Null);
            Assert.That(_harness.Service.Requests.ReservedCount, Is.Zero);
        });
    }

    [Test]
    public void FailedAfterTheHead_A1111sErrorWithJobIdAndTheJobFailed()
    {
        var exchange = Open();
        exchange.Queued();
        exchange.Admitted(LiveState.Unknown).Dispose();
        exchange.AppHead(500, A1111Head);
        using var last = Answer(exchange, 500, "{\"error\":\"RuntimeError\",\"detail\":\"\",\"body\":\"\",\"errors\":\"out of memory\"}");
        Assert.Multiple(() =>
        {
            Assert.That(last.Action, Is.EqualTo(ExchangeAction.SendBody));
            Assert.That(Utf8.Json(last.Body!.AsSpan()).GetProperty("job_id").GetString(), Is.EqualTo(exchange.JobId));
            Assert.That(Job(exchange).Status, Is.EqualTo(JobStatus.Failed));
            Assert.That(Job(exchange).Error, Is.EqualTo("out of memory"));
        });
    }

    [Test]
    public void FailedBeforeTheHeadButAfterQueueing_WholeErrorWithJobId()
    {
        var exchange = Open();
        exchange.Queued();
        exchange.AppHead(500, A1111Head);
        using var whole = Answer(exchange, 500, "{\"error\":\"RuntimeError\",\"errors\":\"boom\"}");
        Assert.Multiple(() =>
        {
            Assert.That(whole.Action, Is.EqualTo(ExchangeAction.SendWhole));
            Assert.That(whole.Status, Is.EqualTo(500));
            Assert.That(Header(whole, "x-job-id"), Is.EqualTo(exchange.JobId));
            Assert.That(Job(exchange).Error, Is.EqualTo("boom"));
        });
    }

    [TestCase("a1111", "{\"error\":\"RuntimeError\",\"detail\":\"\",\"body\":\"\",\"errors\":\"CUDA \\\"oom\\\"\"}")]
    [TestCase("forge", "{\"error\":\"RuntimeError\",\"detail\":\"\",\"body\":\"\",\"message\":\"CUDA \\\"oom\\\"\"}")]
    public void RaisedAfterTheHead_EndsAsTheWebUIsHandlerWouldAnswer(string flavour, string expected)
    {
        var exchange = Open(flavour: WebUiFlavours.Parse(flavour));
        exchange.Queued();
        exchange.Admitted(LiveState.Unknown).Dispose();
        using var last = exchange.Raised("RuntimeError", "CUDA \"oom\"");
        var body = Utf8.Text(last.Body!.AsSpan());
        Assert.Multiple(() =>
        {
            Assert.That(last.Action, Is.EqualTo(ExchangeAction.SendBody));
            Assert.That(body, Is.EqualTo($"{{\"job_id\":\"{exchange.JobId}\",{expected[1..]}"));
            Assert.That(Job(exchange).Status, Is.EqualTo(JobStatus.Failed));
            Assert.That(Job(exchange).Error, Is.EqualTo("CUDA \"oom\""));
            Assert.That(_harness.Log.Count("the WebUI raised RuntimeError"), Is.EqualTo(1));
        });
    }

    [Test]
    public void RaisedBeforeAnyByteLeft_PassesThroughAndTheEndAbandons()
    {
        var exchange = Open();
        exchange.Queued();
        using var raised = exchange.Raised("RuntimeError", "boom");
        exchange.End();
        Assert.Multiple(() =>
        {
            Assert.That(raised.Action, Is.EqualTo(ExchangeAction.PassThrough));
            Assert.That(exchange.State, Is.EqualTo(ExchangeState.Abandoned));
            Assert.That(Job(exchange).Status, Is.EqualTo(JobStatus.Failed));
            Assert.That(Job(exchange).Error, Is.EqualTo(RequestTracker.AbandonedError));
        });
    }

    [Test]
    public void RaisedAfterThe202_OnlyRecorded()
    {
        var exchange = Open(respondAsync: true);
        exchange.Queued();
        exchange.Admitted(LiveState.Unknown).Dispose();
        using var raised = exchange.Raised("RuntimeError", "boom");
        Assert.Multiple(() =>
        {
            Assert.That(raised.Action, Is.EqualTo(ExchangeAction.Nothing));
            Assert.That(Job(exchange).Error, Is.EqualTo("boom"));
        });
    }

    [Test]
    public void RaisedAfterTheAnswer_PassesThrough()
    {
        var exchange = Open();
        exchange.Queued();
        exchange.Admitted(LiveState.Unknown).Dispose();
        Answer(exchange, 200, Success()).Dispose();
        Assert.That(exchange.Raised("RuntimeError", "late").Action, Is.EqualTo(ExchangeAction.PassThrough));
    }

    [Test]
    public void KeepAlive_ASpaceOncePerIdleInterval_UntilTheAnswer()
    {
        var exchange = Open(keepAlive: KeepAlive);
        exchange.Queued();
        using var head = exchange.Admitted(LiveState.Unknown);
        _harness.Time.Advance(TimeSpan.FromSeconds(2));
        using var early = exchange.Tick();
        _harness.Time.Advance(TimeSpan.FromSeconds(3));
        using var due = exchange.Tick();
        using var again = exchange.Tick();
        Answer(exchange, 200, Success()).Dispose();
        _harness.Time.Advance(KeepAlive);
        using var after = exchange.Tick();
        Assert.Multiple(() =>
        {
            Assert.That(head.NextTickSeconds, Is.EqualTo(5));
            Assert.That(early.Action, Is.EqualTo(ExchangeAction.Nothing));
            Assert.That(early.NextTickSeconds, Is.EqualTo(3), "a tick that comes early waits for the rest");
            Assert.That(due.Action, Is.EqualTo(ExchangeAction.SendKeepAlive));
            Assert.That(Utf8.Text(due.Body!.AsSpan()), Is.EqualTo(" "));
            Assert.That(due.More, Is.True);
            Assert.That(due.NextTickSeconds, Is.EqualTo(5));
            Assert.That(again.Action, Is.EqualTo(ExchangeAction.Nothing));
            Assert.That(after.Action, Is.EqualTo(ExchangeAction.Nothing));
            Assert.That(after.NextTickSeconds, Is.Zero, "no ticks once the body left");
        });
    }

    [Test]
    public void KeepAlive_NotFor202OrBrowsers()
    {
        var accepted = Open(respondAsync: true, keepAlive: KeepAlive);
        accepted.Queued();
        using var whole = accepted.Admitted(LiveState.Unknown);
        _harness.Time.Advance(KeepAlive);
        var browser = Open(earlyHead: false, keepAlive: KeepAlive);
        browser.Queued();
        browser.Admitted(LiveState.Unknown).Dispose();
        Assert.Multiple(() =>
        {
            Assert.That(whole.NextTickSeconds, Is.Zero);
            Assert.That(accepted.Tick().Action, Is.EqualTo(ExchangeAction.Nothing));
            Assert.That(browser.Tick().Action, Is.EqualTo(ExchangeAction.Nothing));
        });
    }

    [Test]
    public void ClientGone_NothingMoreSentButTheAnswerStillRecorded()
    {
        var exchange = Open(keepAlive: KeepAlive);
        exchange.Queued();
        exchange.Admitted(LiveState.Unknown).Dispose();
        exchange.ClientGone();
        _harness.Time.Advance(KeepAlive);
        using var tick = exchange.Tick();
        using var last = Answer(exchange, 200, Success());
        Assert.Multiple(() =>
        {
            Assert.That(tick.Action, Is.EqualTo(ExchangeAction.Nothing));
            Assert.That(tick.NextTickSeconds, Is.Zero);
            Assert.That(last.Action, Is.EqualTo(ExchangeAction.Nothing));
            Assert.That(Job(exchange).Status, Is.EqualTo(JobStatus.Completed));
        });
    }

    [Test]
    public void EndedWithoutAnAnswer_TheQueuedJobFails()
    {
        var exchange = Open();
        exchange.Queued();
        exchange.Admitted(LiveState.Unknown).Dispose();
        exchange.End();
        using var late = Answer(exchange, 200, Success());
        Assert.Multiple(() =>
        {
            Assert.That(exchange.State, Is.EqualTo(ExchangeState.Abandoned));
            Assert.That(Job(exchange).Error, Is.EqualTo(RequestTracker.AbandonedError));
            Assert.That(late.Action, Is.EqualTo(ExchangeAction.Nothing));
        });
    }

    [Test]
    public void EndedBeforeQueueing_TheReservationIsDropped()
    {
        var exchange = Open();
        exchange.End();
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Service.Requests.ReservedCount, Is.Zero);
            Assert.That(_harness.Service.Store.Find(exchange.JobId), Is.Null);
        });
    }

    [Test]
    public void AnswerInChunks_RecordedWhole()
    {
        var exchange = Open();
        exchange.Queued();
        exchange.Admitted(LiveState.Unknown).Dispose();
        var body = Utf8.Bytes(Success());
        var half = body.Length / 2;
        exchange.AppHead(200, A1111Head).Dispose();
        Assert.That(exchange.AppBody(body.AsSpan(0, half), more: true).Action, Is.EqualTo(ExchangeAction.Nothing));
        using var last = exchange.AppBody(body.AsSpan(half), more: false);
        _harness.Service.Flush(TimeSpan.FromSeconds(10));
        Assert.Multiple(() =>
        {
            Assert.That(last.Action, Is.EqualTo(ExchangeAction.SendBody));
            Assert.That(Job(exchange).Status, Is.EqualTo(JobStatus.Completed));
            Assert.That(Job(exchange).Images, Has.Count.EqualTo(1));
        });
    }

    private TrackedExchange Open(bool earlyHead = true, bool respondAsync = false, TimeSpan keepAlive = default, WebUiFlavour flavour = WebUiFlavour.A1111)
    {
        var (outcome, _) = _harness.Begin("{\"prompt\":\"a cat\"}");
        Assert.That(outcome.Action, Is.EqualTo(BeginAction.Track));
        var service = _harness.Service;
        return new TrackedExchange(outcome.JobId, service.Requests, service.Handlers,
            new ExchangeOptions(earlyHead, respondAsync, keepAlive, flavour), _harness.Time, _harness.Log);
    }

    private ExchangeStep Answer(TrackedExchange exchange, int status, string body, string[]? head = null)
    {
        exchange.AppHead(status, head ?? A1111Head).Dispose();
        var step = exchange.AppBody(Utf8.Bytes(body), more: false);
        _harness.Service.Flush(TimeSpan.FromSeconds(10));
        return step;
    }

    private JobRecord Job(TrackedExchange exchange) => _harness.Job(exchange.JobId);

    private static string Success() => A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png());

    private static string? Header(ExchangeStep step, string name)
    {
        for (var i = 0; i + 1 < step.Headers.Length; i += 2)
        {
            if (step.Headers[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return step.Headers[i + 1];
            }
        }

        return null;
    }
}
