using JobTracker.Http;

namespace JobTracker.Tests.Http;

public class ReplyHeadersTests
{
    [Test]
    public void Pairs_are_laid_out_name_then_value_in_order()
    {
        Assert.That(ReplyHeaders.Of(("ETag", "\"a\""), ("Cache-Control", "private, max-age=1")),
            Is.EqualTo(new[] { "ETag", "\"a\"", "Cache-Control", "private, max-age=1" }));
    }

    [Test]
    public void A_json_reply_starts_with_its_content_type_and_adding_headers_leaves_the_first_array_as_it_was()
    {
        var plain = ReplyHeaders.Json;
        var json = ReplyHeaders.JsonWith(("X-Job-ID", "AbCd1234"));
        var more = ReplyHeaders.With(json, ("Retry-After", "2"));
        Assert.Multiple(() =>
        {
            Assert.That(json, Is.EqualTo(new[] { "Content-Type", "application/json", "X-Job-ID", "AbCd1234" }));
            Assert.That(more, Is.EqualTo(new[] { "Content-Type", "application/json", "X-Job-ID", "AbCd1234", "Retry-After", "2" }));
            Assert.That(plain, Is.Not.SameAs(ReplyHeaders.Json), "each reply gets its own array");
        });
    }
}
