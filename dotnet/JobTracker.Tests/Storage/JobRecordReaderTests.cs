using System.Text.Json;
using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Storage;

public class JobRecordReaderTests
{
    private readonly JobRecordReader _reader = new();

    [Test]
    public void ReadLine_WrittenRecord_RoundTrips()
    {
        var job = Jobs.Record("AbCd1234", JobStatus.Completed, 1736726400.125) with
        {
            NegativePrompt = "n",
            User = "u",
            Error = "e",
            Images = [new StoredImage("AbCd1234-0.png", "image/png"), new StoredImage("AbCd1234-1.webp", "image/webp")],
            LegacyOutputPaths = ["/x/y.png"],
        };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        StoreRecordCodec.WriteRecord(buffer, job);
        var read = _reader.ReadLine(buffer.WrittenSpan);
        Assert.That(Jobs.Canonical(read.Job!), Is.EqualTo(Jobs.Canonical(job)));
    }

    [TestCase("AbCd1234-0.png|image/png,AbCd1234-1.webp|image/webp")]
    [TestCase("AbCd1234-0.png|image/png,other.png|image/png,AbCd1234-2.png|image/png")]
    [TestCase("mine.png|image/png,AbCd1234-1.png|image/png")]
    [TestCase("AbCd1234-0.png|image/jpeg,AbCd1234-1.png|image/png")]
    [TestCase("AbCd1234-0.bin|application/octet-stream,AbCd1234-1.jpg|image/jpeg,AbCd1234-2.png|text/plain")]
    [TestCase("AbCd1234-1.png|image/png")]
    [TestCase("AbCd1234-0.png|image/png,Ab\\u0043d1234-1.png|image/png")]
    public void ReadLine_ImagesNamedOrNot_ReadBackExactly(string spec)
    {
        var images = spec.Split(',').Select(e => e.Split('|')).Select(p => (File: p[0], Type: p[1])).ToList();
        var json = "{\"id\":\"AbCd1234\",\"timestamp\":1,\"kind\":\"txt2img\",\"images\":[" +
                   string.Join(",", images.Select(i => $"{{\"file\":\"{i.File}\",\"content_type\":\"{i.Type}\"}}")) +
                   "],\"info_file\":\"AbCd1234-info.json\",\"request_sha256\":\"" + new string('a', 64) + "\"}";
        var job = _reader.ReadLine(Utf8.Bytes(json)).Job!;
        Assert.Multiple(() =>
        {
            Assert.That(job.Images.Select(i => (i.File, i.ContentType)), Is.EqualTo(images.Select(i => (i.File.Replace("\\u0043", "C", StringComparison.Ordinal), i.Type))));
            Assert.That(job.InfoFile, Is.EqualTo("AbCd1234-info.json"));
            Assert.That(job.RequestSha256, Is.EqualTo(new string('a', 64)));
        });
    }

    [TestCase("\"info_file\":\"Other123-info.json\",\"request_sha256\":\"ABC\"", "Other123-info.json", "ABC")]
    [TestCase("\"info_file\":null,\"request_sha256\":null", null, null)]
    [TestCase("\"info_file\":\"AbCd1234-info.json\",\"info_file\":\"x.json\"", "x.json", null)]
    public void ReadLine_InfoFileAndDigestNotDerivable_KeptExactly(string fieldsJson, string? infoFile, string? sha)
    {
        var job = _reader.ReadLine(Utf8.Bytes("{\"id\":\"AbCd1234\",\"timestamp\":1," + fieldsJson + "}")).Job!;
        Assert.Multiple(() =>
        {
            Assert.That(job.InfoFile, Is.EqualTo(infoFile));
            Assert.That(job.RequestSha256, Is.EqualTo(sha));
        });
    }

    [Test]
    public void ReadLine_Deletion_DeletedId() =>
        Assert.That(_reader.ReadLine("{\"deleted\":\"AbCd1234\"}"u8).DeletedId, Is.EqualTo("AbCd1234"));

