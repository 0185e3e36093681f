using JobTracker.Configuration;
using JobTracker.Tests.Support;
using JobTracker.Webhooks;

namespace JobTracker.Tests.Webhooks;

public sealed class WebhookOptionsLoaderTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Test]
    public void Load_AllowAndSecret_Enabled()
    {
        var (options, log) = Load(("TRACKER_WEBHOOK_ALLOW", "127.0.0.1"), ("TRACKER_WEBHOOK_SECRET", Secret));

        Assert.That(options.Enabled, Is.True);
        Assert.That(options.Retries.Delays, Is.EqualTo(WebhookRetrySchedule.Default.Delays));
        Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(15)));
        Assert.That(log.Lines, Is.Empty);
    }

    [Test]
    public void Load_Nothing_OffAndSilent()
    {
        var (options, log) = Load();

        Assert.That(options.Enabled, Is.False);
        Assert.That(log.Lines, Is.Empty);
    }

    [Test]
    public void Load_AllowWithoutSecret_OffWithOneLineSayingHowToMakeOne()
    {
        var (options, log) = Load(("TRACKER_WEBHOOK_ALLOW", "127.0.0.1"));

        Assert.That(options.Enabled, Is.False);
        Assert.That(log.Lines, Has.Count.EqualTo(1));
        Assert.That(log.Lines[0], Does.Contain("webhooks stay off").And.Contain("TRACKER_WEBHOOK_SECRET").And.Contain("whsec_"));
    }

    [Test]
    public void Load_InvalidSecret_OffWithoutEchoingTheSecret()
    {
        var (options, log) = Load(("TRACKER_WEBHOOK_ALLOW", "127.0.0.1"), ("TRACKER_WEBHOOK_SECRET", "hunter2-is-my-secret"));

        Assert.That(options.Enabled, Is.False);
        Assert.That(log.Lines, Has.Count.EqualTo(1));
        Assert.That(log.Lines[0], Does.Contain("not a valid secret").And.Not.Contain("hunter2"));
    }

    [Test]
    public void Load_SecretWithoutAllow_OffWithOneLine()
    {
        var (options, log) = Load(("TRACKER_WEBHOOK_SECRET", Secret));

        Assert.That(options.Enabled, Is.False);
        Assert.That(log.Lines, Has.Count.EqualTo(1));
        Assert.That(log.Lines[0], Does.Contain("TRACKER_WEBHOOK_ALLOW"));
    }

    [Test]
    public void Load_InvalidAllowEntry_LoggedAndIgnored()
    {
        var (options, log) = Load(("TRACKER_WEBHOOK_ALLOW", "127.0.0.1 not_a_host!"), ("TRACKER_WEBHOOK_SECRET", Secret));

        Assert.That(options.Enabled, Is.True);
        Assert.That(options.Allow.Count, Is.EqualTo(1));
        Assert.That(log.Lines, Has.One.Contains("\"not_a_host!\" is neither"));
    }

    [Test]
    public void Load_RetrySeconds_ReplaceTheSchedule()
    {
        var (options, _) = Load(("TRACKER_WEBHOOK_ALLOW", "127.0.0.1"), ("TRACKER_WEBHOOK_SECRET", Secret), ("TRACKER_WEBHOOK_RETRY_SECONDS", "1,2"));

        Assert.That(options.Retries.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }));
    }

    [Test]
    public void Load_InvalidRetrySeconds_DefaultWithOneLine()
    {
        var (options, log) = Load(("TRACKER_WEBHOOK_ALLOW", "127.0.0.1"), ("TRACKER_WEBHOOK_SECRET", Secret), ("TRACKER_WEBHOOK_RETRY_SECONDS", "soon"));

        Assert.That(options.Retries.Delays, Is.EqualTo(WebhookRetrySchedule.Default.Delays));
        Assert.That(log.Lines, Has.One.Contains("TRACKER_WEBHOOK_RETRY_SECONDS=\"soon\""));
    }

    private static (WebhookOptions Options, RecordingLog Log) Load(params (string Name, string Value)[] variables)
    {
        var log = new RecordingLog();
        var environment = EnvironmentLayer.FromVariables(variables.Select(v => KeyValuePair.Create(v.Name, (string?)v.Value)));
        return (WebhookOptionsLoader.Load(environment, log), log);
    }
}
