using JobTracker.Webhooks;

namespace JobTracker.Tests.Webhooks;

public sealed class WebhookUrlTests
{
    private static readonly WebhookAllowList Allow = WebhookAllowList.Parse("127.0.0.1 hooks.example.com");

    [TestCase("http://127.0.0.1:8000/done?token=abc")]
    [TestCase("https://hooks.example.com/job-ended")]
    public void TryAccept_HttpOrHttpsToAListedHost_Accepted(string text)
    {
        Assert.That(WebhookUrl.TryAccept(text, Allow, out var url, out var problem), Is.True, problem);
        Assert.That(url!.AbsoluteUri, Does.StartWith(text.Split('?')[0]));
    }

    [TestCase("", "1 to 2048 characters")]
    [TestCase("not a url", "not an absolute URL")]
    [TestCase("relative/path", "not an absolute URL")]
    [TestCase("/an/absolute/path", "http or https")]
    [TestCase("ftp://127.0.0.1/x", "http or https")]
    [TestCase("file:///etc/passwd", "http or https")]
    [TestCase("\\\\server\\share", "http or https")]
    [TestCase("gopher://127.0.0.1:70/", "http or https")]
    [TestCase("http://user:pass@127.0.0.1/x", "credentials")]
    [TestCase("http://user@127.0.0.1/x", "credentials")]
    [TestCase("http://10.0.0.1/x", "not one this server may send webhooks to")]
    [TestCase("http://169.254.169.254/latest/meta-data", "not one this server may send webhooks to")]
    [TestCase("http://localhost/x", "not one this server may send webhooks to")]
    public void TryAccept_Refused_WithAReason(string text, string reason)
    {
        Assert.That(WebhookUrl.TryAccept(text, Allow, out var url, out var problem), Is.False);
        Assert.That(url, Is.Null);
        Assert.That(problem, Does.Contain(reason));
    }

    [Test]
    public void TryAccept_LongerThan2048_Refused() =>
        Assert.That(WebhookUrl.TryAccept("http://127.0.0.1/" + new string('a', 2048), Allow, out _, out _), Is.False);
}
