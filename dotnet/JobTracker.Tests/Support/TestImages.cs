namespace JobTracker.Tests.Support;

/// <summary>Small byte arrays that start like real image files.</summary>
internal static class TestImages
{
    public static byte[] Png(int seed = 1) =>
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Filler(seed, 64)];

    public static byte[] Jpeg(int seed = 2) => [0xFF, 0xD8, 0xFF, 0xE0, .. Filler(seed, 64)];

    public static byte[] Webp(int seed = 3) =>
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', 60, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', .. Filler(seed, 48)];

    public static byte[] Unknown(int seed = 4) => [(byte)'G', (byte)'I', (byte)'F', .. Filler(seed, 32)];

    private static byte[] Filler(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
