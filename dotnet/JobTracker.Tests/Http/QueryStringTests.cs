using JobTracker.Http;

namespace JobTracker.Tests.Http;

public class QueryStringTests
{
    [Test]
    public void Parse_Pairs_Decoded()
    {
        var query = QueryString.Parse("ip=192.168.1.100&status=completed&prompt=a+cat%21&empty=&flag");
        Assert.Multiple(() =>
        {
            Assert.That(query["ip"], Is.EqualTo("192.168.1.100"));
            Assert.That(query["status"], Is.EqualTo("completed"));
            Assert.That(query["prompt"], Is.EqualTo("a cat!"));
            Assert.That(query["empty"], Is.Empty);
            Assert.That(query["flag"], Is.Empty);
            Assert.That(query["missing"], Is.Null);
        });
    }

    [Test]
    public void Parse_RepeatedName_LastWins() => Assert.That(QueryString.Parse("limit=5&limit=7")["limit"], Is.EqualTo("7"));

    [Test]
    public void Parse_EncodedNameAndLeadingQuestionMark_Decoded() =>
        Assert.That(QueryString.Parse("?%69p=%3A%3A1")["ip"], Is.EqualTo("::1"));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("&&&")]
    public void Parse_Nothing_Empty(string? query) => Assert.That(QueryString.Parse(query)["ip"], Is.Null);

    [Test]
    public void Parse_BrokenPercentEncoding_KeptLiterally() => Assert.That(QueryString.Parse("ip=%zz%")["ip"], Is.EqualTo("%zz%"));
}
