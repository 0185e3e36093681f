using System.Buffers;
using System.Text;
using System.Text.Json;
using JobTracker.Http;
using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Http;

public class JobHandlersTests : TrackingHarnessTestBase
{
    [TestCase("ZZZZZZZZ", "Job ZZZZZZZZ not found")]
    [TestCase("../../etc", "Job ??????etc not found")]
    [TestCase("%2e%2e", "Job ?2e?2e not found")]
    [TestCase("ABCDEFGHI", "Job ABCDEFGHI not found")]
    [TestCase("ABCDEFG", "Job ABCDEFG not found")]
    [TestCase("ÀBCDEFGH", "Job ?BCDEFGH not found")]
    [TestCase("", "Job  not found")]
    [TestCase("<script>alert(1)</script>", "Job ?script?alert?1?... not found")]
    public void GetJob_UnknownOrMalformed_404WithSanitizedId(string id, string detail)
    {
        _harness.Complete();
        var (head, body) = Get(id);
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(404));
            Assert.That(head.Headers, Is.EqualTo(new[] { "Content-Type", "application/json" }));
            Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("NotFound"));
            Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo(detail));
            Assert.That(_harness.Log.Lines, Is.Empty);
        });
    }

    [Test]
    public void GetJob_Completed_AllFieldsInOrderWithImagesBase64()
    {
        var png = TestImages.Png();
        var webp = TestImages.Webp();
        var id = _harness.Complete(ip: "10.1.1.1", prompt: "a dog", route: "img2img", images: [png, webp]);
        var (head, body) = Get(id);
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(200));
            Assert.That(head.Headers, Is.EqualTo(new[] { "Content-Type", "application/json" }));
            Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "id", "prompt", "status", "timestamp", "images", "kind", "negative_prompt", "created", "started", "finished", "error", "cancelled", "image_count", "info", "image_urls",
            }));
            Assert.That(body.GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(body.GetProperty("prompt").GetString(), Is.EqualTo("a dog"));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Completed"));
            Assert.That(body.GetProperty("timestamp").GetInt64(), Is.EqualTo(TestClock.Start.ToUnixTimeSeconds()));
            Assert.That(body.GetProperty("images").EnumerateArray().Select(i => i.GetBytesFromBase64()), Is.EqualTo(new[] { png, webp }));
            Assert.That(body.GetProperty("kind").GetString(), Is.EqualTo("img2img"));
            Assert.That(body.GetProperty("image_count").GetInt32(), Is.EqualTo(2));
            Assert.That(body.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.GetProperty("cancelled").GetBoolean(), Is.False);
            Assert.That(body.GetProperty("info").GetProperty("seed").GetInt32(), Is.EqualTo(42));
            Assert.That(body.GetProperty("created").GetDouble(), Is.EqualTo(_harness.Job(id).Created));
        });
    }

    [TestCase("images=false")]
    [TestCase("images=0")]
    [TestCase("images=FALSE")]
    public void GetJob_ImagesFalse_NoBase64ButCount(string query)
    {
        var id = _harness.Complete(images: [TestImages.Png(), TestImages.Png(2)]);
        var (head, body) = Get(id, query);
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(200));
            Assert.That(body.TryGetProperty("images", out _), Is.False);
            Assert.That(body.GetProperty("image_count").GetInt32(), Is.EqualTo(2));
        });
    }

    [TestCase("images=true")]
    [TestCase("images=1")]
    [TestCase("other=x")]
    public void GetJob_ImagesTrueOrAbsent_Base64(string query)
    {
        var id = _harness.Complete();
        Assert.That(Get(id, query).Body.GetProperty("images").GetArrayLength(), Is.EqualTo(1));
    }

    [TestCase("images=no")]
    [TestCase("images=")]
    [TestCase("images=2")]
    public void GetJob_ImagesOtherValue_400(string query)
    {
        var id = _harness.Complete();
        var (head, body) = Get(id, query);
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(400));
            Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("BadRequest"));
            Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("images must be true or false"));
        });
    }

    [Test]
    public void GetJob_ImageFileMissing_OmittedAndLoggedNot500()
    {
        var first = TestImages.Png(1);
        var id = _harness.Complete(images: [first, TestImages.Png(2)]);
        File.Delete(Path.Combine(_harness.OutputDirectory, $"{id}-1.png"));
        var (head, body) = Get(id);
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(200));
            Assert.That(body.GetProperty("images").EnumerateArray().Select(i => i.GetBytesFromBase64()), Is.EqualTo(new[] { first }));
            Assert.That(body.GetProperty("image_count").GetInt32(), Is.EqualTo(2));
            Assert.That(_harness.Log.Count($"{id}-1.png"), Is.EqualTo(1));
        });
    }

    [Test]
    public void GetJob_InfoFileMissingOrInvalid_InfoNull()
    {
        var id = _harness.Complete();
        var infoPath = Path.Combine(_harness.OutputDirectory, _harness.Job(id).InfoFile!);
        File.WriteAllText(infoPath, "{not json");
        Assert.That(Get(id).Body.GetProperty("info").ValueKind, Is.EqualTo(JsonValueKind.Null));
        File.WriteAllText(infoPath, "[1, 2]");
        Assert.That(Get(id).Body.GetProperty("info").ValueKind, Is.EqualTo(JsonValueKind.Null));
        File.Delete(infoPath);
        Assert.Multiple(() =>
        {
            Assert.That(Get(id).Body.GetProperty("info").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(Get(id).Head.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public void GetJob_PendingJob_NoImagesNullTimes()
    {
        var id = _harness.Queue();
        var (head, body) = Get(id);
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(200));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Pending"));
            Assert.That(body.GetProperty("images").GetArrayLength(), Is.Zero);
            Assert.That(body.GetProperty("started").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.GetProperty("finished").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.GetProperty("info").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void GetJob_LegacyJob_ServedFromItsOwnPathsWithoutLeakingThem()
    {
        var elsewhere = Path.Combine(_harness.DataDirectory, "old-output");
        Directory.CreateDirectory(elsewhere);
        var absolute = TestImages.Png(7);
        var relative = TestImages.Jpeg(8);
        File.WriteAllBytes(Path.Combine(elsewhere, "a.png"), absolute);
        File.WriteAllBytes(Path.Combine(_harness.DataDirectory, "b.jpg"), relative);
        File.WriteAllText(Path.Combine(_harness.DataDirectory, "jobs.json"),
            $"[{{\"id\":\"A3f9K2xY\",\"prompt\":\"old\",\"ip\":\"1.1.1.1\",\"timestamp\":1736712000,\"status\":\"Completed\"," +
            $"\"output_paths\":[\"{JsonEncodedText.Encode(Path.Combine(elsewhere, "a.png")).Value}\",\"b.jpg\",\"gone.png\"]}}]");
        var (head, body) = Get("A3f9K2xY");
        var text = Encoding.UTF8.GetString(GetRaw("A3f9K2xY").Body);
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(200));
            Assert.That(body.GetProperty("images").EnumerateArray().Select(i => i.GetBytesFromBase64()), Is.EqualTo(new[] { absolute, relative }));
            Assert.That(body.GetProperty("image_count").GetInt32(), Is.EqualTo(3));
            Assert.That(body.GetProperty("kind").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(text, Does.Not.Contain("old-output").And.Not.Contain("b.jpg"));
        });
    }

    [Test]
    public void ListJobs_NoFilter_NewestFirstWithSummaryFields()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(_harness.Complete());
            _harness.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var (head, body) = List("");
        var raw = Encoding.UTF8.GetString(ListRaw("").Body);
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(200));
            Assert.That(head.Headers, Is.EqualTo(new[] { "Content-Type", "application/json" }));
            Assert.That(body.EnumerateArray().Select(j => j.GetProperty("id").GetString()), Is.EqualTo(ids.AsEnumerable().Reverse()));
            Assert.That(body[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "id", "prompt", "ip", "status", "timestamp", "kind", "created", "started", "finished", "error", "image_count",
            }));
            Assert.That(body[0].GetProperty("image_count").GetInt32(), Is.EqualTo(1));
            Assert.That(raw, Does.Not.Contain(".png").And.Not.Contain(_harness.DataDirectory));
        });
    }

    [Test]
    public void ListJobs_Filters_OnlyMatchingJobs()
    {
        var a1 = _harness.Complete(ip: "1.1.1.1");
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        var b1 = _harness.Queue(ip: "2.2.2.2");
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        var a2 = _harness.Queue(ip: "1.1.1.1");
        _harness.Service.Requests.OnStarted(a2);
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        var b2 = _harness.Queue(ip: "2.2.2.2");
        _harness.Finish(b2, 500, A1111Responses.Error("E", "", "boom"));
        var start = TestClock.Start.ToUnixTimeSeconds();

        Assert.Multiple(() =>
        {
            Assert.That(ListIds("ip=1.1.1.1"), Is.EqualTo(new[] { a2, a1 }));
            Assert.That(ListIds("ip=9.9.9.9"), Is.Empty);
            Assert.That(ListIds("status=completed"), Is.EqualTo(new[] { a1 }));
            Assert.That(ListIds("status=Pending"), Is.EqualTo(new[] { b1 }));
            Assert.That(ListIds("status=PROCESSING"), Is.EqualTo(new[] { a2 }));
            Assert.That(ListIds("status=failed"), Is.EqualTo(new[] { b2 }));
            Assert.That(ListIds($"after={start + 10}"), Is.EqualTo(new[] { b2, a2 }));
            Assert.That(ListIds($"after={start + 9.5}"), Is.EqualTo(new[] { b2, a2, b1 }));
            Assert.That(ListIds("limit=2"), Is.EqualTo(new[] { b2, a2 }));
            Assert.That(ListIds("limit=9&limit=1"), Is.EqualTo(new[] { b2 }));
            Assert.That(ListIds($"ip=2.2.2.2&status=pending&after={start}"), Is.EqualTo(new[] { b1 }));
            Assert.That(ListIds("unknown=1&ip=2.2.2.2"), Is.EqualTo(new[] { b2, b1 }));
        });
    }

    [TestCase("status=done")]
    [TestCase("limit=0")]
    [TestCase("limit=x")]
    [TestCase("before=AAAAAAAA")]
    [TestCase("before=..%2Fjobs")]
    [TestCase("after=-5")]
    [TestCase("after=soon")]
    public void ListJobs_InvalidQuery_400(string query)
    {
        var (head, body) = List(query);
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(400));
            Assert.That(head.Headers, Is.EqualTo(new[] { "Content-Type", "application/json" }));
            Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("BadRequest"));
            Assert.That(body.GetProperty("detail").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public void ListJobs_DefaultLimit_Fifty()
    {
        for (var i = 0; i < 55; i++)
        {
            _harness.Queue();
        }

        Assert.That(List("").Body.GetArrayLength(), Is.EqualTo(50));
    }

    [Test]
    public void ListJobs_FollowingNextLinks_EveryMatchingJobOnceNewestFirst()
    {
        var completed = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            // Several jobs share each second: the pages must split them by their exact order, not by the second.
            if (i % 3 == 0)
            {
                _harness.Queue();
            }

            completed.Add(_harness.Complete());
            _harness.Time.Advance(TimeSpan.FromMilliseconds(400));
        }

        var seen = new List<string?>();
        var query = "status=completed&limit=5";
        var pages = 0;
        while (query is not null && pages++ < 10)
        {
            var (head, body) = List(query);
            Assert.That(head.Status, Is.EqualTo(200));
            seen.AddRange(body.EnumerateArray().Select(j => j.GetProperty("id").GetString()));
            var link = ReplyHeaderValues.Find(head.Headers, "Link");
            query = link is null ? null : link["</sdapi/v1/jobs?".Length..link.IndexOf('>', StringComparison.Ordinal)];
            if (link is not null)
            {
                Assert.That(link, Does.EndWith(">; rel=\"next\""));
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(completed.AsEnumerable().Reverse()));
            Assert.That(pages, Is.EqualTo(5), "23 jobs in pages of 5, the last page without a link");
        });
    }

    [Test]
    public void ListJobs_LimitAboveTheOldCeiling_AllJobs()
    {
        for (var i = 0; i < 600; i++)
        {
            _harness.Queue();
        }

        var (head, body) = List("limit=1000");
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(200));
            Assert.That(body.GetArrayLength(), Is.EqualTo(600));
            Assert.That(head.Headers, Is.EqualTo(new[] { "Content-Type", "application/json" }), "nothing more: no next page");
        });
    }

    [Test]
    public void Handlers_ApiAuthUnset_NoAuthNeeded()
    {
        var id = _harness.Complete();
        Assert.Multiple(() =>
        {
            Assert.That(Get(id).Head.Status, Is.EqualTo(200));
            Assert.That(List("").Head.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public void Handlers_MissingCredentials_401NotAuthenticated()
    {
        _harness.ApiAuth = "alice:pw";
        var id = _harness.Complete();
        foreach (var (head, body) in new[] { Get(id), Get("ZZZZZZZZ"), Get("../x"), List(""), List("limit=0") })
        {
            Assert.Multiple(() =>
            {
                Assert.That(head.Status, Is.EqualTo(401));
                Assert.That(head.Headers, Is.EqualTo(new[] { "Content-Type", "application/json", "WWW-Authenticate", "Basic" }));
                Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Not authenticated"));
            });
        }
    }

    [TestCase("alice:wrong")]
    [TestCase("eve:pw")]
    public void Handlers_WrongCredentials_401Incorrect(string userPass)
    {
        _harness.ApiAuth = "alice:pw";
        var id = _harness.Complete();
        var headers = Basic(userPass);
        foreach (var (head, body) in new[] { Get(id, "", headers), List("", headers) })
        {
            Assert.Multiple(() =>
            {
                Assert.That(head.Status, Is.EqualTo(401));
                Assert.That(ReplyHeaderValues.Find(head.Headers, "WWW-Authenticate"), Is.EqualTo("Basic"));
                Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Incorrect username or password"));
            });
        }
    }

    [TestCase("alice:pw")]
    [TestCase("bob:with:colons")]
    public void Handlers_RightCredentials_200(string userPass)
    {
        _harness.ApiAuth = "alice:pw,bob:with:colons";
        var id = _harness.Complete(headers: Basic(userPass));
        Assert.Multiple(() =>
        {
            Assert.That(Get(id, "", Basic(userPass)).Head.Status, Is.EqualTo(200));
            Assert.That(List("", "x-forwarded-for: 1.2.3.4\n" + Basic(userPass)).Head.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public void Handlers_ApiAuthChangedByRestart_NewCredentialsApply()
    {
        _harness.ApiAuth = "alice:pw";
        _ = _harness.Service;
        _harness.Service.UpdateApiAuth("carol:x");
        Assert.Multiple(() =>
        {
            Assert.That(List("", Basic("alice:pw")).Head.Status, Is.EqualTo(401));
            Assert.That(List("", Basic("carol:x")).Head.Status, Is.EqualTo(200));
        });
    }

    private static string Basic(string userPass) => "authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userPass));

    private (ReplyHead Head, JsonElement Body) Get(string id, string query = "", string headers = "")
    {
        var (head, bytes) = GetRaw(id, query, headers);
        return (head, Utf8.Json(bytes));
    }

    private (ReplyHead Head, byte[] Body) GetRaw(string id, string query = "", string headers = "")
    {
        var body = new ArrayBufferWriter<byte>();
        var head = _harness.Service.Handlers.GetJob(id, query, TestHeaders.Parse(headers), body);
        return (head, body.WrittenSpan.ToArray());
    }

    private (ReplyHead Head, JsonElement Body) List(string query, string headers = "")
    {
        var (head, bytes) = ListRaw(query, headers);
        return (head, Utf8.Json(bytes));
    }

    private (ReplyHead Head, byte[] Body) ListRaw(string query, string headers = "")
    {
        var body = new ArrayBufferWriter<byte>();
        var head = _harness.Service.Handlers.ListJobs(query, TestHeaders.Parse(headers), body);
        return (head, body.WrittenSpan.ToArray());
    }

    private string?[] ListIds(string query) => List(query).Body.EnumerateArray().Select(j => j.GetProperty("id").GetString()).ToArray();
}
