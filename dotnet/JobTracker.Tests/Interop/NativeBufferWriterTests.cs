using System.Text.Json;
using JobTracker.Interop;

namespace JobTracker.Tests.Interop;

public class NativeBufferWriterTests
{
    [Test]
    public void Detach_AfterGrowth_HoldsEverythingWritten()
    {
        using var writer = new NativeBufferWriter(16);
        var expected = new byte[100_000];
        new Random(5).NextBytes(expected);
        for (var offset = 0; offset < expected.Length; offset += 1000)
        {
            var span = writer.GetSpan(1000);
            expected.AsSpan(offset, 1000).CopyTo(span);
            writer.Advance(1000);
        }

        using var buffer = writer.Detach();
        Assert.Multiple(() =>
        {
            Assert.That(buffer.Length, Is.EqualTo(expected.Length));
            Assert.That(buffer.AsSpan().ToArray(), Is.EqualTo(expected));
            Assert.That(buffer.Address, Is.Not.Zero);
        });
    }

    [Test]
    public void GetMemory_Utf8JsonWriter_WritesThroughMemory()
    {
        using var writer = new NativeBufferWriter();
        using (var json = new Utf8JsonWriter(writer))
        {
            json.WriteStartObject();
            json.WriteBase64String("data", new byte[50_000]);
            json.WriteEndObject();
        }

        using var buffer = writer.Detach();
        using var document = JsonDocument.Parse(buffer.AsSpan().ToArray());
        Assert.That(document.RootElement.GetProperty("data").GetBytesFromBase64(), Has.Length.EqualTo(50_000));
    }

    [Test]
    public void Advance_PastCapacity_Throws()
    {
        using var writer = new NativeBufferWriter(256);
        writer.GetSpan(10);
        Assert.That(() => writer.Advance(10_000), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void NativeBuffer_DisposeTwice_SafeAndAddressZero()
    {
        var buffer = NativeBuffer.CopyOf([1, 2, 3]);
        buffer.Dispose();
        buffer.Dispose();
        Assert.Multiple(() =>
        {
            Assert.That(buffer.Address, Is.Zero);
            Assert.That(buffer.AsSpan().IsEmpty, Is.True);
        });
    }

    [Test]
    public void NativeBuffer_Empty_HasAddressAndZeroLength()
    {
        using var buffer = NativeBuffer.CopyOf([]);
        Assert.Multiple(() =>
        {
            Assert.That(buffer.Length, Is.Zero);
            Assert.That(buffer.Address, Is.Not.Zero);
        });
    }
}
