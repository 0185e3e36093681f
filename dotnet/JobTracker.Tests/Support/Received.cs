namespace JobTracker.Tests.Support;

/// <summary>One request the receiver got.</summary>
internal sealed record Received(Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
