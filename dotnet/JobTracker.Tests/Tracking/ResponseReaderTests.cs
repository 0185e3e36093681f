using JobTracker.Tests.Support;
using JobTracker.Tracking;

namespace JobTracker.Tests.Tracking;

public class ResponseReaderTests
{
    [Test]
    public void Read_SuccessBody_DecodesImagesAndKeepsInfoText()
    {
        var png = TestImages.Png();
        var jpeg = TestImages.Jpeg();
        var content = ResponseReader.Read(Utf8.Bytes(A1111Responses.Success(A1111Responses.DefaultInfo, png, jpeg)), captureImages: true);
        Assert.Multiple(() =>
        {
            Assert.That(content.IsObject, Is.True);
            Assert.That(content.Images, Has.Count.EqualTo(2));
            Assert.That(content.Images[0], Is.EqualTo(png));
            Assert.That(content.Images[1], Is.EqualTo(jpeg));
            Assert.That(content.Info, Is.EqualTo(A1111Responses.DefaultInfo));
        });
    }

    [Test]
    public void Read_CaptureOff_ImagesNotDecoded()
    {
        var content = ResponseReader.Read(Utf8.Bytes(A1111Responses.Success(A1111Responses.DefaultInfo, TestImages.Png())), captureImages: false);
        Assert.That(content.Images, Is.Empty);
    }

    [Test]
    public void Read_EscapedBase64_Decoded()
    {
        var png = TestImages.Png();
        var escaped = Convert.ToBase64String(png).Replace("/", "\\/", StringComparison.Ordinal);
        var content = ResponseReader.Read(Utf8.Bytes($"{{\"images\":[\"{escaped}\"]}}"), captureImages: true);
        Assert.That(content.Images.Single(), Is.EqualTo(png));
    }

    [Test]
    public void Read_NonBase64Entries_CountedNotStored()
    {
        var content = ResponseReader.Read(Utf8.Bytes("{\"images\":[\"not base64!\", null, 3, {\"a\":1}]}"), captureImages: true);
        Assert.Multiple(() =>
        {
            Assert.That(content.Images, Is.Empty);
            Assert.That(content.UnreadableImages, Is.EqualTo(4));
        });
    }

    [Test]
    public void Read_ErrorBody_FieldsKept()
    {
        var content = ResponseReader.Read(Utf8.Bytes(A1111Responses.Error("OutOfMemoryError", "", "CUDA out of memory")), captureImages: false);
        Assert.Multiple(() =>
        {
            Assert.That(content.Error, Is.EqualTo("OutOfMemoryError"));
            Assert.That(content.Detail, Is.Empty);
            Assert.That(content.Errors, Is.EqualTo("CUDA out of memory"));
        });
    }

    [Test]
    public void Read_ValidationDetailList_RawJsonText()
    {
        var body = "{\"detail\":[{\"loc\":[\"body\",\"steps\"],\"msg\":\"value is not a valid integer\",\"type\":\"type_error.integer\"}]}";
        var content = ResponseReader.Read(Utf8.Bytes(body), captureImages: false);
        Assert.That(content.Detail, Is.EqualTo("[{\"loc\":[\"body\",\"steps\"],\"msg\":\"value is not a valid integer\",\"type\":\"type_error.integer\"}]"));
    }

    [TestCase("")]
    [TestCase("Internal Server Error")]
    [TestCase("[1]")]
    [TestCase("{\"images\":[")]
    public void Read_NotAnObject_NotAnObject(string body) =>
        Assert.That(ResponseReader.Read(Utf8.Bytes(body), captureImages: true).IsObject, Is.False);

    // Whether the images array can be rebuilt byte for byte from the stored files.
    [TestCase("{\"images\":[\"QUJD\",\"REVG\"],\"info\":\"{}\"}", true)]
    [TestCase("{\"images\":[],\"info\":\"{}\"}", true)]
    [TestCase("{\"images\":[\"QUJD\", \"REVG\"]}", false)]
    [TestCase("{\"images\":[ \"QUJD\"]}", false)]
    [TestCase("{\"images\":[\"QUJD\" ]}", false)]
    [TestCase("{\"images\":[\"QU\\u004aD\"]}", false)]
    [TestCase("{\"images\":[\"QUI=\"]}", true)]
    [TestCase("{\"images\":[\"QUJ=\"]}", false)]
    [TestCase("{\"images\":[\"QUJD\",42]}", false)]
    [TestCase("{\"images\":[\"QUJD\"],\"images\":[\"QUJD\"]}", false)]
    public void Read_Images_RebuildableOnlyWhenCompactAndCanonical(string body, bool rebuildable)
    {
        var content = ResponseReader.Read(Utf8.Bytes(body), captureImages: true);
        Assert.That(content.ImagesRebuildable, Is.EqualTo(rebuildable));
    }
}
