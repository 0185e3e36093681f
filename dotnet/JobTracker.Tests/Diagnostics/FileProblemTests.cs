using JobTracker.Diagnostics;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Diagnostics;

public class FileProblemTests : TempDirectoryTestBase
{
    [Test]
    public void Describe_AFileWhereAFolderShouldBe_WordsWithoutThePath()
    {
        var blocked = _directory.File("output");
        File.WriteAllText(blocked, "in the way");
        var failure = Assert.Catch<IOException>(() => Directory.CreateDirectory(blocked))!;
        var words = FileProblem.Describe(failure);
        Assert.Multiple(() =>
        {
            Assert.That(failure.Message, Does.Contain(blocked), "the runtime's message names the file");
            Assert.That(words, Does.Not.Contain(_directory.Path).And.Not.Contain("/"));
            Assert.That(words, Does.Contain("in the way"));
        });
    }

    [TestCase(28, "the disk is full")]
    [TestCase(30, "the file system is read-only")]
    [TestCase(122, "the disk quota is exhausted")]
    [TestCase(5, "the disk reported an input/output error")]
    [TestCase(9999, "a file could not be written")]
    public void Describe_ErrorNumbers(int errno, string words) =>
        Assert.That(FileProblem.Describe(new IOException("'/secret/path' failed", errno)), Is.EqualTo(words));

    [Test]
    public void Describe_PermissionDenied() =>
        Assert.That(FileProblem.Describe(new UnauthorizedAccessException("Access to the path '/x' is denied.")), Is.EqualTo("permission denied"));
}
