using System.Net;
using JobTracker.Configuration;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Configuration;

public class SecurityOptionsLoaderTests
{
    [Test]
    public void Load_Nothing_DefaultsAndNoLog()
    {
        var log = new RecordingLog();
        var options = SecurityOptionsLoader.Load(EnvironmentLayer.FromVariables([]), log);
        Assert.Multiple(() =>
        {
            Assert.That(options.AdminUsers, Is.Empty);
            Assert.That(options.IsolationEnabled, Is.True);
            Assert.That(options.TrustedProxies.Count, Is.Zero);
            Assert.That(log.Lines, Is.Empty);
        });
    }

    [Test]
    public void Load_AllSet_Read()
    {
        var log = new RecordingLog();
        var options = SecurityOptionsLoader.Load(
            Environment(("TRACKER_ADMIN_USERS", " carol , dave,,"), ("TRACKER_ISOLATION", "off"), ("TRACKER_TRUSTED_PROXIES", "10.0.0.0/8, ::1")),
            log);
        Assert.Multiple(() =>
        {
            Assert.That(options.AdminUsers, Is.EquivalentTo(new[] { "carol", "dave" }));
            Assert.That(options.IsolationEnabled, Is.False);
            Assert.That(options.TrustedProxies.Count, Is.EqualTo(2));
            Assert.That(options.TrustedProxies.Contains(IPAddress.IPv6Loopback), Is.True);
            Assert.That(log.Lines, Is.Empty);
        });
    }

    [Test]
    public void Load_InvalidValues_ReportedOnceEachAndSafeDefaults()
    {
        var log = new RecordingLog();
        var options = SecurityOptionsLoader.Load(
            Environment(("TRACKER_ADMIN_USERS", "carol,bad:name"), ("TRACKER_ISOLATION", "maybe"), ("TRACKER_TRUSTED_PROXIES", "10.0.0.1, proxy.example, 10.0.0.0/99")),
            log);
        Assert.Multiple(() =>
        {
            Assert.That(options.AdminUsers, Is.EquivalentTo(new[] { "carol" }));
            Assert.That(options.IsolationEnabled, Is.True);
            Assert.That(options.TrustedProxies.Count, Is.EqualTo(1));
            Assert.That(log.Lines, Has.Count.EqualTo(4));
            Assert.That(log.Count("TRACKER_ADMIN_USERS: \"bad:name\""), Is.EqualTo(1));
            Assert.That(log.Count("TRACKER_ISOLATION=\"maybe\""), Is.EqualTo(1));
            Assert.That(log.Count("\"proxy.example\" is neither"), Is.EqualTo(1));
            Assert.That(log.Count("\"10.0.0.0/99\" is neither"), Is.EqualTo(1));
        });
    }

    private static EnvironmentLayer Environment(params (string Name, string Value)[] variables) =>
        EnvironmentLayer.FromVariables(variables.Select(v => KeyValuePair.Create(v.Name, (string?)v.Value)));
}
