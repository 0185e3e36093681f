using System.Text.Json;

namespace JobTracker.Webhooks;

/// <summary>Writes a delivery's state: as the job object's <c>webhook</c> member, and as a line of the webhook journal.</summary>
internal static class WebhookStateJson
{
    /// <summary>Writes the members the job object shows: url, attempts, last_status, last_error, delivered, next_attempt.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="delivery">The delivery.</param>
    public static void WritePublicMembers(Utf8JsonWriter writer, WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(delivery);
        writer.WriteString("url", delivery.Url);
        writer.WriteNumber("attempts", delivery.Attempts);
        if (delivery.LastStatus is { } status)
        {
            writer.WriteNumber("last_status", status);
        }
        else
        {
            writer.WriteNull("last_status");
        }

        if (delivery.LastError is { } error)
        {
            writer.WriteString("last_error", error);
        }
        else
        {
            writer.WriteNull("last_error");
        }

        writer.WriteBoolean("delivered", delivery.Delivered);
        if (delivery.NextAttempt is { } next)
        {
            writer.WriteNumber("next_attempt", next);
        }
        else
        {
            writer.WriteNull("next_attempt");
        }
    }

    /// <summary>Writes <c>"webhook": {...}</c> into the job object.</summary>
    /// <param name="writer">The writer, inside the job object.</param>
    /// <param name="delivery">The delivery.</param>
    public static void WriteMember(Utf8JsonWriter writer, WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject("webhook");
        WritePublicMembers(writer, delivery);
        writer.WriteEndObject();
    }
}
