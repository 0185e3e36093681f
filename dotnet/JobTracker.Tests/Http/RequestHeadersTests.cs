using JobTracker.Http;

namespace JobTracker.Tests.Http;

public class RequestHeadersTests
{
    [Test]
    public void Find_FirstOfTheName_CaseInsensitiveAndUntrimmed()
    {
        var headers = RequestHeaders.FromPairs(["X-Job-ID", " AAAAAAAA", "x-job-id", "BBBBBBBB"]);
        Assert.Multiple(() =>
        {
            Assert.That(headers.Find("x-job-id"), Is.EqualTo(" AAAAAAAA"));
            Assert.That(headers.FindAll("X-JOB-ID"), Is.EqualTo(new[] { " AAAAAAAA", "BBBBBBBB" }));
            Assert.That(headers.Find("prefer"), Is.Null);
            Assert.That(headers.Count, Is.EqualTo(2));
        });
    }

    [TestCase("\u0085")]
    [TestCase("\u2028")]
    [TestCase("\u2029")]
    [TestCase("\r")]
    [TestCase("\f")]
    [TestCase("\n")]
    public void Find_ValueWithALineBreakOfAnyKind_OneValue(string separator)
    {
        var headers = RequestHeaders.FromPairs(["prefer", "x" + separator + "x-forwarded-for: 6.6.6.6", "x-job-id", "Nel85AAA" + separator + "xyz"]);
        Assert.Multiple(() =>
        {
            Assert.That(headers.Find("x-forwarded-for"), Is.Null);
            Assert.That(headers.Find("x-job-id"), Is.EqualTo("Nel85AAA" + separator + "xyz"));
        });
    }

    [Test]
    public void FromPairs_NullOrEmpty_None()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RequestHeaders.FromPairs(null).Count, Is.Zero);
            Assert.That(RequestHeaders.FromPairs([]).Find("authorization"), Is.Null);
        });
    }

    [Test]
    public void FromPairs_OddOrNullEntries_Refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => RequestHeaders.FromPairs(["authorization"]), Throws.ArgumentException);
            Assert.That(() => RequestHeaders.FromPairs(["authorization", null!]), Throws.ArgumentException);
        });
    }
}
