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

    [Test]
    public void Images_DerivedFormSetBeforeTheId_NamedAfterItsOwnId()
    {
        // The reader's compact form carries the ID it was made with, so the initializers' order cannot rename files.
        var derived = new DerivedImages("AbCd1234", [(byte)ImageNames.CodeOf("image/png")]);
        var before = new JobRecord { Images = derived, Id = "AbCd1234" };
        var after = new JobRecord { Id = "AbCd1234", Images = derived };
        Assert.Multiple(() =>
        {
            Assert.That(before.Images, Is.EqualTo(new[] { new StoredImage("AbCd1234-0.png", "image/png") }));
            Assert.That(after, Is.EqualTo(before));
        });
    }

    [Test]
    public void Equals_SameValuesInOtherInstances_EqualWithTheSameHash()
    {
        var job = Full();
        var copy = Full();
        Assert.Multiple(() =>
        {
            Assert.That(copy, Is.Not.SameAs(job));
            Assert.That(copy, Is.EqualTo(job));
            Assert.That(copy == job, Is.True);
            Assert.That(copy.GetHashCode(), Is.EqualTo(job.GetHashCode()));
        });
    }

    [Test]
    public void Equals_DerivedAndExplicitNamesOfTheSameFiles_Equal()
    {
        // One record keeps its names compactly, the other as written (set before the ID, in a "with" from another ID).
        var compact = new JobRecord { Id = "AbCd1234", Images = [new("AbCd1234-0.png", "image/png")] };
        var asWritten = new JobRecord { Id = "Other123", Images = [new("AbCd1234-0.png", "image/png")] } with { Id = "AbCd1234" };
        Assert.That(asWritten, Is.EqualTo(compact));
    }

    [Test]
    public void Equals_AnyPropertyDifferent_NotEqual()
    {
        var job = Full();
        JobRecord[] changed =
        [
            job with { Prompt = "other" }, job with { Status = JobStatus.Failed }, job with { Finished = 3.5 },
            job with { Started = null }, job with { Images = [new("AbCd1234-0.jpg", "image/jpeg")] },
            job with { InfoFile = null }, job with { RequestSha256 = null }, job with { LegacyOutputPaths = ["other.png"] },
            job with { User = "bob" }, job with { Error = "x" },
        ];
        Assert.That(changed.Where(c => c.Equals(job)), Is.Empty);
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Times_NotFinite_Refused(double time) =>
        Assert.Multiple(() =>
        {
            Assert.That(() => new JobRecord { Id = "AbCd1234", Created = time }, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new JobRecord { Id = "AbCd1234", Started = time }, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new JobRecord { Id = "AbCd1234", Finished = time }, Throws.InstanceOf<ArgumentOutOfRangeException>());
        });

    [Test]
    public void Times_NullAndZero_ReadBackAsSet()
    {
        var job = new JobRecord { Id = "AbCd1234", Created = 0, Started = null, Finished = -1.5 };
        Assert.Multiple(() =>
        {
            Assert.That(job.Created, Is.EqualTo(0));
            Assert.That(job.Started, Is.Null);
            Assert.That(job.Finished, Is.EqualTo(-1.5));
        });
    }

    private static JobRecord Full() => new()
    {
        Id = "AbCd1234",
        Kind = "txt2img",
        Prompt = "a lighthouse",
        NegativePrompt = "fog",
        Ip = "10.0.0.1",
        User = "alice",
        Status = JobStatus.Completed,
        Timestamp = 1,
        Created = 1.5,
        Started = 2.5,
        Finished = 3,
        Images = [new("AbCd1234-0.png", "image/png"), new("AbCd1234-1.png", "image/png")],
        InfoFile = "AbCd1234-info.json",
        RequestSha256 = Sha,
        LegacyOutputPaths = ["a.png"],
    };
}
