using JobTracker.Ids;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Ids;

public class JobIdGeneratorTests
{
    [Test]
    public void Draw_CryptoSource_ReturnsWellFormedIds()
    {
        var generator = new JobIdGenerator(CryptoRandomSource.Instance);
        var ids = Enumerable.Range(0, 2000).Select(_ => generator.Draw()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.All.Matches<string>(JobId.IsWellFormed));
            Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
        });
    }

    [Test]
    public void Draw_CryptoSource_UsesWholeAlphabet()
    {
        var generator = new JobIdGenerator(CryptoRandomSource.Instance);
        var seen = new HashSet<char>(Enumerable.Range(0, 3000).SelectMany(_ => generator.Draw()));
        Assert.That(seen, Is.EquivalentTo(JobId.Alphabet));
    }

    [Test]
    public void Draw_BytesAbove247_AreRejectedForUniformity()
    {
        var source = new ScriptedRandomSource();
        source.AddBytes(255, 248);
        source.AddId("ABCDEFGH");
        Assert.That(new JobIdGenerator(source).Draw(), Is.EqualTo("ABCDEFGH"));
    }

    [Test]
    public void Draw_ByteAbove61_WrapsModulo62()
    {
        var source = new ScriptedRandomSource();
        source.AddBytes(62, 63, 124, 186, 247, 0, 1, 2);
        Assert.That(new JobIdGenerator(source).Draw(), Is.EqualTo("ABAA9ABC"));
    }

    [Test]
    public void Next_CollisionWithTakenIds_RetriesUntilFree()
    {
        var source = ScriptedRandomSource.ForIds("AAAAAAAA", "BBBBBBBB", "CCCCCCCC");
        var taken = new HashSet<string> { "AAAAAAAA", "BBBBBBBB" };
        var id = new JobIdGenerator(source).Next(candidate => !taken.Contains(candidate));
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.EqualTo("CCCCCCCC"));
            Assert.That(source.Remaining, Is.Zero);
        });
    }

    [Test]
    public void Next_NothingEverFree_ThrowsAfterMaxAttempts()
    {
        var source = ScriptedRandomSource.ForIds(Enumerable.Repeat("AAAAAAAA", JobIdGenerator.MaxAttempts).ToArray());
        Assert.That(() => new JobIdGenerator(source).Next(_ => false), Throws.InvalidOperationException);
    }
}
