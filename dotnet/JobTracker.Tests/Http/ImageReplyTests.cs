using System.Buffers;
using JobTracker.Http;
using JobTracker.Images;
using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Http;

public class ImageReplyTests
{
    private TempDirectory _directory = null!;
    private OutputFolder _output = null!;
    private JobRecord _job = null!;
    private byte[] _png = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = new TempDirectory();
        _output = new OutputFolder(_directory.Path);
        _png = TestImages.Png(5);
        File.WriteAllBytes(Path.Combine(_directory.Path, "Abcdefg1-0.png"), _png);
        File.WriteAllBytes(Path.Combine(_directory.Path, "secret.txt"), [1, 2, 3]);
        _job = new JobRecord
        {
            Id = "Abcdefg1",
            Status = JobStatus.Completed,
            Timestamp = 1,
            Created = 1,
            Images = [new StoredImage("Abcdefg1-0.png", "image/png"), new StoredImage("../secret.txt", "text/plain"), new StoredImage("Abcdefg1-2.png", "image/png")],
        };
    }

    [TearDown]
    public void TearDown() => _directory.Dispose();

    [Test]
    public void Write_StoredImage_BytesTypeEtagCache()
    {
        var body = new ArrayBufferWriter<byte>();
        var head = ImageReply.Write(_job, "0", null, _output, body);
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(200));
            Assert.That(body.WrittenSpan.ToArray(), Is.EqualTo(_png));
            Assert.That(ReplyHeaderValues.Find(head.Headers, "content-type"), Is.EqualTo("image/png"));
            Assert.That(ReplyHeaderValues.Find(head.Headers, "etag"), Does.Match("^\"[0-9a-f]{32}\"$"));
            Assert.That(ReplyHeaderValues.Find(head.Headers, "cache-control"), Does.Contain("max-age"));
        });
    }

    [Test]
    public void Write_MatchingIfNoneMatch_304WithoutBody()
    {
        var etag = ReplyHeaderValues.Find(ImageReply.Write(_job, "0", null, _output, new ArrayBufferWriter<byte>()).Headers, "etag")!;
        foreach (var header in new[] { etag, "W/" + etag, "\"other\", " + etag, "*" })
        {
            var body = new ArrayBufferWriter<byte>();
            Assert.That(ImageReply.Write(_job, "0", header, _output, body).Status, Is.EqualTo(304), header);
            Assert.That(body.WrittenCount, Is.Zero);
        }

        Assert.That(ImageReply.Write(_job, "0", "\"other\"", _output, new ArrayBufferWriter<byte>()).Status, Is.EqualTo(200));
    }

    [TestCase("-1", 400)]
    [TestCase("x", 400)]
    [TestCase("", 400)]
    [TestCase(" 0", 400)]
    [TestCase("+0", 400)]
    [TestCase("99999999999", 404)]
    [TestCase("00", 400)]
    [TestCase("01", 400)]
    [TestCase("0\0", 400)]
    [TestCase("0\0\0", 400)]
    [TestCase("\00", 400)]
    [TestCase("0 ", 400)]
    [TestCase("\u0660", 400)]
    [TestCase("\uFF10", 400)]
    [TestCase("3", 404)]
    [TestCase("1", 404)]
    [TestCase("2", 404)]
    public void Write_BadIndexOrFileOutsideOrMissing_JsonError(string index, int status)
    {
        var body = new ArrayBufferWriter<byte>();
        var head = ImageReply.Write(_job, index, null, _output, body);
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(status));
            Assert.That(head.Headers, Is.EqualTo(new[] { "Content-Type", "application/json" }));
            Assert.That(Utf8.Json(body).GetProperty("detail").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public void Write_LegacyJob_404() =>
        Assert.That(ImageReply.Write(_job with { LegacyOutputPaths = ["/etc/passwd"] }, "0", null, _output, new ArrayBufferWriter<byte>()).Status, Is.EqualTo(404));
}
