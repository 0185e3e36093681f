using JobTracker.Http;

namespace JobTracker.Tests.Http;

public class HeaderLinesTests
{
    [Test]
    public void Find_NamedHeader_TrimmedValue()
    {
        const string headers = "x-forwarded-for: 1.2.3.4\nauthorization:  Basic abc \nprefer: respond-async";
        Assert.Multiple(() =>
        {
            Assert.That(HeaderLines.Find(headers, "authorization"), Is.EqualTo("Basic abc"));
            Assert.That(HeaderLines.Find(headers, "Authorization"), Is.EqualTo("Basic abc"));
            Assert.That(HeaderLines.Find(headers, "prefer"), Is.EqualTo("respond-async"));
            Assert.That(HeaderLines.Find(headers, "x-job-id"), Is.Null);
        });
    }

    [Test]
    public void Find_ValueWithColonsAndCrLf_Kept() =>
        Assert.That(HeaderLines.Find("forwarded: for=\"[::1]:80\"\r\nx: y", "forwarded"), Is.EqualTo("for=\"[::1]:80\""));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("garbage without colon")]
    [TestCase(": no name")]
    public void Find_NothingUsable_Null(string? headers) => Assert.That(HeaderLines.Find(headers, "authorization"), Is.Null);

    [Test]
    public void Join_Lines_NewLineSeparated() =>
        Assert.That(HeaderLines.Join("A: 1", "B: 2"), Is.EqualTo("A: 1\nB: 2"));

    [Test]
    public void FindAll_RepeatedHeader_AllValuesInOrder() =>
        Assert.That(HeaderLines.FindAll("X-Forwarded-For: a\nauthorization: z\nx-forwarded-for:  b ", "x-forwarded-for"), Is.EqualTo(new[] { "a", "b" }));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("authorization: z")]
    public void FindAll_Absent_Empty(string? headers) => Assert.That(HeaderLines.FindAll(headers, "forwarded"), Is.Empty);
}
