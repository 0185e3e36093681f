using JobTracker.Images;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Images;

public class ImageFormatTests
{
    [Test]
    public void Detect_MagicBytes_RightFormat()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ImageFormat.Detect(TestImages.Png()), Is.EqualTo(ImageFormat.Png));
            Assert.That(ImageFormat.Detect(TestImages.Jpeg()), Is.EqualTo(ImageFormat.Jpeg));
            Assert.That(ImageFormat.Detect(TestImages.Webp()), Is.EqualTo(ImageFormat.Webp));
            Assert.That(ImageFormat.Detect(TestImages.Unknown()), Is.EqualTo(ImageFormat.Unknown));
        });
    }

    [Test]
    public void Detect_TooShortOrRiffWithoutWebp_Unknown()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ImageFormat.Detect([]), Is.EqualTo(ImageFormat.Unknown));
            Assert.That(ImageFormat.Detect([0x89, (byte)'P']), Is.EqualTo(ImageFormat.Unknown));
            Assert.That(ImageFormat.Detect("RIFF\0\0\0\0WAVE"u8), Is.EqualTo(ImageFormat.Unknown));
            Assert.That(ImageFormat.Detect("RIFF"u8), Is.EqualTo(ImageFormat.Unknown));
        });
    }

    [Test]
    public void Formats_ExtensionsAndContentTypes()
    {
        Assert.Multiple(() =>
        {
            Assert.That((ImageFormat.Png.Extension, ImageFormat.Png.ContentType), Is.EqualTo(("png", "image/png")));
            Assert.That((ImageFormat.Jpeg.Extension, ImageFormat.Jpeg.ContentType), Is.EqualTo(("jpg", "image/jpeg")));
            Assert.That((ImageFormat.Webp.Extension, ImageFormat.Webp.ContentType), Is.EqualTo(("webp", "image/webp")));
            Assert.That((ImageFormat.Unknown.Extension, ImageFormat.Unknown.ContentType), Is.EqualTo(("bin", "application/octet-stream")));
        });
    }
}
