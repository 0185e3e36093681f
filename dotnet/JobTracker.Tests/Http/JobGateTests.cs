using System.Buffers;
using System.Text;
using System.Text.Json;
using JobTracker.Http;
using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Http;

public class JobGateTests
{
    private const string Users = "alice:pw,bob:b:o:b,carol:admin";

    [Test]
    public void Open_NoWrongOtherRight_401_401_404_200()
    {
        using var harness = Harness();
        var alices = harness.Complete(headers: Basic("alice:pw"));
        Assert.Multiple(() =>
        {
            Assert.That(Open(harness, alices, string.Empty), Is.EqualTo(401));
            Assert.That(Open(harness, alices, Basic("alice:wrong")), Is.EqualTo(401));
            Assert.That(Open(harness, alices, Basic("bob:b:o:b")), Is.EqualTo(404));
            Assert.That(Open(harness, alices, Basic("alice:pw")), Is.EqualTo(200));
            Assert.That(Open(harness, alices, Basic("carol:admin")), Is.EqualTo(200));
        });
    }

    [Test]
    public void GetJob_OtherUsersJob_ExactlyLikeAnUnknownId()
    {
        using var harness = Harness();
        var alices = harness.Complete(headers: Basic("alice:pw"));
        harness.Service.Store.Remove(harness.Complete(headers: Basic("alice:pw")));
        var (otherStatus, otherBody) = Get(harness, alices, Basic("bob:b:o:b"));
        var (unknownStatus, unknownBody) = Get(harness, "ZZZZZZZZ", Basic("bob:b:o:b"));
        Assert.Multiple(() =>
        {
            Assert.That(otherStatus, Is.EqualTo(404));
            Assert.That(unknownStatus, Is.EqualTo(404));
            Assert.That(otherBody.Replace(alices, "ZZZZZZZZ", StringComparison.Ordinal), Is.EqualTo(unknownBody));
        });
    }

    [Test]
    public void ListJobs_IsolatedUsers_OnlyOwnJobsAdminAll()
    {
        using var harness = Harness();
        var alices = harness.Complete(headers: Basic("alice:pw"));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var bobs = harness.Complete(headers: Basic("bob:b:o:b"));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var legacy = harness.Complete();
        Assert.Multiple(() =>
        {
            Assert.That(List(harness, Basic("alice:pw")), Is.EqualTo(new[] { alices }));
            Assert.That(List(harness, Basic("bob:b:o:b")), Is.EqualTo(new[] { bobs }));
            Assert.That(List(harness, Basic("carol:admin")), Is.EqualTo(new[] { legacy, bobs, alices }));
            Assert.That(List(harness, Basic("alice:pw"), "status=completed&ip=10.0.0.1&limit=500"), Is.EqualTo(new[] { alices }));
            Assert.That(Open(harness, legacy, Basic("alice:pw")), Is.EqualTo(404));
            Assert.That(Open(harness, legacy, Basic("carol:admin")), Is.EqualTo(200));
        });
    }

    [TestCase("TRACKER_ISOLATION", "off")]
    [TestCase("TRACKER_ISOLATION", "0")]
    public void Isolation_TurnedOff_EveryUserSeesAll(string variable, string value)
    {
        using var harness = new TrackerHarness(null, (variable, value)) { ApiAuth = Users };
        harness.WriteConfig(true, 0);
        var alices = harness.Complete(headers: Basic("alice:pw"));
        Assert.Multiple(() =>
        {
            Assert.That(Open(harness, alices, Basic("bob:b:o:b")), Is.EqualTo(200));
            Assert.That(List(harness, Basic("bob:b:o:b")), Is.EqualTo(new[] { alices }));
            Assert.That(harness.Job(alices).User, Is.EqualTo("alice"));
        });
    }

    [Test]
    public void SingleApiAuthUser_SeesJobsFromBeforeAuthWasSet()
    {
        using var harness = TrackerHarness.Tracking();
        var before = harness.Complete();
        harness.Service.UpdateApiAuth("alice:pw");
        Assert.Multiple(() =>
        {
            Assert.That(Open(harness, before, Basic("alice:pw")), Is.EqualTo(200));
            Assert.That(Open(harness, before, string.Empty), Is.EqualTo(401));
        });
    }

    [Test]
    public void NoApiAuth_EveryoneSeesEverything()
    {
        using var harness = TrackerHarness.Tracking();
        var id = harness.Complete(headers: Basic("alice:pw"));
        Assert.Multiple(() =>
        {
            Assert.That(harness.Job(id).User, Is.Null);
            Assert.That(Open(harness, id, string.Empty), Is.EqualTo(200));
            Assert.That(List(harness, Basic("bob:whatever")), Is.EqualTo(new[] { id }));
        });
    }

    [Test]
    public void Start_AdminNotAnApiAuthUser_Logged()
    {
        using var harness = new TrackerHarness(null, ("TRACKER_ADMIN_USERS", "carol,root")) { ApiAuth = Users };
        _ = harness.Service;
        Assert.That(harness.Log.Lines, Is.EqualTo(new[] { "TRACKER_ADMIN_USERS names user(s) that --api-auth does not define: root" }));
    }

    private static TrackerHarness Harness()
    {
        var harness = new TrackerHarness(null, ("TRACKER_ADMIN_USERS", "carol")) { ApiAuth = Users };
        harness.WriteConfig(true, 0);
        return harness;
    }

    private static int Open(TrackerHarness harness, string id, string headers)
    {
        var head = harness.Service.Gate.Open(id, TestHeaders.Parse(headers), new ArrayBufferWriter<byte>(), out var job);
        Assert.That(job is null, Is.EqualTo(head is not null));
        return head?.Status ?? 200;
    }

    private static (int Status, string Body) Get(TrackerHarness harness, string id, string headers)
    {
        var body = new ArrayBufferWriter<byte>();
        var head = harness.Service.Handlers.GetJob(id, "images=false", TestHeaders.Parse(headers), body);
        return (head.Status, Encoding.UTF8.GetString(body.WrittenSpan));
    }

    private static string?[] List(TrackerHarness harness, string headers, string query = "")
    {
        var body = new ArrayBufferWriter<byte>();
        var head = harness.Service.Handlers.ListJobs(query, TestHeaders.Parse(headers), body);
        Assert.That(head.Status, Is.EqualTo(200));
        using var document = JsonDocument.Parse(body.WrittenMemory);
        return document.RootElement.EnumerateArray().Select(j => j.GetProperty("id").GetString()).ToArray();
    }

    private static string Basic(string userPass) => "authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userPass));
}
