using JobTracker.Tests.Support;
using JobTracker.Tracking;

namespace JobTracker.Tests.Tracking;

public class FailureMessageTests
{
    [Test]
    public void From_GenerationFailure_UsesErrors()
    {
        var body = A1111Responses.Error("OutOfMemoryError", "", "CUDA out of memory. Tried to allocate 2.00 GiB");
        Assert.That(Message(500, body), Is.EqualTo("CUDA out of memory. Tried to allocate 2.00 GiB"));
    }

    [Test]
    public void From_ForgeHandlerBody_UsesMessage()
    {
        var body = "{\"error\":\"RuntimeError\",\"detail\":\"\",\"body\":\"\",\"message\":\"CUDA out of memory\"}";
        Assert.That(Message(500, body), Is.EqualTo("CUDA out of memory"));
    }

    [Test]
    public void From_HttpException_UsesDetail()
    {
        var body = A1111Responses.Error("HTTPException", "Sampler not found", "");
        Assert.That(Message(400, body), Is.EqualTo("Sampler not found"));
    }

    [Test]
    public void From_ValidationError_UsesDetailJson()
    {
        var body = "{\"detail\":[{\"loc\":[\"body\",\"steps\"],\"msg\":\"value is not a valid integer\"}]}";
        Assert.That(Message(422, body), Is.EqualTo("[{\"loc\":[\"body\",\"steps\"],\"msg\":\"value is not a valid integer\"}]"));
    }

    [Test]
    public void From_OnlyErrorName_UsesError()
    {
        var body = A1111Responses.Error("RuntimeError", "", "");
        Assert.That(Message(500, body), Is.EqualTo("RuntimeError"));
    }

    [TestCase("{\"detail\":\"Not Found\"}", 404, "Not Found")]
    [TestCase("{}", 502, "HTTP 502")]
    [TestCase("Bad Gateway", 502, "HTTP 502")]
    [TestCase("{\"error\":\"  \",\"detail\":null,\"errors\":\"\"}", 500, "HTTP 500")]
    public void From_OtherShapes_BestAvailable(string body, int status, string expected) =>
        Assert.That(Message(status, body), Is.EqualTo(expected));

    [Test]
    public void From_HugeMessage_Capped()
    {
        var body = A1111Responses.Error("E", "", new string('x', 10_000));
        Assert.That(Message(500, body), Has.Length.EqualTo(FailureMessage.MaxLength + 3));
    }

    private static string Message(int status, string body) =>
        FailureMessage.From(status, ResponseReader.Read(Utf8.Bytes(body), captureImages: false));
}
