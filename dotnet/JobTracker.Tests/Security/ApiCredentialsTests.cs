using System.Text;
using JobTracker.Security;

namespace JobTracker.Tests.Security;

public class ApiCredentialsTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Check_NoApiAuth_Allowed(string? apiAuth)
    {
        var credentials = ApiCredentials.Parse(apiAuth);
        Assert.Multiple(() =>
        {
            Assert.That(credentials.IsRequired, Is.False);
            Assert.That(credentials.Check(null), Is.EqualTo(AuthOutcome.Allowed));
        });
    }

    [Test]
    public void Check_MissingHeader_NotAuthenticated() =>
        Assert.That(ApiCredentials.Parse("alice:pw").Check(null), Is.EqualTo(AuthOutcome.NotAuthenticated));

    [TestCase("Bearer token")]
    [TestCase(" Basic YWxpY2U6cHc=")]
    public void Check_NotBasic_NotAuthenticated(string header) =>
        Assert.That(ApiCredentials.Parse("alice:pw").Check(header), Is.EqualTo(AuthOutcome.NotAuthenticated));

    [TestCase("Basic ###")]
    [TestCase("Basic YWxpY2U")]
    public void Check_BasicButUndecodable_IncorrectCredentials(string header) =>
        Assert.That(ApiCredentials.Parse("alice:pw").Check(header), Is.EqualTo(AuthOutcome.IncorrectCredentials));

    [Test]
    public void Check_TokenBehindCharactersPythonSkips_Allowed() =>
        Assert.That(ApiCredentials.Parse("alice:pw").Check("Basic !YWxp*Y2U6cHc="), Is.EqualTo(AuthOutcome.Allowed));

    [TestCase("alice:wrong")]
    [TestCase("mallory:pw")]
    [TestCase("alice:")]
    [TestCase("ALICE:pw")]
    [TestCase("alice:pw2")]
    public void Check_WrongUserOrPassword_Incorrect(string userPass) =>
        Assert.That(ApiCredentials.Parse("alice:pw,bob:x").Check(Header(userPass)), Is.EqualTo(AuthOutcome.IncorrectCredentials));

    [TestCase("alice:pw")]
    [TestCase("bob:x")]
    public void Check_RightCredentials_Allowed(string userPass) =>
        Assert.That(ApiCredentials.Parse("alice:pw,bob:x").Check(Header(userPass)), Is.EqualTo(AuthOutcome.Allowed));

    [Test]
    public void Check_PasswordContainingColon_Allowed()
    {
        var credentials = ApiCredentials.Parse("carol:a:b:c");
        Assert.Multiple(() =>
        {
            Assert.That(credentials.Check(Header("carol:a:b:c")), Is.EqualTo(AuthOutcome.Allowed));
            Assert.That(credentials.Check(Header("carol:a")), Is.EqualTo(AuthOutcome.IncorrectCredentials));
        });
    }

    [Test]
    public void Parse_BlankAndColonlessEntries_Ignored()
    {
        var credentials = ApiCredentials.Parse(",alice:pw,, ,nocolon,");
        Assert.Multiple(() =>
        {
            Assert.That(credentials.IgnoredEntries, Is.EqualTo(1));
            Assert.That(credentials.Check(Header("alice:pw")), Is.EqualTo(AuthOutcome.Allowed));
            Assert.That(credentials.Check(Header("nocolon:")), Is.EqualTo(AuthOutcome.IncorrectCredentials));
        });
    }

    [Test]
    public void Parse_RepeatedUser_LastPasswordWinsLikeA1111()
    {
        var credentials = ApiCredentials.Parse("alice:old,alice:new");
        Assert.Multiple(() =>
        {
            Assert.That(credentials.Check(Header("alice:new")), Is.EqualTo(AuthOutcome.Allowed));
            Assert.That(credentials.Check(Header("alice:old")), Is.EqualTo(AuthOutcome.IncorrectCredentials));
        });
    }

    [Test]
    public void Parse_EmptyPassword_Allowed() =>
        Assert.That(ApiCredentials.Parse("dave:").Check(Header("dave:")), Is.EqualTo(AuthOutcome.Allowed));

    [Test]
    public void Authenticate_RightCredentials_TellsTheUser()
    {
        var credentials = ApiCredentials.Parse("alice:pw,bob:with:colons");
        Assert.Multiple(() =>
        {
            Assert.That(credentials.Authenticate(Header("bob:with:colons"), out var user), Is.EqualTo(AuthOutcome.Allowed));
            Assert.That(user, Is.EqualTo("bob"));
            Assert.That(credentials.Authenticate(Header("bob:with"), out var wrong), Is.EqualTo(AuthOutcome.IncorrectCredentials));
            Assert.That(wrong, Is.Null);
            Assert.That(credentials.UserNames, Is.EquivalentTo(new[] { "alice", "bob" }));
        });
    }

    [Test]
    public void Authenticate_NoApiAuth_AllowedWithoutUser()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ApiCredentials.None.Authenticate(Header("alice:pw"), out var user), Is.EqualTo(AuthOutcome.Allowed));
            Assert.That(user, Is.Null);
        });
    }

    private static string Header(string userPass) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userPass));
}
