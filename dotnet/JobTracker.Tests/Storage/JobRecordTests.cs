using JobTracker.Storage;

namespace JobTracker.Tests.Storage;

public class JobRecordTests
{
    private const string Sha = "e721e9f57f5a4857aa22220e72a820e9d53b7088df251f9117410496ce584e44";

    [Test]
    public void Properties_NamesFollowingTheId_ReadBackAsGiven()
    {
        StoredImage[] images = [new("AbCd1234-0.png", "image/png"), new("AbCd1234-1.jpg", "image/jpeg"), new("AbCd1234-2.webp", "image/webp"), new("AbCd1234-3.bin", "application/octet-stream")];
        var job = new JobRecord { Id = "AbCd1234", Images = images, InfoFile = "AbCd1234-info.json", RequestSha256 = Sha };
        Assert.Multiple(() =>
        {
            Assert.That(job.Images, Is.EqualTo(images));
            Assert.That(job.Images, Is.InstanceOf<DerivedImages>());
            Assert.That(job.InfoFile, Is.EqualTo("AbCd1234-info.json"));
            Assert.That(job.RequestSha256, Is.EqualTo(Sha));
        });
    }

    [Test]
    public void Properties_SetBeforeTheId_StillReadBackAsGiven()
    {
        var job = new JobRecord { Images = [new("AbCd1234-0.png", "image/png")], InfoFile = "AbCd1234-info.json", Id = "AbCd1234" };
        Assert.Multiple(() =>
        {
            Assert.That(job.Images, Is.EqualTo(new[] { new StoredImage("AbCd1234-0.png", "image/png") }));
            Assert.That(job.InfoFile, Is.EqualTo("AbCd1234-info.json"));
        });
    }

    [TestCase("Other123-0.png", "image/png")]
    [TestCase("AbCd1234-1.png", "image/png")]
    [TestCase("AbCd1234-0.png", "image/jpeg")]
    [TestCase("AbCd1234-0.png.bak", "image/png")]
    [TestCase("sub/AbCd1234-0.png", "image/png")]
    public void Images_NameNotFollowingThePattern_KeptExactly(string file, string contentType)
    {
        var job = new JobRecord { Id = "AbCd1234", Images = [new(file, contentType)] };
        Assert.That(job.Images, Is.EqualTo(new[] { new StoredImage(file, contentType) }));
    }

    [TestCase("Other123-info.json")]
    [TestCase("AbCd1234-info.json.old")]
    [TestCase("info.json")]
    public void InfoFile_NameNotFollowingThePattern_KeptExactly(string name) =>
        Assert.That(new JobRecord { Id = "AbCd1234", InfoFile = name }.InfoFile, Is.EqualTo(name));

    [TestCase("E721E9F57F5A4857AA22220E72A820E9D53B7088DF251F9117410496CE584E44")]
    [TestCase("abc")]
    [TestCase("")]
    [TestCase(null)]
    public void RequestSha256_NotLowerHexDigest_KeptExactly(string? value) =>
        Assert.That(new JobRecord { Id = "AbCd1234", RequestSha256 = value }.RequestSha256, Is.EqualTo(value));

    [Test]
    public void With_NewId_KeepsTheFilesOfTheOldOne()
    {
        var job = new JobRecord { Id = "AbCd1234", Images = [new("AbCd1234-0.png", "image/png")], InfoFile = "AbCd1234-info.json" };
        var renamed = job with { Id = "Zyxw9876" };
        Assert.Multiple(() =>
        {
            Assert.That(renamed.Images.Single().File, Is.EqualTo("AbCd1234-0.png"));
            Assert.That(renamed.InfoFile, Is.EqualTo("AbCd1234-info.json"));
        });
    }

    [Test]
    public void Images_ManyOfMixedFormats_ReadBackInOrder()
    {
        var images = Enumerable.Range(0, 100).Select(i => i % 3 == 0 ? new StoredImage($"AbCd1234-{i}.webp", "image/webp") : new StoredImage($"AbCd1234-{i}.png", "image/png")).ToArray();
        Assert.That(new JobRecord { Id = "AbCd1234", Images = images }.Images, Is.EqualTo(images));
    }
}
