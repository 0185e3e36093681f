using JobTracker.Http;
using JobTracker.Tests.Support;
using JobTracker.Security;

namespace JobTracker.Tests.Security;

public class ClientAddressTests
{
    private static readonly TrustedProxies Proxies = TrustedProxies.Parse("10.0.0.1, 10.0.0.2, fd00::/8");

    [TestCase("203.0.113.9", "x-forwarded-for: 198.51.100.1")]
    [TestCase("203.0.113.9", "forwarded: for=198.51.100.1")]
    [TestCase("203.0.113.9", "x-forwarded-for: 10.0.0.1")]
    [TestCase("203.0.113.9", "")]
    public void Resolve_UntrustedPeer_PeerWhateverTheHeadersSay(string peer, string headers) =>
        Assert.That(ClientAddress.Resolve(peer, TestHeaders.Parse(headers), Proxies), Is.EqualTo("203.0.113.9"));

    [Test]
    public void Resolve_NoTrustedProxies_PeerEvenFromLoopback() =>
        Assert.That(ClientAddress.Resolve("127.0.0.1", TestHeaders.Parse("x-forwarded-for: 198.51.100.1"), TrustedProxies.None), Is.EqualTo("127.0.0.1"));

    [TestCase("x-forwarded-for: 198.51.100.1", "198.51.100.1")]
    [TestCase("x-forwarded-for: 198.51.100.1:4711", "198.51.100.1")]
    [TestCase("x-forwarded-for: 6.6.6.6, 198.51.100.1", "198.51.100.1")]
    [TestCase("x-forwarded-for: 6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1")]
    [TestCase("x-forwarded-for: 6.6.6.6\nx-forwarded-for: 198.51.100.1", "198.51.100.1")]
    [TestCase("x-forwarded-for: 10.0.0.2, 10.0.0.1", "10.0.0.2")]
    [TestCase("x-forwarded-for: unknown, 198.51.100.1", "198.51.100.1")]
    [TestCase("x-forwarded-for: 198.51.100.1, unknown", "10.0.0.1")]
    [TestCase("x-forwarded-for: 198.51.100.1, 1", "10.0.0.1")]
    [TestCase("x-forwarded-for: ", "10.0.0.1")]
    [TestCase("x-forwarded-for: ::ffff:198.51.100.1", "198.51.100.1")]
    [TestCase("x-forwarded-for: [2001:db8::7]:443", "2001:db8::7")]
    [TestCase("forwarded: for=198.51.100.1;proto=https;by=10.0.0.1", "198.51.100.1")]
    [TestCase("forwarded: for=6.6.6.6, For=\"[2001:db8::7]:4711\"", "2001:db8::7")]
    [TestCase("forwarded: for=\"198.51.100.1:80\"", "198.51.100.1")]
    [TestCase("forwarded: for=_hidden", "10.0.0.1")]
    [TestCase("forwarded: proto=https", "10.0.0.1")]
    [TestCase("x-forwarded-for: 198.51.100.1\nforwarded: for=6.6.6.6", "198.51.100.1")]
    [TestCase("", "10.0.0.1")]
    public void Resolve_TrustedPeer_FirstUntrustedHopFromTheRight(string headers, string expected) =>
        Assert.That(ClientAddress.Resolve("10.0.0.1", TestHeaders.Parse(headers), Proxies), Is.EqualTo(expected));

    [Test]
    public void Resolve_TrustedIpv6Peer_HeaderBelieved() =>
        Assert.That(ClientAddress.Resolve("fd00::5", TestHeaders.Parse("x-forwarded-for: 198.51.100.1"), Proxies), Is.EqualTo("198.51.100.1"));

    [Test]
    public void Resolve_MappedPeer_ComparedAsIpv4() =>
        Assert.That(ClientAddress.Resolve("::ffff:10.0.0.1", TestHeaders.Parse("x-forwarded-for: 198.51.100.1"), Proxies), Is.EqualTo("198.51.100.1"));

    [Test]
    public void Resolve_HugeChainOfTrustedHops_StopsAfterMaxHops()
    {
        var chain = "198.51.100.1, " + string.Join(", ", Enumerable.Repeat("10.0.0.2", ClientAddress.MaxHops));
        Assert.That(ClientAddress.Resolve("10.0.0.1", TestHeaders.Parse("x-forwarded-for: " + chain), Proxies), Is.EqualTo("10.0.0.2"));
    }

    [TestCase("", "")]
    [TestCase("testclient", "testclient")]
    public void Resolve_PeerNotAnAddress_KeptAsGiven(string peer, string expected) =>
        Assert.That(ClientAddress.Resolve(peer, TestHeaders.Parse("x-forwarded-for: 198.51.100.1"), TrustedProxies.Parse("0.0.0.0/0")), Is.EqualTo(expected));

    [Test]
    public void Resolve_PeerHugeText_Truncated() =>
        Assert.That(ClientAddress.Resolve(new string('x', 5000), RequestHeaders.None, Proxies), Has.Length.EqualTo(64));

    [Test]
    public void Resolve_ValueWithNextLine_ReadAsOneValue()
    {
        // 0x85 (NEL as latin-1) is no separator: the hop "6.6.6.6\x85" is no address, so the walk stops after 10.0.0.9.
        var headers = RequestHeaders.FromPairs(["x-forwarded-for", "6.6.6.6\u0085, 10.0.0.9"]);
        Assert.That(ClientAddress.Resolve("127.0.0.1", headers, TrustedProxies.Parse("127.0.0.1")), Is.EqualTo("10.0.0.9"));
    }

    [Test]
    public void Resolve_ForwardedForInsideAnotherHeader_Ignored()
    {
        var headers = RequestHeaders.FromPairs(["prefer", "x\u0085x-forwarded-for: 6.6.6.6"]);
        Assert.That(ClientAddress.Resolve("127.0.0.1", headers, TrustedProxies.Parse("127.0.0.1")), Is.EqualTo("127.0.0.1"));
    }
}
