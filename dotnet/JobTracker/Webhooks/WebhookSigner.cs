using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JobTracker.Webhooks;

/// <summary>
/// Signs a delivery as the Standard Webhooks specification says: HMAC-SHA256 over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, sent as <c>webhook-signature: v1,&lt;base64&gt;</c>.
/// </summary>
internal static class WebhookSigner
{
    /// <summary>The version prefix of a symmetric (HMAC-SHA256) signature.</summary>
    public const string Version = "v1";

    /// <summary>Computes the value of the <c>webhook-signature</c> header.</summary>
    /// <param name="key">The HMAC key.</param>
    /// <param name="messageId">The <c>webhook-id</c>; it must not contain '.', or the signed content would be ambiguous.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>, unix seconds.</param>
    /// <param name="body">The exact bytes of the request body.</param>
    /// <returns><c>v1,&lt;base64 signature&gt;</c>.</returns>
    public static string Sign(ReadOnlySpan<byte> key, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        if (messageId.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("a webhook-id must not contain '.'", nameof(messageId));
        }

        var prefix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{messageId}.{timestamp}."));
        var content = ArrayPool<byte>.Shared.Rent(prefix.Length + body.Length);
        try
        {
            prefix.CopyTo(content, 0);
            body.CopyTo(content.AsSpan(prefix.Length));
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, content.AsSpan(0, prefix.Length + body.Length), mac);
            return Version + "," + Convert.ToBase64String(mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(content, clearArray: true);
        }
    }
}
