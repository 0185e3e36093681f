using JobTracker.Recovery;

namespace JobTracker.Tests.Recovery;

public class PreferHeaderTests
{
    [TestCase("respond-async")]
    [TestCase("Respond-Async")]
    [TestCase("  respond-async  ")]
    [TestCase("return=minimal, respond-async")]
    [TestCase("respond-async; foo=bar")]
    [TestCase("wait=10, respond-async, handling=lenient")]
    public void AsksRespondAsync_Present_True(string prefer) => Assert.That(PreferHeader.AsksRespondAsync(prefer), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("return=minimal")]
    [TestCase("respond-asynchronously")]
    [TestCase("x-respond-async")]
    [TestCase("handling=respond-async")]
    public void AsksRespondAsync_Absent_False(string? prefer) => Assert.That(PreferHeader.AsksRespondAsync(prefer), Is.False);
}
