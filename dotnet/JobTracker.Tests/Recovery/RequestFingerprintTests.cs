using JobTracker.Recovery;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Recovery;

public class RequestFingerprintTests
{
    [Test]
    public void Of_KnownInput_Sha256Hex() =>
        Assert.That(RequestFingerprint.Of(Utf8.Bytes("abc")), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));

    [Test]
    public void Of_SameJsonDifferentBytes_Differs() =>
        Assert.That(RequestFingerprint.Of(Utf8.Bytes("{\"a\":1}")), Is.Not.EqualTo(RequestFingerprint.Of(Utf8.Bytes("{\"a\": 1}"))));
}
