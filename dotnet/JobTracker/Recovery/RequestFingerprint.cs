using System.Security.Cryptography;

namespace JobTracker.Recovery;

/// <summary>
/// What tells two requests with the same client-chosen ID apart: the SHA-256 of the body as the client sent it
/// (the Idempotency-Key draft's "request fingerprint"). Byte for byte: a re-serialized body is another request.
/// </summary>
internal static class RequestFingerprint
{
    /// <summary>Computes the fingerprint of a request body.</summary>
    /// <param name="body">The body as received.</param>
    /// <returns>64 lower-case hex digits.</returns>
    public static string Of(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return Convert.ToHexStringLower(hash);
    }
}
