using System.Text;
using JobTracker.Storage;

namespace JobTracker.Tests.Storage;

public class SnapshotReaderTests
{
    private string _path = string.Empty;

    [SetUp]
    public void SetUp() => _path = Path.Combine(Path.GetTempPath(), $"jobtracker-snapshot-{Guid.NewGuid():N}.json");

    [TearDown]
    public void TearDown() => File.Delete(_path);

    [Test]
    public void Read_SnapshotOfManyChunks_EveryRecordInOrder()
    {
        // Records of varying length, so the chunk boundaries fall at every position inside a record.
        var lines = Enumerable.Range(0, 3000).Select(n => Record(n, new string('p', n % 300))).ToList();
        Write("[\n" + string.Join(",\n", lines) + "\n]\n");
        var content = SnapshotReader.Read(_path);
        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(_path).Length, Is.GreaterThan(2 * SnapshotReader.ChunkSize));
            Assert.That(content.Jobs.Select(j => j.Id), Is.EqualTo(Enumerable.Range(0, 3000).Select(Id)));
            Assert.That(content.Jobs.Select(j => j.Prompt.Length), Is.EqualTo(Enumerable.Range(0, 3000).Select(n => n % 300)));
            Assert.That(content.Problems, Is.Empty);
        });
    }

    [Test]
    public void Read_RecordsWithUnknownFieldsAcrossChunks_ReadWhole()
    {
        // An unknown field is skipped, which a partial chunk cannot do: such records take the slower path.
        var lines = Enumerable.Range(0, 2000).Select(n => Record(n, "p", ",\"future\":{\"a\":[1,2,3],\"b\":\"" + new string('x', n % 500) + "\"}"));
        Write("[" + string.Join(",", lines) + "]");
        var content = SnapshotReader.Read(_path);
        Assert.Multiple(() =>
        {
            Assert.That(content.Jobs, Has.Count.EqualTo(2000));
            Assert.That(content.Jobs[^1].Id, Is.EqualTo(Id(1999)));
            Assert.That(content.Problems, Is.Empty);
        });
    }

    [Test]
    public void Read_RecordLargerThanAChunk_Read()
    {
        var prompt = new string('q', 3 * SnapshotReader.ChunkSize);
        Write("[" + Record(0, "a") + "," + Record(1, prompt) + "," + Record(2, "c") + "]");
        var content = SnapshotReader.Read(_path);
        Assert.That(content.Jobs.Select(j => j.Prompt), Is.EqualTo(new[] { "a", prompt, "c" }));
    }

    [Test]
    public void Read_UnusableRecordsAcrossChunks_ReportedAndOthersKept()
    {
        var lines = Enumerable.Range(0, 3000).Select(n => n % 1000 == 7 ? "[" + n + "]" : n % 1000 == 8 ? "{\"id\":\"" + Id(n) + "\",\"timestamp\":\"soon\"}" : Record(n, new string('p', n % 200)));
        Write("[\n" + string.Join(",\n", lines) + "\n]");
        var content = SnapshotReader.Read(_path);
        Assert.Multiple(() =>
        {
            Assert.That(content.Jobs, Has.Count.EqualTo(2994));
            Assert.That(content.Problems, Has.Count.EqualTo(6));
        });
    }

    [Test]
    public void Read_ManyChunksWithUnusableRecords_RestInOrderEachReported()
    {
        var lines = Enumerable.Range(0, 9999).Select(n => n % 2000 == 5 ? "{\"id\":\"bad\",\"timestamp\":1}" : Record(n, new string('p', 400 + (n % 97)))).ToList();
        Write("[\n" + string.Join(",\n", lines) + "\n]\n");
        var content = SnapshotReader.Read(_path);
        var expected = Enumerable.Range(0, 9999).Where(n => n % 2000 != 5).Select(Id);
        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(_path).Length, Is.GreaterThan(4 * SnapshotReader.ChunkSize));
            Assert.That(content.Jobs.Select(j => j.Id), Is.EqualTo(expected));
            Assert.That(content.Problems, Has.Count.EqualTo(5));
        });
    }

    [Test]
    public void Read_LargeSnapshotFormattedOtherwise_EveryRecord()
    {
        // Not the tracker's one record per line: images one per line, records separated by ", ".
        var lines = Enumerable.Range(0, 9999).Select(n =>
            $"{{\"id\":\"{Id(n)}\",\"prompt\":\"{new string('p', 400)}\",\"timestamp\":1,\"created\":1.5,\"images\":[" +
            $"{{\"file\":\"{Id(n)}-0.png\",\"content_type\":\"image/png\"}},\n{{\"file\":\"{Id(n)}-1.png\",\"content_type\":\"image/png\"}}]}}");
        Write("[" + string.Join(", ", lines) + "]");
        var content = SnapshotReader.Read(_path);
        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(_path).Length, Is.GreaterThan(4 * SnapshotReader.ChunkSize));
            Assert.That(content.Jobs.Select(j => j.Id), Is.EqualTo(Enumerable.Range(0, 9999).Select(Id)));
            Assert.That(content.Jobs.All(j => j.Images.Count == 2), Is.True);
        });
    }

    [Test]
    public void Read_LargeSnapshotDamagedLate_Corrupt()
    {
        var lines = Enumerable.Range(0, 9999).Select(n => Record(n, new string('p', 500))).ToList();
        lines[8000] = lines[8000][..100];
        Write("[\n" + string.Join(",\n", lines) + "\n]\n");
        Assert.That(() => SnapshotReader.Read(_path), Throws.InstanceOf<SnapshotCorruptException>());
    }

    [TestCase("")]
    [TestCase(" \n")]
    [TestCase("[]")]
    [TestCase("[\n]\n")]
    public void Read_EmptySnapshot_NoJobs(string text)
    {
        Write(text);
        Assert.That(SnapshotReader.Read(_path).Jobs, Is.Empty);
    }

    // The reason is the reader's own where it decides, else System.Text.Json's (kept as the inner exception).
    [TestCase("{}", "not a JSON array")]
    [TestCase("[{\"id\":\"AbCd0001\",\"timestamp\":1}", "open JSON object or array that should be closed")]
    [TestCase("[{\"id\":\"AbCd0001\",\"timestamp\":1}] []", "invalid after a single JSON value")]
    public void Read_NotAClosedArray_Corrupt(string text, string reason)
    {
        Write(text);
        Assert.That(() => SnapshotReader.Read(_path), Throws.InstanceOf<SnapshotCorruptException>().With.Message.Contains(reason));
    }

    [Test]
    public void Read_SnapshotCutShortAfterManyChunks_Corrupt()
    {
        var lines = Enumerable.Range(0, 3000).Select(n => Record(n, new string('p', 200)));
        var text = "[\n" + string.Join(",\n", lines) + "\n]";
        Write(text[..(text.Length - 100)]);
        Assert.That(() => SnapshotReader.Read(_path), Throws.InstanceOf<SnapshotCorruptException>());
    }

    private static string Id(int n) => "AbC" + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    private static string Record(int n, string prompt, string extra = "") =>
        $"{{\"id\":\"{Id(n)}\",\"kind\":\"txt2img\",\"prompt\":\"{prompt}\",\"timestamp\":{1_700_000_000 + n},\"created\":{1_700_000_000 + n}.5," +
        $"\"status\":\"Completed\",\"images\":[{{\"file\":\"{Id(n)}-0.png\",\"content_type\":\"image/png\"}}]{extra}}}";

    private void Write(string text) => File.WriteAllText(_path, text, new UTF8Encoding(false));
}
