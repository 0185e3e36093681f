using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Storage;

[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class PrivateFilesTests : TempDirectoryTestBase
{
    [Test]
    public void CreateFolder_New_OwnerOnly()
    {
        var path = _directory.File("a/b");
        PrivateFiles.CreateFolder(path);
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(PrivateFiles.FolderMode));
    }

    [Test]
    public void CreateFolder_Existing_ModeLeftAsItWas()
    {
        var path = _directory.File("shared");
        Directory.CreateDirectory(path);
        const UnixFileMode groupReadable = PrivateFiles.FolderMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        File.SetUnixFileMode(path, groupReadable);
        PrivateFiles.CreateFolder(path);
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(groupReadable));
    }

    [Test]
    public void CreateNew_ReadWriteForTheOwnerOnly()
    {
        var path = _directory.File("f");
        PrivateFiles.CreateNew(path).Dispose();
        PrivateFiles.OpenAppend(_directory.File("journal")).Dispose();
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(PrivateFiles.FileMode));
            Assert.That(File.GetUnixFileMode(_directory.File("journal")), Is.EqualTo(PrivateFiles.FileMode));
        });
    }

    [Test]
    public void CreateNew_ALinkHasTheName_LinkReplacedTargetUntouched()
    {
        var target = _directory.File("target");
        File.WriteAllText(target, "must stay");
        var path = _directory.File("f.tmp");
        File.CreateSymbolicLink(path, target);
        using (var stream = PrivateFiles.CreateNew(path))
        {
            stream.Write("new"u8);
        }

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("must stay"));
            Assert.That(PrivateFiles.IsRegularFile(path), Is.True);
            Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
        });
    }

    [Test]
    public void CreateNew_ADanglingLinkHasTheName_LinkReplacedNothingCreatedElsewhere()
    {
        var elsewhere = _directory.File("elsewhere");
        var path = _directory.File("f.tmp");
        File.CreateSymbolicLink(path, elsewhere);
        PrivateFiles.CreateNew(path).Dispose();
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(elsewhere), Is.False);
            Assert.That(PrivateFiles.IsRegularFile(path), Is.True);
        });
    }

    [Test]
    public void IsRegularFile_OnlyForARegularFile()
    {
        var file = _directory.File("file");
        File.WriteAllText(file, "x");
        var link = _directory.File("link");
        File.CreateSymbolicLink(link, file);
        Assert.Multiple(() =>
        {
            Assert.That(PrivateFiles.IsRegularFile(file), Is.True);
            Assert.That(PrivateFiles.IsRegularFile(link), Is.False, "a link to a regular file");
            Assert.That(PrivateFiles.IsRegularFile(_directory.Path), Is.False, "a folder");
            Assert.That(PrivateFiles.IsRegularFile(_directory.File("missing")), Is.False);
        });
    }
}
