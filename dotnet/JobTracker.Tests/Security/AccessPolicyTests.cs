using JobTracker.Http;
using System.Text;
using JobTracker.Configuration;
using JobTracker.Security;
using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Security;

public class AccessPolicyTests
{
    private static readonly SecurityOptions WithAdmin = new() { AdminUsers = new HashSet<string>(["carol"], StringComparer.Ordinal) };

    [Test]
    public void IsolatesJobs_OnlyWithSeveralUsersAndIsolationOn()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AccessPolicy.Open.IsolatesJobs, Is.False);
            Assert.That(new AccessPolicy(ApiCredentials.Parse("alice:pw"), SecurityOptions.Default).IsolatesJobs, Is.False);
            Assert.That(new AccessPolicy(ApiCredentials.Parse("alice:pw,bob:pw"), SecurityOptions.Default).IsolatesJobs, Is.True);
            Assert.That(new AccessPolicy(ApiCredentials.Parse("alice:pw,bob:pw"), new SecurityOptions { IsolationEnabled = false }).IsolatesJobs, Is.False);
            Assert.That(new AccessPolicy(ApiCredentials.Parse("alice:a,alice:b"), SecurityOptions.Default).IsolatesJobs, Is.False);
        });
    }

    [Test]
    public void Identify_IsolatedUser_OnlyOwnJobs()
    {
        var caller = new AccessPolicy(ApiCredentials.Parse("alice:pw,bob:pw,carol:pw"), WithAdmin).Identify(TestHeaders.Parse(Basic("alice:pw")));
        Assert.Multiple(() =>
        {
            Assert.That(caller, Is.EqualTo(new Caller(AuthOutcome.Allowed, "alice", false)));
            Assert.That(caller.OwnJobsOnly, Is.EqualTo("alice"));
            Assert.That(caller.MayRead(Owned("alice")), Is.True);
            Assert.That(caller.MayRead(Owned("bob")), Is.False);
            Assert.That(caller.MayRead(Owned("Alice")), Is.False);
            Assert.That(caller.MayRead(Owned(null)), Is.False);
        });
    }

    [Test]
    public void Identify_Admin_SeesEverything()
    {
        var caller = new AccessPolicy(ApiCredentials.Parse("alice:pw,bob:pw,carol:pw"), WithAdmin).Identify(TestHeaders.Parse(Basic("carol:pw")));
        Assert.Multiple(() =>
        {
            Assert.That(caller.SeesAllJobs, Is.True);
            Assert.That(caller.OwnJobsOnly, Is.Null);
            Assert.That(caller.MayRead(Owned("bob")), Is.True);
            Assert.That(caller.MayRead(Owned(null)), Is.True);
        });
    }

    [TestCase("")]
    [TestCase("authorization: Basic Ym9iOm5vcGU=")]
    public void Identify_WrongOrMissingCredentials_NoUserAndNothingReadable(string headers)
    {
        var caller = new AccessPolicy(ApiCredentials.Parse("alice:pw,bob:pw"), SecurityOptions.Default).Identify(TestHeaders.Parse(headers));
        Assert.Multiple(() =>
        {
            Assert.That(caller.Outcome, Is.Not.EqualTo(AuthOutcome.Allowed));
            Assert.That(caller.User, Is.Null);
            Assert.That(caller.MayRead(Owned(null)), Is.False);
        });
    }

    [Test]
    public void Identify_NoApiAuth_EveryoneSeesAllAndNoUserIsClaimed()
    {
        var caller = AccessPolicy.Open.Identify(TestHeaders.Parse(Basic("mallory:anything")));
        Assert.That(caller, Is.EqualTo(new Caller(AuthOutcome.Allowed, null, true)));
    }

    [Test]
    public void UnknownAdmins_NamesMissingFromApiAuth()
    {
        var options = new SecurityOptions { AdminUsers = new HashSet<string>(["root", "carol", "admin"], StringComparer.Ordinal) };
        Assert.Multiple(() =>
        {
            Assert.That(new AccessPolicy(ApiCredentials.Parse("alice:pw,carol:pw"), options).UnknownAdmins, Is.EqualTo(new[] { "admin", "root" }));
            Assert.That(new AccessPolicy(ApiCredentials.None, options).UnknownAdmins, Is.Empty);
        });
    }

    private static JobRecord Owned(string? user) => Jobs.Record(Jobs.Id(1)) with { User = user };

    private static string Basic(string userPass) => "authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userPass));
}
