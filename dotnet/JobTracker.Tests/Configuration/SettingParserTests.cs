using JobTracker.Configuration;

namespace JobTracker.Tests.Configuration;

public class SettingParserTests
{
    [TestCase("1")]
    [TestCase("true")]
    [TestCase("TRUE")]
    [TestCase("yes")]
    [TestCase("Yes")]
    [TestCase("on")]
    [TestCase(" ON ")]
    [TestCase("True")]
    public void TryParseSwitch_OnSpelling_True(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(SettingParser.TryParseSwitch(text, out var value), Is.True);
            Assert.That(value, Is.True);
        });
    }

    [TestCase("0")]
    [TestCase("false")]
    [TestCase("False")]
    [TestCase("no")]
    [TestCase("NO")]
    [TestCase("off")]
    [TestCase("\toff\n")]
    public void TryParseSwitch_OffSpelling_ParsedAsFalse(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(SettingParser.TryParseSwitch(text, out var value), Is.True);
            Assert.That(value, Is.False);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("2")]
    [TestCase("enabled")]
    [TestCase("y")]
    [TestCase("tru")]
    public void TryParseSwitch_OtherText_Invalid(string? text) => Assert.That(SettingParser.TryParseSwitch(text, out _), Is.False);

    [TestCase("0", 0)]
    [TestCase("30", 30)]
    [TestCase(" 7 ", 7)]
    [TestCase("2147483647", int.MaxValue)]
    public void TryParseRetentionDays_WholeDays_Parsed(string text, int expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(SettingParser.TryParseRetentionDays(text, out var days), Is.True);
            Assert.That(days, Is.EqualTo(expected));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("abc")]
    [TestCase("-1")]
    [TestCase("+3")]
    [TestCase("1.5")]
    [TestCase("1e3")]
    [TestCase("2147483648")]
    [TestCase("30 days")]
    public void TryParseRetentionDays_OtherText_Invalid(string? text) =>
        Assert.That(SettingParser.TryParseRetentionDays(text, out _), Is.False);
}
