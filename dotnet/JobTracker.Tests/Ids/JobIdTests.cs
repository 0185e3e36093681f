using JobTracker.Ids;

namespace JobTracker.Tests.Ids;

public class JobIdTests
{
    [TestCase("A3f9K2xY")]
    [TestCase("00000000")]
    [TestCase("zzzzzzzz")]
    public void IsWellFormed_EightAsciiLettersOrDigits_True(string id) => Assert.That(JobId.IsWellFormed(id), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("A3f9K2x")]
    [TestCase("A3f9K2xYZ")]
    [TestCase("../../etc")]
    [TestCase("%2e%2e%2f")]
    [TestCase("A3f9K2x-")]
    [TestCase("A3f9K2xé")]
    [TestCase("Ａ3f9K2xY")]
    [TestCase("A3f9K2x\0")]
    public void IsWellFormed_AnythingElse_False(string? id) => Assert.That(JobId.IsWellFormed(id), Is.False);

    [Test]
    public void Sanitize_HostileText_KeepsOnlyLettersAndDigitsAndCapsLength()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JobId.Sanitize("../../etc/passwd"), Is.EqualTo("??????etc?passwd"));
            Assert.That(JobId.Sanitize("../../etc/passwd/x"), Is.EqualTo("??????etc?passwd..."));
            Assert.That(JobId.Sanitize("<script>"), Is.EqualTo("?script?"));
            Assert.That(JobId.Sanitize(new string('a', 1000)), Has.Length.EqualTo(JobId.MaxEchoLength + 3));
            Assert.That(JobId.Sanitize(null), Is.Empty);
        });
    }
}
