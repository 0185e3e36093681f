namespace JobTracker.Interop;

/// <summary>A buffer Python owns, seen from .NET for the length of one call: (address, length) as it crosses the bridge.</summary>
internal static unsafe class NativeSpan
{
    /// <exception cref="ArgumentException">A non-empty buffer at address 0.</exception>
    public static ReadOnlySpan<byte> Of(long address, int length)
    {
        if (length <= 0)
        {
            return [];
        }

        if (address == 0)
        {
            throw new ArgumentException($"a body of {length} bytes has address 0");
        }

        return new ReadOnlySpan<byte>((void*)address, length);
    }
}
