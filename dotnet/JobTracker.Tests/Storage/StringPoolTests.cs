using System.Text.Json;
using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Storage;

public class StringPoolTests
{
    [TestCase("plain")]
    [TestCase("caf\\u00e9 \\\"q\\\"")]
    [TestCase("名前")]
    [TestCase("")]
    public void Get_Value_SameTextAsGetString(string jsonText)
    {
        var pool = new StringPool();
        var bytes = Utf8.Bytes($"\"{jsonText}\"");
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        Assert.That(pool.Get(ref reader), Is.EqualTo(reader.GetString()));
    }

    [Test]
    public void Get_LongValue_NotPooled()
    {
        var pool = new StringPool();
        var text = new string('x', StringPool.MaxPooledLength + 1);
        var first = Read(pool, text);
        Assert.That(Read(pool, text), Is.Not.SameAs(first));
    }

    [Test]
    public void Get_PoolFull_StillReturnsValues()
    {
        var pool = new StringPool(capacity: 1);
        var a = Read(pool, "a");
        Assert.Multiple(() =>
        {
            Assert.That(Read(pool, "b"), Is.EqualTo("b"));
            Assert.That(Read(pool, "a"), Is.SameAs(a));
        });
    }

    private static string Read(StringPool pool, string text)
    {
        var bytes = Utf8.Bytes($"\"{text}\"");
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        return pool.Get(ref reader);
    }
}
