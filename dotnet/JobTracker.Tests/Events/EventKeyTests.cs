using JobTracker.Events;

namespace JobTracker.Tests.Events;

public class EventKeyTests
{
    [TestCase("q")]
    [TestCase("q7")]
    [TestCase("q1")]
    [TestCase("p0")]
    [TestCase("p1250")]
    [TestCase("p10000")]
    [TestCase("f")]
    public void TryParse_WhatToStringWrote_SameKey(string text)
    {
        Assert.That(EventKey.TryParse(text, out var key), Is.True);
        Assert.That(key.ToString(), Is.EqualTo(text));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("x")]
    [TestCase("q0")]
    [TestCase("q-1")]
    [TestCase("q01")]
    [TestCase("p10001")]
    [TestCase("p")]
    [TestCase("p 5")]
    [TestCase("f1")]
    [TestCase("q99999999999")]
    [TestCase("p١")]
    public void TryParse_AnythingElse_False(string? text) => Assert.That(EventKey.TryParse(text, out _), Is.False);

    [Test]
    public void Order_FollowsTheJobsLife()
    {
        var life = new[] { "q", "q12", "q3", "q1", "p0", "p1", "p9999", "p10000", "f" }.Select(Parse).ToArray();
        Assert.Multiple(() =>
        {
            for (var i = 1; i < life.Length; i++)
            {
                Assert.That(life[i].IsAfter(life[i - 1]), Is.True, $"{life[i]} after {life[i - 1]}");
                Assert.That(life[i - 1].IsAfter(life[i]), Is.False, $"{life[i - 1]} not after {life[i]}");
                Assert.That(life[i].IsAfter(life[i]), Is.False, $"{life[i]} not after itself");
            }

            Assert.That(life[0].IsAfter(null), Is.True);
        });
    }

    [Test]
    public void Running_RoundsToTenThousandthsAndClamps() => Assert.Multiple(() =>
    {
        Assert.That(EventKey.Running(0.12345).ToString(), Is.EqualTo("p1235"));
        Assert.That(EventKey.Running(1.5).ToString(), Is.EqualTo("p10000"));
        Assert.That(EventKey.Running(-1).ToString(), Is.EqualTo("p0"));
    });

    private static EventKey Parse(string text) => EventKey.TryParse(text, out var key) ? key : throw new AssertionException(text);
}
