using System.Buffers;
using System.Runtime.InteropServices;

namespace JobTracker.Interop;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over growable unmanaged memory, so a reply body is written once
/// and handed to Python as a <see cref="NativeBuffer"/> without another copy.
/// </summary>
internal sealed unsafe class NativeBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumCapacity = 256;
    private byte* _memory;
    private int _capacity;
    private int _written;

    public NativeBufferWriter(int initialCapacity = MinimumCapacity)
    {
        _capacity = Math.Max(MinimumCapacity, initialCapacity);
        _memory = (byte*)NativeMemory.Alloc((nuint)_capacity);
    }

    public int WrittenCount => _written;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _capacity - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(Math.Max(1, sizeHint));
        return new Window(_memory + _written, _capacity - _written).Memory;
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(Math.Max(1, sizeHint));
        return new Span<byte>(_memory + _written, _capacity - _written);
    }

    /// <summary>Hands the written bytes over as a <see cref="NativeBuffer"/>; the writer is empty afterwards.</summary>
    public NativeBuffer Detach()
    {
        var buffer = new NativeBuffer(_memory, _written);
        _memory = null;
        _capacity = 0;
        _written = 0;
        return buffer;
    }

    public void Dispose()
    {
        if (_memory is not null)
        {
            NativeMemory.Free(_memory);
            _memory = null;
        }
    }

    /// <summary>Exposes a stretch of the unmanaged memory as <see cref="Memory{T}"/>; valid until the next call, as <see cref="IBufferWriter{T}"/> requires.</summary>
    private sealed class Window(byte* start, int length) : MemoryManager<byte>
    {
        public override Span<byte> GetSpan() => new(start, length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(start + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }

    private void Ensure(int size)
    {
        ObjectDisposedException.ThrowIf(_memory is null, this);
        if (_capacity - _written >= size)
        {
            return;
        }

        var needed = (long)_written + size;
        var grown = Math.Max(needed, Math.Min((long)_capacity * 2, Array.MaxLength));
        if (grown > Array.MaxLength)
        {
            throw new OutOfMemoryException("a reply body cannot exceed 2 GB");
        }

        _memory = (byte*)NativeMemory.Realloc(_memory, (nuint)grown);
        _capacity = (int)grown;
    }
}
