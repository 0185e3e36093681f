using JobTracker.Recovery;

namespace JobTracker.Tests.Recovery;

public class LiveStateTests
{
    [Test]
    public void Parse_EveryField_Read() =>
        Assert.That(
            LiveState.Parse("queue_index=2;current=1;job_count=3;job_no=1;sampling_step=5;sampling_steps=20;time_start=1736712000.5"),
            Is.EqualTo(new LiveState(2, true, 3, 1, 5, 20, 1736712000.5)));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Parse_Nothing_Unknown(string? text) => Assert.That(LiveState.Parse(text), Is.EqualTo(LiveState.Unknown));

    [Test]
    public void Parse_GarbageAndUnknownNames_Ignored() =>
        Assert.That(
            LiveState.Parse("queue_index=x;;=3;current;job_count=9999999999;time_start=nan;other=1;sampling_steps=7"),
            Is.EqualTo(LiveState.Unknown with { SamplingSteps = 7 }));
}
