using System.Runtime.InteropServices;

namespace JobTracker.Interop;

/// <summary>
/// A body handed to Python as unmanaged memory: Python copies <see cref="Length"/> bytes from
/// <see cref="Address"/> (<c>ctypes.string_at</c>) and then calls <see cref="Dispose"/>, which frees it.
/// Crossing as (address, length) avoids pythonnet's element-by-element <c>byte[]</c> conversion.
/// </summary>
public sealed unsafe class NativeBuffer : IDisposable
{
    private nint _address;

    internal NativeBuffer(void* address, int length)
    {
        _address = (nint)address;
        Length = length;
    }

    /// <summary>Finalizes an instance of the <see cref="NativeBuffer"/> class: frees the memory if Python never disposed it.</summary>
    ~NativeBuffer() => Free();

    /// <summary>Gets the address of the first byte; 0 after <see cref="Dispose"/>.</summary>
    public long Address => Volatile.Read(ref _address);

    /// <summary>Gets the number of bytes.</summary>
    public int Length { get; }

    /// <summary>Frees the memory; safe to call more than once.</summary>
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    /// <summary>Copies <paramref name="data"/> into a new buffer.</summary>
    internal static NativeBuffer CopyOf(ReadOnlySpan<byte> data)
    {
        var memory = NativeMemory.Alloc((nuint)Math.Max(1, data.Length));
        data.CopyTo(new Span<byte>(memory, data.Length));
        return new NativeBuffer(memory, data.Length);
    }

    /// <summary>Gets the content as a span (for tests and the shim's own checks); empty after <see cref="Dispose"/>.</summary>
    internal ReadOnlySpan<byte> AsSpan()
    {
        var address = Volatile.Read(ref _address);
        return address == 0 ? [] : new ReadOnlySpan<byte>((void*)address, Length);
    }

    private void Free()
    {
        var address = Interlocked.Exchange(ref _address, 0);
        if (address != 0)
        {
            NativeMemory.Free((void*)address);
        }
    }
}
