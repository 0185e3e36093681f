using System.Text;
using System.Text.Json;
using JobTracker.Security;

namespace JobTracker.Tests.Security;

public class BasicCredentialsTests
{
    // Every Authorization value with what FastAPI's HTTPBasic, which A1111 uses, makes of it (fastapi_basic_vectors.py).
    private static IEnumerable<TestCaseData> FastApiVectors()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Security", "FastApiBasicVectors.json");
        foreach (var pair in JsonSerializer.Deserialize<string[][]>(File.ReadAllText(path))!)
        {
            yield return new TestCaseData(pair[0], pair[1]).SetArgDisplayNames(Printable(pair[0]));
        }
    }

    [TestCaseSource(nameof(FastApiVectors))]
    public void Parse_WhatFastApiMakesOfIt_Same(string header, string fastApi)
    {
        var credentials = BasicCredentials.Parse(header);
        var ours = !BasicCredentials.IsBasic(header) ? "not-authenticated"
            : credentials is null ? "invalid"
            : "ok:" + credentials.User + ":" + credentials.Password;
        Assert.That(ours, Is.EqualTo(fastApi));
    }

    [Test]
    public void Parse_TokenBehindJunk_SameUserAsA1111()
    {
        var token = Convert.ToBase64String("bob:hunter2"u8.ToArray());
        Assert.That(BasicCredentials.Parse("Basic !" + token), Is.EqualTo(new BasicCredentials("bob", "hunter2")));
    }

    [Test]
    public void Parse_PasswordWithColons_SplitAtFirst()
    {
        Assert.That(BasicCredentials.Parse(Header("bob:pa:ss:")), Is.EqualTo(new BasicCredentials("bob", "pa:ss:")));
    }

    [Test]
    public void Parse_NonAsciiNames_RefusedAsA1111Does()
    {
        Assert.That(BasicCredentials.Parse(Header("josé:ñ")), Is.Null);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Bearer abc")]
    [TestCase(" Basic dTpw")]
    [TestCase("Basic\tdTpw")]
    public void IsBasic_NotTheBasicScheme_False(string? header) => Assert.That(BasicCredentials.IsBasic(header), Is.False);

    [TestCase("Basic")]
    [TestCase("Basic !!!notbase64")]
    [TestCase("Basic dXNlcg==")]
    [TestCase("Basic dTpw\u00e9")]
    public void Parse_BasicButRefused_Null(string header)
    {
        Assert.Multiple(() =>
        {
            Assert.That(BasicCredentials.IsBasic(header), Is.True);
            Assert.That(BasicCredentials.Parse(header), Is.Null);
        });
    }

    private static string Header(string userPass) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userPass));

    private static string Printable(string text) =>
        string.Concat((text.Length > 60 ? text[..60] + "..." : text).Select(c => c is < ' ' or > '~' ? $"\\x{(int)c:x2}" : c.ToString()));
}
