using System.Buffers;
using System.Text;
using JobTracker.Images;
using JobTracker.Recovery;
using JobTracker.Tests.Support;
using JobTracker.Tracking;

namespace JobTracker.Tests.Recovery;

public class FirstAnswerTests : TempDirectoryTestBase
{
    private const string Id = "A3f9K2xY";

    // As Starlette's JSONResponse writes A1111's answer: compact, ensure_ascii=False; info is json.dumps' own text.
    private const string Info = "{\"prompt\": \"a \\\"quoted\\\" cat\\nline\", \"seed\": 42, \"path\": \"C:\\\\x\", \"name\": \"名前\"}";

    [TestCase(true)]
    [TestCase(false)]
    public void Save_PythonEscapedInfo_LeftOutAndPutBackByteForByte(bool infoFirst)
    {
        var info = "\"info\":\"" + Escaped(Info) + "\"";
        var images = "\"images\":[\"" + Convert.ToBase64String(TestImages.Png()) + "\",\"" + Convert.ToBase64String(TestImages.Png(2)) + "\"]";
        var body = "{" + (infoFirst ? info + "," + images : images + "," + info) + ",\"parameters\":{\"prompt\":\"a cat\"}}";

        var (stored, replayed) = SaveAndReplay(body, Info);
        Assert.Multiple(() =>
        {
            Assert.That(replayed, Is.EqualTo(WithJobId(body)));
            Assert.That(stored, Does.Not.Contain("quoted").And.Not.Contain("iVBOR"), "info and images are kept once, in their own files");
        });
    }

    [Test]
    public void Save_InfoEscapedOtherwise_StoredWholeAndReplayedByteForByte()
    {
        // \u0041 is "A": Python would have written the letter, so re-escaping could not give these bytes back.
        var body = "{\"images\":[],\"info\":\"{\\\"prompt\\\": \\\"\\u0041\\\"}\"}";
        var (stored, replayed) = SaveAndReplay(body, "{\"prompt\": \"A\"}");
        Assert.Multiple(() =>
        {
            Assert.That(replayed, Is.EqualTo(WithJobId(body)));
            Assert.That(stored, Does.Contain("\\u0041"));
        });
    }

    [Test]
    public void TryLoad_InfoFileGone_NoStoredAnswer()
    {
        SaveAndReplay("{\"info\":\"" + Escaped(Info) + "\"}", Info);
        File.Delete(_directory.File(OutputFolder.InfoFileName(Id)));
        Assert.That(FirstAnswer.TryLoad(new OutputFolder(_directory.Path), Id, out _, out _, out _), Is.False);
    }

    [Test]
    public void TryLoad_VersionOneFile_StillRead()
    {
        File.WriteAllText(_directory.File(OutputFolder.ReplyFileName(Id)), "jobtracker-reply 1 200 2\n{\"images\":[]}");
        Assert.Multiple(() =>
        {
            Assert.That(FirstAnswer.TryLoad(new OutputFolder(_directory.Path), Id, out var status, out var offset, out var skeleton), Is.True);
            Assert.That((status, offset, Encoding.UTF8.GetString(skeleton)), Is.EqualTo((200, 2, "{\"images\":[]}")));
        });
    }

    [TestCase("\"\\\n\r\t\b\f\u0001\u001f/é😀\u2028", "\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f/é😀\u2028")]
    public void Escape_AsPythonJsonDumps(string text, string expected) =>
        Assert.That(Encoding.UTF8.GetString(PythonJsonString.Escape(text)), Is.EqualTo(expected));

    private (string Stored, string Replayed) SaveAndReplay(string body, string info)
    {
        var folder = new OutputFolder(_directory.Path);
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = ResponseReader.Read(bytes, captureImages: true);
        var images = content.Images.Select((image, i) => _directory.File($"{Id}-{i}.png")).ToList();
        for (var i = 0; i < images.Count; i++)
        {
            File.WriteAllBytes(images[i], content.Images[i]);
        }

        File.WriteAllText(_directory.File(OutputFolder.InfoFileName(Id)), info);
        FirstAnswer.Save(folder, Id, 200, bytes, content, infoStored: true);
        var stored = File.ReadAllText(_directory.File(OutputFolder.ReplyFileName(Id)));
        Assert.That(FirstAnswer.TryLoad(folder, Id, out var status, out var offset, out var skeleton), Is.True);
        Assert.That(status, Is.EqualTo(200));
        var output = new ArrayBufferWriter<byte>();
        FirstAnswer.Rebuild(skeleton, offset, images, output);
        return (stored, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static string WithJobId(string body) => body.Length == 2 ? "{\"job_id\":\"" + Id + "\"}" : "{\"job_id\":\"" + Id + "\"," + body[1..];

    private static string Escaped(string text) => Encoding.UTF8.GetString(PythonJsonString.Escape(text));
}
