using JobTracker.Http;
using System.Buffers;
using JobTracker.Ids;
using JobTracker.Storage;
using JobTracker.Tests.Support;
using JobTracker.Tracking;

namespace JobTracker.Tests.Tracking;

public class RequestTrackerTests : TrackingHarnessTestBase
{
    [Test]
    public void Begin_TrackingOff_Passthrough()
    {
        using var harness = new TrackerHarness();
        var (outcome, body) = harness.Begin("{\"prompt\":\"x\"}");
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(BeginOutcome.Passthrough));
            Assert.That(body, Is.Empty);
            Assert.That(harness.Service.Requests.ReservedCount, Is.Zero);
        });
    }

    [TestCase("extra-single-image")]
    [TestCase("TXT2IMG")]
    [TestCase("")]
    public void Begin_OtherRoute_Passthrough(string route) =>
        Assert.That(_harness.Begin("{}", route).Outcome.Action, Is.EqualTo(BeginAction.Passthrough));

    [TestCase("")]
    [TestCase("[]")]
    [TestCase("{\"prompt\": ")]
    [TestCase("not json")]
    public void Begin_BodyNotAnObject_PassthroughAndNoJob(string body)
    {
        var (outcome, _) = _harness.Begin(body);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Action, Is.EqualTo(BeginAction.Passthrough));
            Assert.That(_harness.Service.Requests.ReservedCount, Is.Zero);
            Assert.That(_harness.Service.Store.Count, Is.Zero);
        });
    }

    [Test]
    public void Begin_Object_ReservesIdAndRewritesBodyButStoresNothingYet()
    {
        var (outcome, body) = _harness.Begin("{\"prompt\":\"a cat\",\"steps\":20}", "img2img");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Action, Is.EqualTo(BeginAction.Track));
            Assert.That(JobId.IsWellFormed(outcome.JobId), Is.True);
            Assert.That(body, Is.EqualTo($"{{\"prompt\":\"a cat\",\"steps\":20,\"force_task_id\":\"{outcome.JobId}\"}}"));
            Assert.That(_harness.Service.Requests.ReservedCount, Is.EqualTo(1));
            Assert.That(_harness.Service.Store.Count, Is.Zero);
            Assert.That(File.Exists(Path.Combine(_harness.DataDirectory, "jobs.journal")), Is.False);
        });
    }

    [Test]
    public void OnQueued_ReservedId_PersistsPendingJobAtOnce()
    {
        _harness.ApiAuth = "alice:secret";
        var (outcome, _) = _harness.Begin("{\"prompt\":\"a cat\",\"negative_prompt\":\"ugly\"}", "img2img", "192.168.1.7",
            "authorization: Basic " + Convert.ToBase64String("alice:secret"u8.ToArray()));
        Assert.That(_harness.Service.Requests.OnQueued(outcome.JobId), Is.True);
        var job = _harness.Job(outcome.JobId);
        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(JobStatus.Pending));
            Assert.That(job.Kind, Is.EqualTo("img2img"));
            Assert.That(job.Prompt, Is.EqualTo("a cat"));
            Assert.That(job.NegativePrompt, Is.EqualTo("ugly"));
            Assert.That(job.Ip, Is.EqualTo("192.168.1.7"));
            Assert.That(job.User, Is.EqualTo("alice"));
            Assert.That(job.Created, Is.EqualTo(_harness.Time.UnixNow()));
            Assert.That(job.Timestamp, Is.EqualTo(TestClock.Start.ToUnixTimeSeconds()));
            Assert.That(job.Started, Is.Null);
            Assert.That(_harness.Service.Requests.ReservedCount, Is.Zero);
            Assert.That(File.ReadAllText(Path.Combine(_harness.DataDirectory, "jobs.journal")), Does.Contain(outcome.JobId));
        });
    }

    [TestCase("", null)]
    [TestCase("authorization: Basic YWxpY2U6d3Jvbmc=", null)]
    [TestCase("authorization: Basic YWxpY2U6c2VjcmV0", "alice")]
    public void Begin_User_RecordedOnlyWhenVerified(string headers, string? expected)
    {
        _harness.ApiAuth = "alice:secret,bob:x";
        var id = _harness.Queue(headers: headers);
        Assert.That(_harness.Job(id).User, Is.EqualTo(expected));
    }

    [TestCase("127.0.0.1", "", "127.0.0.1")]
    [TestCase("192.0.2.50", "x-forwarded-for: 6.6.6.6", "192.0.2.50")]
    [TestCase("10.9.0.1", "x-forwarded-for: 6.6.6.6, 198.51.100.4", "198.51.100.4")]
    [TestCase("10.9.0.1", "forwarded: for=\"[2001:db8::4]:80\"", "2001:db8::4")]
    public void Begin_ClientIp_ForwardingBelievedOnlyFromTrustedProxies(string peer, string headers, string expected)
    {
        using var harness = new TrackerHarness(null, ("TRACKER_TRUSTED_PROXIES", "10.9.0.0/16"));
        harness.WriteConfig(true, 0);
        var id = harness.Queue(ip: peer, headers: headers);
        Assert.That(harness.Job(id).Ip, Is.EqualTo(expected));
    }

    [TestCase("task(txt2img-ABC1234)")]
    [TestCase("ZZZZZZZZ")]
    [TestCase("")]
    public void OnQueued_ForeignId_False(string id) => Assert.That(_harness.Service.Requests.OnQueued(id), Is.False);

    [Test]
    public void OnQueued_Twice_StillOurs()
    {
        var id = _harness.Queue();
        Assert.That(_harness.Service.Requests.OnQueued(id), Is.True);
    }

    [Test]
    public void OnStarted_PendingJob_ProcessingWithStartTime()
    {
        var id = _harness.Queue();
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        _harness.Service.Requests.OnStarted(id);
        var job = _harness.Job(id);
        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(JobStatus.Processing));
            Assert.That(job.Started, Is.EqualTo(job.Created + 5));
        });
    }

    [Test]
    public void OnFinished_Success_ImagesStoredByteForByteWithFormatExtensions()
    {
        var id = _harness.Queue();
        _harness.Service.Requests.OnStarted(id);
        _harness.Time.Advance(TimeSpan.FromSeconds(12));
        byte[][] images = [TestImages.Png(), TestImages.Jpeg(), TestImages.Webp(), TestImages.Unknown()];
        var client = _harness.Finish(id, 200, A1111Responses.Success(A1111Responses.DefaultInfo, images));
        var job = _harness.Job(id);
        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(JobStatus.Completed));
            Assert.That(job.Finished, Is.EqualTo(job.Created + 12));
            Assert.That(job.Error, Is.Null);
            Assert.That(job.Images.Select(i => i.File), Is.EqualTo(new[] { $"{id}-0.png", $"{id}-1.jpg", $"{id}-2.webp", $"{id}-3.bin" }));
            Assert.That(job.Images.Select(i => i.ContentType), Is.EqualTo(new[] { "image/png", "image/jpeg", "image/webp", "application/octet-stream" }));
            for (var i = 0; i < images.Length; i++)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(_harness.OutputDirectory, job.Images[i].File)), Is.EqualTo(images[i]));
            }

            Assert.That(File.ReadAllText(Path.Combine(_harness.OutputDirectory, job.InfoFile!)), Is.EqualTo(A1111Responses.DefaultInfo));
            Assert.That(Directory.GetFiles(_harness.OutputDirectory, "*.tmp"), Is.Empty);
            Assert.That(client, Does.StartWith($"{{\"job_id\":\"{id}\",\"images\":["));
        });
    }

    [Test]
    public void OnFinished_Success_ClientBodyIsA1111sWithJobIdFirst()
    {
        var id = _harness.Queue();
        var body = A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png());
        var client = _harness.Finish(id, 200, body);
        Assert.That(client, Is.EqualTo($"{{\"job_id\":\"{id}\"," + body[1..]));
    }

    [Test]
    public void OnFinished_NoImagesNoInfo_CompletedEmpty()
    {
        var id = _harness.Queue();
        _harness.Finish(id, 200, "{\"images\":[],\"parameters\":{},\"info\":null}");
        var job = _harness.Job(id);
        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(JobStatus.Completed));
            Assert.That(job.Images, Is.Empty);
            Assert.That(job.InfoFile, Is.Null);
        });
    }

    [TestCase(500, "{\"error\":\"OutOfMemoryError\",\"detail\":\"\",\"body\":\"\",\"errors\":\"CUDA out of memory\"}", "CUDA out of memory")]
    [TestCase(400, "{\"error\":\"HTTPException\",\"detail\":\"Sampler not found\",\"body\":\"\",\"errors\":\"\"}", "Sampler not found")]
    [TestCase(422, "{\"detail\":[{\"loc\":[\"body\",\"steps\"],\"msg\":\"bad\"}]}", "[{\"loc\":[\"body\",\"steps\"],\"msg\":\"bad\"}]")]
    [TestCase(502, "Bad Gateway", "HTTP 502")]
    [TestCase(200, "not json", "A1111 answered 200 with a body that is not a JSON object")]
    public void OnFinished_Failure_FailedWithA1111sMessage(int status, string body, string expected)
    {
        var id = _harness.Queue();
        _harness.Finish(id, status, body);
        var job = _harness.Job(id);
        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(JobStatus.Failed));
            Assert.That(job.Error, Is.EqualTo(expected));
            Assert.That(job.Finished, Is.Not.Null);
            Assert.That(job.Images, Is.Empty);
        });
    }

    [Test]
    public void OnFinished_Failure_ClientBodyGetsJobId()
    {
        var id = _harness.Queue();
        var client = _harness.Finish(id, 500, A1111Responses.Error("RuntimeError", "", "boom"));
        Assert.That(Utf8.Json(client).GetProperty("job_id").GetString(), Is.EqualTo(id));
    }

    [Test]
    public void OnFinished_UnknownJob_BodyUnchanged()
    {
        var body = A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png());
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Finish("ZZZZZZZZ", 200, body), Is.EqualTo(body));
            Assert.That(_harness.Finish("../../x", 200, body), Is.EqualTo(body));
            Assert.That(_harness.Service.Store.Count, Is.Zero);
        });
    }

    [Test]
    public void OnFinished_ReservedButNeverQueued_StillCompletes()
    {
        var (outcome, _) = _harness.Begin("{\"prompt\":\"x\"}");
        _harness.Finish(outcome.JobId, 200, A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png()));
        Assert.That(_harness.Job(outcome.JobId).Status, Is.EqualTo(JobStatus.Completed));
    }

    [Test]
    public void OnFinished_ErrorForRequestNeverQueued_NoJobAndBodyUnchanged()
    {
        var (outcome, _) = _harness.Begin("{\"prompt\":\"x\",\"sampler_name\":\"nope\"}");
        var body = A1111Responses.Error("HTTPException", "Sampler not found", "");
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Finish(outcome.JobId, 400, body), Is.EqualTo(body));
            Assert.That(_harness.Service.Store.Count, Is.Zero);
            Assert.That(_harness.Service.Requests.ReservedCount, Is.Zero);
        });
    }

    [Test]
    public void OnFinished_Twice_SecondChangesNothing()
    {
        var id = _harness.Queue();
        _harness.Finish(id, 200, A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png()));
        var client = _harness.Finish(id, 500, A1111Responses.Error("E", "", "late"));
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Job(id).Status, Is.EqualTo(JobStatus.Completed));
            Assert.That(client, Does.StartWith($"{{\"job_id\":\"{id}\""));
        });
    }

    [Test]
    public void OnFinished_ImagesCannotBeWritten_FailedBodyStillReturnedAndLoggedOnce()
    {
        Assert.That(_harness.Service.Store.Count, Is.Zero);
        File.WriteAllText(_harness.OutputDirectory + ".file", string.Empty);
        Directory.Delete(_harness.OutputDirectory);
        File.Move(_harness.OutputDirectory + ".file", _harness.OutputDirectory);
        var body = A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png());

        var first = _harness.Queue();
        var client = _harness.Finish(first, 200, body);
        var second = _harness.Queue();
        _harness.Finish(second, 200, body);

        Assert.Multiple(() =>
        {
            Assert.That(client, Is.EqualTo($"{{\"job_id\":\"{first}\"," + body[1..]));
            Assert.That(_harness.Job(first).Status, Is.EqualTo(JobStatus.Failed));
            Assert.That(_harness.Job(first).Error, Does.StartWith(RequestTracker.StoreFailedError));
            Assert.That(_harness.Job(second).Status, Is.EqualTo(JobStatus.Failed));
            Assert.That(_harness.Log.Count("cannot write images"), Is.EqualTo(1));
        });

        File.Delete(_harness.OutputDirectory);
        var third = _harness.Queue();
        _harness.Finish(third, 200, body);
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Job(third).Status, Is.EqualTo(JobStatus.Completed));
            Assert.That(_harness.Log.Count("works again"), Is.EqualTo(1));
        });

        File.Move(Path.Combine(_harness.OutputDirectory, $"{third}-0.png"), _harness.DataDirectory + "/moved.png");
        Directory.Delete(_harness.OutputDirectory, recursive: true);
        File.WriteAllText(_harness.OutputDirectory, string.Empty);
        _harness.Finish(_harness.Queue(), 200, body);
        Assert.That(_harness.Log.Count("cannot write images"), Is.EqualTo(2), "a new failure after a recovery is logged again");
    }

    [Test]
    public void OnAbandoned_Reserved_ForgottenWithoutJob()
    {
        var (outcome, _) = _harness.Begin("{}");
        _harness.Service.Requests.OnAbandoned(outcome.JobId);
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Service.Requests.ReservedCount, Is.Zero);
            Assert.That(_harness.Service.Store.Count, Is.Zero);
            Assert.That(_harness.Service.Requests.OnQueued(outcome.JobId), Is.False);
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public void OnAbandoned_PersistedUnfinished_Failed(bool started)
    {
        var id = _harness.Queue();
        if (started)
        {
            _harness.Service.Requests.OnStarted(id);
        }

        _harness.Service.Requests.OnAbandoned(id);
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Job(id).Status, Is.EqualTo(JobStatus.Failed));
            Assert.That(_harness.Job(id).Error, Is.EqualTo(RequestTracker.AbandonedError));
        });
    }

    [Test]
    public void OnAbandoned_Finished_Unchanged()
    {
        var id = _harness.Complete();
        _harness.Service.Requests.OnAbandoned(id);
        Assert.That(_harness.Job(id).Status, Is.EqualTo(JobStatus.Completed));
    }

    [Test]
    public void Begin_ScriptedCollisions_IdUniqueAgainstStoredAndReserved()
    {
        var random = ScriptedRandomSource.ForIds("AAAAAAAA", "BBBBBBBB", "AAAAAAAA", "BBBBBBBB", "CCCCCCCC");
        using var harness = TrackerHarness.Tracking(random);
        var stored = harness.Complete();
        var reserved = harness.Begin("{}").Outcome.JobId;
        var third = harness.Begin("{}").Outcome.JobId;
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo("AAAAAAAA"));
            Assert.That(reserved, Is.EqualTo("BBBBBBBB"));
            Assert.That(third, Is.EqualTo("CCCCCCCC"));
            Assert.That(random.Remaining, Is.Zero);
        });
    }

    [Test]
    public void SweepReservations_OlderThanAnHour_Dropped()
    {
        _harness.Begin("{}");
        _harness.Time.Advance(TimeSpan.FromMinutes(30));
        var (young, _) = _harness.Begin("{}");
        _harness.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Service.Requests.SweepReservations(), Is.EqualTo(1));
            Assert.That(_harness.Service.Requests.ReservedCount, Is.EqualTo(1));
            Assert.That(_harness.Service.Requests.OnQueued(young.JobId), Is.True);
        });
    }

    [Test]
    public void OnFinished_TrackingTurnedOffMeanwhile_JobStillCompletes()
    {
        var id = _harness.Queue();
        _harness.Service.SetTrackingEnabled(false);
        _harness.Finish(id, 200, A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png()));
        Assert.That(_harness.Job(id).Status, Is.EqualTo(JobStatus.Completed));
    }

    [Test]
    public void OnFinished_BigBatch_AllImagesInOrder()
    {
        var id = _harness.Queue();
        var images = Enumerable.Range(0, 8).Select(i => TestImages.Png(100 + i)).ToArray();
        _harness.Finish(id, 200, A1111Responses.Success(A1111Responses.DefaultInfo, images));
        var job = _harness.Job(id);
        Assert.That(job.Images.Select(i => File.ReadAllBytes(Path.Combine(_harness.OutputDirectory, i.File))), Is.EqualTo(images));
    }

    [Test]
    public void Begin_ThenRestart_ReservationIsNotAJob()
    {
        var (outcome, _) = _harness.Begin("{}");
        var id = _harness.Queue();
        _harness.Restart();
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Service.Store.Contains(outcome.JobId), Is.False);
            Assert.That(_harness.Job(id).Status, Is.EqualTo(JobStatus.Failed));
        });
    }

    [Test]
    public void Begin_RewrittenBodyWriter_ReceivesExactLength()
    {
        var output = new ArrayBufferWriter<byte>();
        var outcome = _harness.Service.Requests.Begin("txt2img", "{}"u8, "ip", RequestHeaders.None, output);
        Assert.That(output.WrittenCount, Is.EqualTo(2 + "\"force_task_id\":\"\"".Length + outcome.JobId.Length));
    }
}
