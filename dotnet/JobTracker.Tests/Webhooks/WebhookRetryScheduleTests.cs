using JobTracker.Webhooks;

namespace JobTracker.Tests.Webhooks;

public sealed class WebhookRetryScheduleTests
{
    [Test]
    public void Default_5s30s2min10min1h6h_SevenAttempts()
    {
        var schedule = WebhookRetrySchedule.Default;

        Assert.That(schedule.Delays.Select(d => d.TotalSeconds), Is.EqualTo(new[] { 5, 30, 120, 600, 3600, 21600 }));
        Assert.That(schedule.MaxAttempts, Is.EqualTo(7));
        Assert.That(schedule.DelayAfter(1), Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(schedule.DelayAfter(6), Is.EqualTo(TimeSpan.FromHours(6)));
        Assert.That(schedule.DelayAfter(7), Is.Null);
    }

    [TestCase("1", new[] { 1 })]
    [TestCase("1, 2,3", new[] { 1, 2, 3 })]
    [TestCase("604800", new[] { 604800 })]
    public void TryParse_WholeSeconds_Accepted(string text, int[] seconds)
    {
        Assert.That(WebhookRetrySchedule.TryParse(text, out var schedule), Is.True);
        Assert.That(schedule!.Delays.Select(d => (int)d.TotalSeconds), Is.EqualTo(seconds));
    }

    [TestCase("")]
    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("1.5")]
    [TestCase("5,,30")]
    [TestCase("604801")]
    [TestCase("1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1")]
    public void TryParse_NotAListOfWholeSeconds_Refused(string text) =>
        Assert.That(WebhookRetrySchedule.TryParse(text, out _), Is.False);
}
