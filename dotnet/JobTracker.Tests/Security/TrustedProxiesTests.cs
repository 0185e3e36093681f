using System.Net;
using JobTracker.Security;

namespace JobTracker.Tests.Security;

public class TrustedProxiesTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Parse_Empty_TrustsNothing(string? list)
    {
        var proxies = TrustedProxies.Parse(list);
        Assert.Multiple(() =>
        {
            Assert.That(proxies.Count, Is.Zero);
            Assert.That(proxies.Contains(IPAddress.Loopback), Is.False);
        });
    }

    [TestCase("10.0.0.5", "10.0.0.5", true)]
    [TestCase("10.0.0.5", "10.0.0.6", false)]
    [TestCase("172.16.0.0/12", "172.31.255.255", true)]
    [TestCase("172.16.0.0/12", "172.32.0.1", false)]
    [TestCase("10.1.2.3/8", "10.200.0.1", true)]
    [TestCase("0.0.0.0/0", "203.0.113.9", true)]
    [TestCase("fd00::/8", "fd12:3456::1", true)]
    [TestCase("fd00::/8", "fe80::1", false)]
    [TestCase("[2001:db8::1]", "2001:db8::1", true)]
    [TestCase("2001:db8::/32", "2001:db9::1", false)]
    [TestCase("127.0.0.1", "::ffff:127.0.0.1", true)]
    [TestCase("::ffff:10.0.0.0/104", "10.9.9.9", true)]
    [TestCase("10.0.0.0/8", "::1", false)]
    [TestCase("::ffff:10.0.0.0/90", "10.9.9.9", false)]
    [TestCase("::/0", "10.0.0.1", false)]
    public void Contains_AddressesAndRanges(string list, string address, bool expected) =>
        Assert.That(TrustedProxies.Parse(list).Contains(IPAddress.Parse(address)), Is.EqualTo(expected));

    [Test]
    public void Parse_SeparatorsCommaSpaceSemicolon_AllRead()
    {
        var proxies = TrustedProxies.Parse(" 10.0.0.1, 10.0.0.2 10.0.0.3;\t10.0.0.4 ,, ");
        Assert.Multiple(() =>
        {
            Assert.That(proxies.Count, Is.EqualTo(4));
            Assert.That(proxies.InvalidEntries, Is.Empty);
        });
    }

    [Test]
    public void Parse_InvalidEntries_CollectedAndIgnored()
    {
        var proxies = TrustedProxies.Parse("10.0.0.1,proxy.local,10.0.0.0/33,1,10.1,::1/129,256.1.1.1,10.0.0.0/-1,10.0.0.0/,*,fd00::/64");
        Assert.Multiple(() =>
        {
            Assert.That(proxies.Count, Is.EqualTo(2));
            Assert.That(proxies.InvalidEntries, Is.EqualTo(new[] { "proxy.local", "10.0.0.0/33", "1", "10.1", "::1/129", "256.1.1.1", "10.0.0.0/-1", "10.0.0.0/", "*" }));
            Assert.That(proxies.Contains(IPAddress.Parse("10.0.0.1")), Is.True);
            Assert.That(proxies.Contains(IPAddress.Parse("0.0.0.1")), Is.False);
        });
    }
}
