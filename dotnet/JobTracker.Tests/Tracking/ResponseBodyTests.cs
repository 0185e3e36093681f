using System.Buffers;
using JobTracker.Tests.Support;
using JobTracker.Tracking;

namespace JobTracker.Tests.Tracking;

public class ResponseBodyTests
{
    [TestCase("{\"images\":[],\"info\":\"{}\"}", "{\"job_id\":\"ABCDEFGH\",\"images\":[],\"info\":\"{}\"}")]
    [TestCase("{}", "{\"job_id\":\"ABCDEFGH\"}")]
    [TestCase(" \n{ } ", " \n{\"job_id\":\"ABCDEFGH\" } ")]
    [TestCase("{\"error\":\"E\",\"detail\":\"d\"}", "{\"job_id\":\"ABCDEFGH\",\"error\":\"E\",\"detail\":\"d\"}")]
    [TestCase("[1,2]", "[1,2]")]
    [TestCase("Internal Server Error", "Internal Server Error")]
    [TestCase("", "")]
    public void WriteWithJobId_Body_InsertedFirstOrUnchanged(string body, string expected)
    {
        var bytes = Utf8.Bytes(body);
        var output = new ArrayBufferWriter<byte>();
        ResponseBody.WriteWithJobId(bytes, ResponseReader.Read(bytes, captureImages: false), "ABCDEFGH", output);
        Assert.That(Utf8.Text(output), Is.EqualTo(expected));
    }
}
