using JobTracker.Security;

namespace JobTracker.Tests.Security;

public class IpAddressTextTests
{
    [TestCase("192.0.2.7", "192.0.2.7")]
    [TestCase(" 192.0.2.7 ", "192.0.2.7")]
    [TestCase("2001:DB8::1", "2001:db8::1")]
    [TestCase("[2001:db8::1]", "2001:db8::1")]
    [TestCase("::ffff:192.0.2.7", "192.0.2.7")]
    [TestCase("fe80::1%2", "fe80::1")]
    public void TryParse_Addresses_Normalized(string text, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(IpAddressText.TryParse(text, out var address), Is.True);
            Assert.That(address.ToString(), Is.EqualTo(expected));
        });
    }

    [TestCase("")]
    [TestCase("1")]
    [TestCase("10.1")]
    [TestCase("0x7f.0.0.1")]
    [TestCase("127.1")]
    [TestCase("1.2.3.4.5")]
    [TestCase("1.2.3.4:80")]
    [TestCase("unknown")]
    [TestCase("_hidden")]
    [TestCase("999.1.1.1")]
    [TestCase("[::1")]
    [TestCase("١٢٧.0.0.1")]
    public void TryParse_NotAnAddress_False(string text) => Assert.That(IpAddressText.TryParse(text, out _), Is.False);

    [Test]
    public void TryParse_VeryLong_False() => Assert.That(IpAddressText.TryParse(new string('1', 10_000), out _), Is.False);
}
