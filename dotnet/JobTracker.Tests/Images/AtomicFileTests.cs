using System.Text;
using JobTracker.Images;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Images;

public class AtomicFileTests : TempDirectoryTestBase
{
    [Test]
    public void WriteAll_LeavesTheWholeFileAndNoTemporaryOne()
    {
        var path = _directory.File("a.png");

        AtomicFile.WriteAll(path, "picture"u8);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("picture"));
            Assert.That(Directory.GetFiles(_directory.Path), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Commit_WritesTheAddedPiecesThenTheTail()
    {
        var path = _directory.File("reply.bin");
        var big = new string('x', 10_000);

        using (var file = AtomicFile.Create(path))
        {
            file.Write("head "u8);
            file.Write(Encoding.UTF8.GetBytes(big));
            file.Commit(" tail"u8);
        }

        Assert.That(File.ReadAllText(path), Is.EqualTo($"head {big} tail"));
    }

    [Test]
    public void Dispose_WithoutCommit_LeavesNothing()
    {
        var path = _directory.File("a.png");

        using (var file = AtomicFile.Create(path))
        {
            file.Write("half"u8);
        }

        Assert.That(Directory.GetFiles(_directory.Path), Is.Empty);
    }

    [Test]
    public void Commit_ReplacesAnExistingFileWhole()
    {
        var path = _directory.File("a.png");
        File.WriteAllText(path, "an older and longer content");

        AtomicFile.WriteAll(path, "new"u8);

        Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
    }

    [Test]
    public void Create_ReplacesATemporaryFileThatACrashLeftBehind()
    {
        var path = _directory.File("a.png");
        File.WriteAllText(path + ".tmp", "left by a killed process, longer than the new content");

        AtomicFile.WriteAll(path, "new"u8);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
            Assert.That(File.Exists(path + ".tmp"), Is.False);
        });
    }

    [Test]
    public void Create_MakesAMissingFolder()
    {
        var path = Path.Combine(_directory.Path, "output", "a.png");

        AtomicFile.WriteAll(path, "picture"u8);

        Assert.That(File.ReadAllText(path), Is.EqualTo("picture"));
    }

    [Test]
    public void Write_AfterCommit_Throws()
    {
        using var file = AtomicFile.Create(_directory.File("a.png"));
        file.Commit("done"u8);

        Assert.Throws<ObjectDisposedException>(() => file.Write("late"u8));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void WriteAll_StaleTemporaryLinkAndALinkAtThePath_BothReplacedTargetsUntouched()
    {
        var target = _directory.File("outside.txt");
        File.WriteAllText(target, "must stay");
        var path = _directory.File("a.png");
        File.CreateSymbolicLink(path + ".tmp", target);
        File.CreateSymbolicLink(path, target);

        AtomicFile.WriteAll(path, "picture"u8);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("must stay"));
            Assert.That(new FileInfo(path).LinkTarget, Is.Null);
            Assert.That(File.ReadAllText(path), Is.EqualTo("picture"));
            Assert.That(File.Exists(path + ".tmp"), Is.False);
        });
    }
}
