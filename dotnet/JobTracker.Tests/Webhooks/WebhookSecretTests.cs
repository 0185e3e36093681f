using JobTracker.Webhooks;

namespace JobTracker.Tests.Webhooks;

public sealed class WebhookSecretTests
{
    [Test]
    public void TryParse_WhsecAndBase64Of32Bytes_KeyIsTheDecodedBytes()
    {
        var bytes = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        Assert.That(WebhookSecret.TryParse("whsec_" + Convert.ToBase64String(bytes), out var secret, out _), Is.True);
        Assert.That(secret!.Key.ToArray(), Is.EqualTo(bytes));
    }

    [TestCase(null, "does not start with")]
    [TestCase("", "does not start with")]
    [TestCase("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "does not start with")]
    [TestCase("whsec_not base64!", "not base64")]
    [TestCase("whsec_AAECAwQFBgcICQoLDA0ODw==", "16 bytes")]
    public void TryParse_Invalid_RefusedWithTheReasonButNotTheValue(string? text, string reason)
    {
        Assert.That(WebhookSecret.TryParse(text, out var secret, out var problem), Is.False);
        Assert.That(secret, Is.Null);
        Assert.That(problem, Does.Contain(reason));
        if (!string.IsNullOrEmpty(text))
        {
            Assert.That(problem, Does.Not.Contain(text));
        }
    }

    [Test]
    public void TryParse_MoreThan64Bytes_Refused()
    {
        Assert.That(WebhookSecret.TryParse("whsec_" + Convert.ToBase64String(new byte[65]), out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain("65 bytes"));
        Assert.That(WebhookSecret.TryParse("whsec_" + Convert.ToBase64String(new byte[64]), out _, out _), Is.True);
        Assert.That(WebhookSecret.TryParse("whsec_" + Convert.ToBase64String(new byte[24]), out _, out _), Is.True);
    }
}
