using System.Text;
using JobTracker.Security;

namespace JobTracker.Tests.Security;

public class BasicCredentialsTests
{
    [Test]
    public void Parse_BasicHeader_UserAndPassword()
    {
        Assert.That(BasicCredentials.Parse(Header("alice:s3cret")), Is.EqualTo(new BasicCredentials("alice", "s3cret")));
    }

    [Test]
    public void Parse_PasswordWithColons_SplitAtFirst()
    {
        Assert.That(BasicCredentials.Parse(Header("bob:pa:ss:")), Is.EqualTo(new BasicCredentials("bob", "pa:ss:")));
    }

    [Test]
    public void Parse_SchemeCaseAndSpaces_Accepted()
    {
        Assert.That(BasicCredentials.Parse("  basic   " + Convert.ToBase64String("u:p"u8.ToArray()) + " "), Is.EqualTo(new BasicCredentials("u", "p")));
    }

    [Test]
    public void Parse_Utf8Names_Decoded()
    {
        Assert.That(BasicCredentials.Parse(Header("josé:ñ")), Is.EqualTo(new BasicCredentials("josé", "ñ")));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Basic")]
    [TestCase("Basic ")]
    [TestCase("Bearer abc")]
    [TestCase("Basic !!!notbase64")]
    [TestCase("Basic dXNlcg==")]
    public void Parse_MissingOrInvalid_Null(string? header) => Assert.That(BasicCredentials.Parse(header), Is.Null);

    [Test]
    public void Parse_InvalidUtf8_Null() =>
        Assert.That(BasicCredentials.Parse("Basic " + Convert.ToBase64String([0x61, 0x3A, 0xC3, 0x28])), Is.Null);

    private static string Header(string userPass) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userPass));
}
