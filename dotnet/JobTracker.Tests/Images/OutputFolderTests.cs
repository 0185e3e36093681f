using JobTracker.Images;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Images;

public class OutputFolderTests
{
    private TempDirectory _directory = null!;
    private OutputFolder _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = new TempDirectory();
        _folder = new OutputFolder(Path.Combine(_directory.Path, "output") + Path.DirectorySeparatorChar);
    }

    [TearDown]
    public void TearDown() => _directory.Dispose();

    [Test]
    public void TryResolve_PlainName_InsideFolder()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_folder.TryResolve("A3f9K2xY-0.png", out var path), Is.True);
            Assert.That(path, Is.EqualTo(Path.Combine(_directory.Path, "output", "A3f9K2xY-0.png")));
        });
    }

    [TestCase("../jobs.json")]
    [TestCase("..")]
    [TestCase(".")]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("sub/file.png")]
    [TestCase("sub\\file.png")]
    [TestCase("/etc/passwd")]
    [TestCase("a\0b")]
    [TestCase(null)]
    public void TryResolve_AnythingElse_Refused(string? name) => Assert.That(_folder.TryResolve(name, out _), Is.False);

    [Test]
    public void FileNames_Shape()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OutputFolder.FileName("A3f9K2xY", 3, ImageFormat.Webp), Is.EqualTo("A3f9K2xY-3.webp"));
            Assert.That(OutputFolder.InfoFileName("A3f9K2xY"), Is.EqualTo("A3f9K2xY-info.json"));
        });
    }

    [Test]
    public void ThumbnailPath_WellFormedId_InsideTheThumbsFolder() =>
        Assert.That(_folder.ThumbnailPath("A3f9K2xY", 2), Is.EqualTo(Path.Combine(_directory.Path, "output", "thumbs", "A3f9K2xY-2.jpg")));

    [TestCase("../../etc", 0)]
    [TestCase("short", 0)]
    [TestCase("A3f9K2xY", -1)]
    public void ThumbnailPath_MalformedIdOrIndex_Null(string id, int index) => Assert.That(_folder.ThumbnailPath(id, index), Is.Null);

    [Test]
    [Platform(Exclude = "Win")]
    public void TryResolveStored_OnlyARegularFileInside()
    {
        var outside = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jobtracker-tests-outside-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(outside, "secret");
        try
        {
            Directory.CreateDirectory(_folder.Path);
            File.WriteAllText(System.IO.Path.Combine(_folder.Path, "a.png"), "x");
            File.CreateSymbolicLink(System.IO.Path.Combine(_folder.Path, "b.png"), outside);
            Assert.Multiple(() =>
            {
                Assert.That(_folder.TryResolveStored("a.png", out var path), Is.True);
                Assert.That(_folder.MayRead(path), Is.True);
                Assert.That(_folder.TryResolveStored("b.png", out _), Is.False, "a link");
                Assert.That(_folder.MayRead(System.IO.Path.Combine(_folder.Path, "b.png")), Is.False);
                Assert.That(_folder.TryResolveStored("missing.png", out _), Is.False);
                Assert.That(_folder.MayRead(outside), Is.True, "a legacy image outside the folder is A1111's own file");
            });
        }
        finally
        {
            File.Delete(outside);
        }
    }
}
