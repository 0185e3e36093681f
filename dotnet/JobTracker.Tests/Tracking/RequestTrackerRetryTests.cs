using System.Buffers;
using JobTracker.Http;
using JobTracker.Images;
using JobTracker.Storage;
using JobTracker.Tests.Support;
using JobTracker.Tracking;

namespace JobTracker.Tests.Tracking;

/// <summary>Client-chosen IDs (<c>X-Job-ID</c>), replays of finished jobs, <c>Prefer: respond-async</c> and keep-alive.</summary>
public class RequestTrackerRetryTests : TrackingHarnessTestBase
{
    private const string Body = "{\"prompt\":\"a cat\",\"steps\":20}";
    private const string Id = "Client01";
    private const string WithId = "x-job-id: " + Id;

    [Test]
    public void Begin_FreeClientId_TrackedWithThatId()
    {
        var (outcome, body) = _harness.Begin(Body, headers: WithId);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Action, Is.EqualTo(BeginAction.Track));
            Assert.That(outcome.JobId, Is.EqualTo(Id));
            Assert.That(body, Does.Contain($"\"force_task_id\":\"{Id}\""));
        });
        Assert.That(_harness.Service.Requests.OnQueued(Id), Is.True);
        Assert.That(_harness.Job(Id).RequestSha256, Has.Length.EqualTo(64));
    }

    [TestCase("short")]
    [TestCase("toolong12")]
    [TestCase("with-dsh")]
    [TestCase("")]
    [TestCase("Abcdefg\u00e9")]
    public void Begin_MalformedClientId_400AndNothingReserved(string id)
    {
        var (outcome, body) = _harness.Begin(Body, headers: "x-job-id: " + id);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Action, Is.EqualTo(BeginAction.Reply));
            Assert.That(outcome.Reply.Status, Is.EqualTo(400));
            Assert.That(Utf8.Json(body).GetProperty("error").GetString(), Is.EqualTo("BadRequest"));
            Assert.That(_harness.Service.Requests.ReservedCount, Is.Zero);
        });
    }

    [Test]
    public void Begin_SameRequestReservedOrQueued_409WithRetryAfter()
    {
        _harness.Begin(Body, headers: WithId);
        var whileReserved = _harness.Begin(Body, headers: WithId).Outcome;
        _harness.Service.Requests.OnQueued(Id);
        var whilePending = _harness.Begin(Body, headers: WithId).Outcome;
        _harness.Service.Requests.OnStarted(Id);
        var (whileProcessing, body) = _harness.Begin(Body, headers: WithId);
        Assert.Multiple(() =>
        {
            foreach (var outcome in new[] { whileReserved, whilePending, whileProcessing })
            {
                Assert.That(outcome.Action, Is.EqualTo(BeginAction.Reply));
                Assert.That(outcome.Reply.Status, Is.EqualTo(409));
                Assert.That(ReplyHeaderValues.Find(outcome.Reply.Headers, "retry-after"), Is.EqualTo("2"));
                Assert.That(ReplyHeaderValues.Find(outcome.Reply.Headers, "x-job-id"), Is.EqualTo(Id));
            }

            Assert.That(Utf8.Json(body).GetProperty("detail").GetString(), Does.Contain("Processing"));
        });
    }

    [Test]
    public void Begin_DifferentRequestSameId_422()
    {
        _harness.Begin(Body, headers: WithId);
        var whileReserved = _harness.Begin("{\"prompt\":\"a dog\"}", headers: WithId).Outcome;
        _harness.Service.Requests.OnQueued(Id);
        var (stored, body) = _harness.Begin(Body.Replace(":20", ": 20", StringComparison.Ordinal), headers: WithId);
        Assert.Multiple(() =>
        {
            Assert.That(whileReserved.Reply.Status, Is.EqualTo(422));
            Assert.That(stored.Reply.Status, Is.EqualTo(422));
            Assert.That(Utf8.Json(body).GetProperty("error").GetString(), Is.EqualTo("IdempotencyKeyMismatch"));
        });
    }

    [Test]
    public void Begin_IdOfAServerChosenJobOfAnotherRequest_422()
    {
        var id = _harness.Queue("{\"prompt\":\"a dog\"}");
        Assert.That(_harness.Begin(Body, headers: "x-job-id: " + id).Outcome.Reply.Status, Is.EqualTo(422));
    }

    [Test]
    public void Begin_Finished_ReplaysTheFirstAnswerByteForByte_WithCanonicalBase64()
    {
        // A1111's JSONResponse: separators (",", ":"), '+' and '/' unescaped.
        var images = new[] { TestImages.Png(7), TestImages.Jpeg(8) };
        var a1111 = "{\"images\":[" + string.Join(",", images.Select(i => "\"" + Convert.ToBase64String(i) + "\"")) +
                    "],\"parameters\":{\"prompt\":\"a cat\"},\"info\":\"{\\\"seed\\\": 42}\"}";
        var first = FinishWithId(a1111);

        var (outcome, replay) = _harness.Begin(Body, headers: WithId);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Action, Is.EqualTo(BeginAction.Reply));
            Assert.That(outcome.Reply.Status, Is.EqualTo(200));
            Assert.That(ReplyHeaderValues.Find(outcome.Reply.Headers, "x-job-id"), Is.EqualTo(Id));
            Assert.That(replay, Is.EqualTo(first));
            Assert.That(File.ReadAllText(ReplyFile()), Does.Contain("\"images\":[]"), "the images live in their own files only");
        });
    }

    [Test]
    public void Begin_Finished_ReplaysAnEscapedBodyWhole()
    {
        var first = FinishWithId(A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png(), TestImages.Webp()));
        Assert.That(_harness.Begin(Body, headers: WithId).Body, Is.EqualTo(first));
    }

    [Test]
    public void Begin_Failed_ReplaysTheFailureWithA1111sStatus()
    {
        _harness.Begin(Body, headers: WithId);
        _harness.Service.Requests.OnQueued(Id);
        var first = _harness.Finish(Id, 500, A1111Responses.Error("RuntimeError", string.Empty, "boom"));
        var (outcome, replay) = _harness.Begin(Body, headers: WithId);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Reply.Status, Is.EqualTo(500));
            Assert.That(replay, Is.EqualTo(first));
        });
    }

    [Test]
    public void Begin_FinishedButReplyFileGone_JobObject()
    {
        FinishWithId(A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png()));
        File.Delete(ReplyFile());
        var (outcome, body) = _harness.Begin(Body, headers: WithId);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Reply.Status, Is.EqualTo(200));
            Assert.That(Utf8.Json(body).GetProperty("status").GetString(), Is.EqualTo("Completed"));
        });
    }

    [Test]
    public void Begin_ApiAuthRequiredAndMissing_PassthroughSoA1111Answers401()
    {
        _harness.ApiAuth = "me:secret";
        FinishWithId(A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png()), "\nauthorization: Basic bWU6c2VjcmV0");
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Begin(Body, headers: WithId).Outcome, Is.EqualTo(BeginOutcome.Passthrough));
            Assert.That(_harness.Begin(Body, headers: WithId + "\nauthorization: Basic bWU6d3Jvbmc=").Outcome, Is.EqualTo(BeginOutcome.Passthrough));
            Assert.That(_harness.Begin(Body, headers: WithId + "\nauthorization: Basic bWU6c2VjcmV0").Outcome.Reply.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public void Begin_SameIdFromAnotherIsolatedUser_MismatchNotReplay()
    {
        _harness.ApiAuth = "me:secret,you:other";
        FinishWithId(A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png()), "\nauthorization: Basic bWU6c2VjcmV0");
        var (outcome, body) = _harness.Begin(Body, headers: WithId + "\nauthorization: Basic eW91Om90aGVy");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Reply.Status, Is.EqualTo(422), "another user's job is never replayed to them");
            Assert.That(body, Does.Not.Contain("images"));
            Assert.That(_harness.Begin(Body, headers: WithId + "\nauthorization: Basic bWU6c2VjcmV0").Outcome.Reply.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public void Begin_AnotherUsersReservedOrPendingId_MismatchWhateverTheBody()
    {
        _harness.ApiAuth = "me:secret,you:other";
        const string Me = "\nauthorization: Basic bWU6c2VjcmV0", You = "\nauthorization: Basic eW91Om90aGVy";
        _harness.Begin(Body, headers: WithId + Me);
        var whileReserved = _harness.Begin(Body, headers: WithId + You).Outcome;
        var ownerWhileReserved = _harness.Begin(Body, headers: WithId + Me).Outcome;
        _harness.Service.Requests.OnQueued(Id);
        var whilePending = _harness.Begin(Body, headers: WithId + You).Outcome;
        Assert.Multiple(() =>
        {
            Assert.That(whileReserved.Reply.Status, Is.EqualTo(422), "her exact body is not confirmed to him");
            Assert.That(whilePending.Reply.Status, Is.EqualTo(422));
            Assert.That(ownerWhileReserved.Reply.Status, Is.EqualTo(409));
        });
    }

    [Test]
    public void Begin_PreferRespondAsyncAndKeepAlive_InThePlan()
    {
        var asked = _harness.Begin(Body, headers: "prefer: respond-async").Outcome;
        var plain = _harness.Begin(Body).Outcome;
        Assert.Multiple(() =>
        {
            Assert.That(asked.RespondAsync, Is.True);
            Assert.That(plain.RespondAsync, Is.False);
            Assert.That(plain.KeepAliveSeconds, Is.EqualTo(15));
        });
    }

    [Test]
    public void Purge_RemovesTheReplyFile()
    {
        FinishWithId(A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png()));
        _harness.Service.SetRetentionDays(0);
        _harness.Time.Advance(TimeSpan.FromDays(2));
        _harness.Service.SetRetentionDays(1);
        _harness.Service.PurgeNow();
        Assert.That(File.Exists(ReplyFile()), Is.False);
    }

    private string FinishWithId(string a1111Body, string extraHeaders = "")
    {
        var (outcome, _) = _harness.Begin(Body, headers: WithId + extraHeaders);
        Assert.That(outcome.Action, Is.EqualTo(BeginAction.Track));
        _harness.Service.Requests.OnQueued(Id);
        _harness.Service.Requests.OnStarted(Id);
        var first = _harness.Finish(Id, 200, a1111Body);
        Assert.That(_harness.Job(Id).Status, Is.EqualTo(JobStatus.Completed));
        return first;
    }

    private string ReplyFile() => Path.Combine(_harness.OutputDirectory, OutputFolder.ReplyFileName(Id));
}