    [TestCase("{\"id\":\"AbCd1234\",\"prompt\":5,\"timestamp\":1}", "\"prompt\" is not a string")]
    [TestCase("{\"id\":\"AbCd1234\",\"timestamp\":\"soon\"}", "\"timestamp\" is not a number of seconds")]
    [TestCase("{\"id\":\"AbCd1234\",\"timestamp\":1,\"images\":\"a.png\"}", "\"images\" is not a list")]
    [TestCase("{\"id\":\"AbCd1234\",\"timestamp\":1,\"images\":[{\"content_type\":\"image/png\"}]}", "an entry of \"images\" has no file")]
    [TestCase("{\"id\":\"AbCd1234\",\"timestamp\":1,\"images\":[\"a.png\"]}", "an entry of \"images\" is not an object")]
    [TestCase("{\"id\":\"AbCd1234\"}", "job AbCd1234 has no timestamp")]
    [TestCase("{\"id\":\"short\",\"timestamp\":1}", "a record's id 'short' is not a valid job ID")]
    [TestCase("{\"timestamp\":1}", "a record's id '' is not a valid job ID")]
    [TestCase("[1]", "a record is not a JSON object")]
    public void ReadLine_UnusableRecord_Problem(string line, string problem)
    {
        var read = _reader.ReadLine(Utf8.Bytes(line));
        Assert.Multiple(() =>
        {
            Assert.That(read.Job, Is.Null);
            Assert.That(read.Problem, Does.Contain(problem));
        });
    }

    [TestCase("{\"id\":\"AbCd1234\"")]
    [TestCase("{} {}")]
    [TestCase("")]
    public void ReadLine_MalformedJson_Throws(string line) =>
        Assert.That(() => _reader.ReadLine(Utf8.Bytes(line)), Throws.InstanceOf<JsonException>());

    [Test]
    public void ReadLine_InvalidUtf8_ProblemNotException()
    {
        byte[] line = [.. "{\"id\":\"AbCd1234\",\"timestamp\":1,\"ip\":\""u8, 0xFF, .. "\",\"prompt\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        Assert.That(_reader.ReadLine(line).Problem, Does.Contain("not valid UTF-8"));
    }

    [Test]
    public void ReadLine_UnknownFieldsAndNulls_Tolerated()
    {
        var read = _reader.ReadLine("{\"id\":\"AbCd1234\",\"extra\":{\"deep\":[1,2]},\"timestamp\":1.9,\"prompt\":null,\"created\":null,\"status\":\"completed\"}"u8);
        Assert.Multiple(() =>
        {
            Assert.That(read.Job!.Prompt, Is.Empty);
            Assert.That(read.Job.Timestamp, Is.EqualTo(1));
            Assert.That(read.Job.Status, Is.EqualTo(JobStatus.Completed));
            Assert.That(read.Job.LegacyOutputPaths, Is.Empty, "no kind, no created: an original-extension record");
        });
    }

    [Test]
    public void Read_RepeatedValues_ShareOneInstance()
    {
        var first = _reader.ReadLine("{\"id\":\"AbCd1234\",\"timestamp\":1,\"ip\":\"10.0.0.1\",\"negative_prompt\":\"ugly\",\"kind\":\"txt2img\"}"u8).Job!;
        var second = _reader.ReadLine("{\"id\":\"AbCd1235\",\"timestamp\":1,\"ip\":\"10.0.0.1\",\"negative_prompt\":\"ugly\",\"kind\":\"txt2img\"}"u8).Job!;
        Assert.Multiple(() =>
        {
            Assert.That(second.Ip, Is.SameAs(first.Ip));
            Assert.That(second.NegativePrompt, Is.SameAs(first.NegativePrompt));
            Assert.That(second.Kind, Is.SameAs(first.Kind));
        });
    }

    [Test]
    public void ReadLine_EscapedFieldNames_ReadLikePlainOnes()
    {
        var read = _reader.ReadLine("{\"\\u0069d\":\"AbCd1234\",\"time\\u0073tamp\":7,\"pr\\u006fmpt\":\"a cat\",\"\\u0069p\":\"10.0.0.9\"}"u8);
        Assert.Multiple(() =>
        {
            Assert.That(read.Problem, Is.Null);
            Assert.That(read.Job!.Id, Is.EqualTo("AbCd1234"));
            Assert.That(read.Job.Timestamp, Is.EqualTo(7));
            Assert.That(read.Job.Prompt, Is.EqualTo("a cat"));
            Assert.That(read.Job.Ip, Is.EqualTo("10.0.0.9"));
        });
    }

    [Test]
    public void ReadLine_NamesOfAKnownLength_AreNotMistakenForKnownOnes()
    {
        // "prompx", "statuz" and "ix" are as long as known names; they are skipped like any unknown field.
        var read = _reader.ReadLine("{\"id\":\"AbCd1234\",\"timestamp\":1,\"prompx\":\"no\",\"statuz\":7,\"ix\":[1],\"prompt\":\"yes\"}"u8);
        Assert.Multiple(() =>
        {
            Assert.That(read.Problem, Is.Null);
            Assert.That(read.Job!.Prompt, Is.EqualTo("yes"));
        });
    }
}
