using JobTracker.Exchanges;

namespace JobTracker.Tests.Exchanges;

public class ConnectionPeerTests
{
    [TestCase("10.0.0.5", 51234, null, false, ExpectedResult = "10.0.0.5")]
    [TestCase("10.0.0.5", 51234, null, true, ExpectedResult = "10.0.0.5")]
    [TestCase("6.6.6.6", 0, null, true, ExpectedResult = "127.0.0.1")]
    [TestCase("6.6.6.6", 0, " 10.0.0.2 ", true, ExpectedResult = "10.0.0.2")]
    [TestCase("6.6.6.6", 0, "127.0.0.1,127.0.0.3", true, ExpectedResult = "")]
    [TestCase("6.6.6.6", 0, "*", true, ExpectedResult = "")]
    [TestCase("6.6.6.6", 0, "10.0.0.0/8", true, ExpectedResult = "")]
    [TestCase("6.6.6.6", 0, "10.0.0.2", false, ExpectedResult = "6.6.6.6")]
    [TestCase(null, -1, null, false, ExpectedResult = "")]
    public string Of_UvicornRewroteTheClientOnlyWithPortZeroAndXForwardedFor(string? host, int port, string? allowed, bool forwarded) =>
        ConnectionPeer.Of(host, port, allowed, forwarded);
}
