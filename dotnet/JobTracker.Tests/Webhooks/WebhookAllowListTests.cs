using System.Net;
using JobTracker.Webhooks;

namespace JobTracker.Tests.Webhooks;

public sealed class WebhookAllowListTests
{
    private static readonly WebhookAllowList List =
        WebhookAllowList.Parse("127.0.0.1, 192.168.1.0/24 fd00::/8;hooks.example.com\t*.example.org [::1]");

    [Test]
    public void Parse_AddressesRangesNamesAndPatterns_AllCountedNoneInvalid()
    {
        Assert.That(List.Count, Is.EqualTo(6));
        Assert.That(List.InvalidEntries, Is.Empty);
    }

    [Test]
    public void Parse_EntriesThatAreNothing_CollectedAsInvalid()
    {
        var list = WebhookAllowList.Parse("10.0.0.0/33 bad_name! -dash.com 10.1 *.  ok.example.com");

        Assert.That(list.InvalidEntries, Is.EquivalentTo(new[] { "10.0.0.0/33", "bad_name!", "-dash.com", "10.1", "*." }));
        Assert.That(list.Count, Is.EqualTo(1));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Parse_Empty_AllowsNothing(string? text)
    {
        var list = WebhookAllowList.Parse(text);

        Assert.That(list.Count, Is.Zero);
        Assert.That(list.AllowsHost(new Uri("http://127.0.0.1/")), Is.False);
    }

    [TestCase("http://127.0.0.1:8080/hook", true)]
    [TestCase("http://127.0.0.2/hook", false)]
    [TestCase("http://192.168.1.77/hook", true)]
    [TestCase("http://192.168.2.1/hook", false)]
    [TestCase("http://[fd12::5]/hook", true)]
    [TestCase("http://[::1]:9000/hook", true)]
    [TestCase("http://[::ffff:127.0.0.1]/hook", true)]
    [TestCase("https://hooks.example.com/x", true)]
    [TestCase("https://HOOKS.Example.COM./x", true)]
    [TestCase("https://evil-hooks.example.com/x", false)]
    [TestCase("https://a.b.example.org/x", true)]
    [TestCase("https://example.org/x", false)]
    [TestCase("https://example.org.evil.net/x", false)]
    [TestCase("http://localhost/x", false)]
    [TestCase("http://2130706433/x", true)]
    public void AllowsHost_ByAddressRangeOrName(string url, bool allowed) =>
        Assert.That(List.AllowsHost(new Uri(url)), Is.EqualTo(allowed));

    [TestCase("127.0.0.1", "127.0.0.1", true)]
    [TestCase("127.0.0.1", "127.0.0.2", false)]
    [TestCase("192.168.1.5", "192.168.1.5", true)]
    [TestCase("::1", "::1", true)]
    public void AllowsConnection_AddressLiteral_OnlyToItselfAndOnlyWhenListed(string host, string address, bool allowed) =>
        Assert.That(List.AllowsConnection(host, IPAddress.Parse(address)), Is.EqualTo(allowed));

    [TestCase("hooks.example.com", "93.184.216.34", true)]
    [TestCase("hooks.example.com", "2606:2800:220:1::1", true)]
    [TestCase("hooks.example.com", "127.0.0.5", false)]
    [TestCase("hooks.example.com", "10.0.0.8", false)]
    [TestCase("hooks.example.com", "169.254.169.254", false)]
    [TestCase("hooks.example.com", "100.64.0.1", false)]
    [TestCase("hooks.example.com", "::", false)]
    [TestCase("hooks.example.com", "127.0.0.1", true)]
    [TestCase("hooks.example.com", "fe80::1", false)]
    [TestCase("hooks.example.com", "::ffff:10.0.0.1", false)]
    [TestCase("hooks.example.com", "192.168.1.9", true)]
    [TestCase("hooks.example.com", "fd00::9", true)]
    [TestCase("other.example.com", "93.184.216.34", false)]
    public void AllowsConnection_ListedName_PublicAddressesOrListedRangesOnly(string host, string address, bool allowed) =>
        Assert.That(List.AllowsConnection(host, IPAddress.Parse(address)), Is.EqualTo(allowed));
}
