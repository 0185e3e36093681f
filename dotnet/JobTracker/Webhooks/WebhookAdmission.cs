using System.Buffers;
using JobTracker.Http;

namespace JobTracker.Webhooks;

/// <summary>Decides, when a request is admitted, whether its <c>X-Webhook-URL</c> is acceptable; a refusal is a 400 and no job.</summary>
internal static class WebhookAdmission
{
    /// <summary>Checks the header's value.</summary>
    /// <param name="value">The <c>X-Webhook-URL</c> value, or <see langword="null"/> when the request has none.</param>
    /// <param name="options">The webhook settings.</param>
    /// <param name="body">Receives the 400 body on refusal.</param>
    /// <param name="url">The accepted URL; <see langword="null"/> without the header or on refusal.</param>
    /// <returns>The 400 reply head, or <see langword="null"/> when the request may go on.</returns>
    public static ReplyHead? Check(string? value, WebhookOptions options, IBufferWriter<byte> body, out Uri? url)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(body);
        url = null;
        if (value is null)
        {
            return null;
        }

        if (!options.Enabled)
        {
            return JsonReplies.BadRequest("this server sends no webhooks; send the request without X-Webhook-URL", body);
        }

        return WebhookUrl.TryAccept(value, options.Allow, out url, out var problem) ? null : JsonReplies.BadRequest(problem, body);
    }
}
