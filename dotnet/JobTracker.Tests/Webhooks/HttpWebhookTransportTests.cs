using System.Net;
using System.Net.Sockets;
using System.Text;
using JobTracker.Webhooks;

namespace JobTracker.Tests.Webhooks;

/// <summary>The real HTTP sender against a one-shot TCP server on 127.0.0.1.</summary>
public sealed class HttpWebhookTransportTests
{
    private static readonly KeyValuePair<string, string>[] Headers = [new("webhook-id", "msg_Abc12345")];

    [Test]
    public async Task PostAsync_ListedAddress_SendsTheBodyAndHeadersAndReturnsTheStatus()
    {
        using var listener = Listen();
        using var transport = new HttpWebhookTransport(WebhookAllowList.Parse("127.0.0.1"));
        var served = ServeOnceAsync(listener, "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");

        var response = await transport.PostAsync(UrlOf(listener), Headers, "{\"id\":\"Abc12345\"}"u8.ToArray(), Deadline());

        Assert.That(response, Is.EqualTo(new WebhookResponse(204, null)));
        var request = await served;
        Assert.That(request, Does.StartWith("POST /hook HTTP/1.1"));
        Assert.That(request, Does.Contain("webhook-id: msg_Abc12345").And.Contain("Content-Type: application/json").And.EndWith("{\"id\":\"Abc12345\"}"));
    }

    [Test]
    public async Task PostAsync_Redirect_NotFollowed()
    {
        using var listener = Listen();
        using var transport = new HttpWebhookTransport(WebhookAllowList.Parse("127.0.0.1"));
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = ServeOnceAsync(listener, $"HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:{port}/elsewhere\r\nContent-Length: 0\r\n\r\n");

        var response = await transport.PostAsync(UrlOf(listener), Headers, [], Deadline());
        await served;

        Assert.That(response.Status, Is.EqualTo(307));
        Assert.That(listener.Pending(), Is.False, "no second request followed the redirect");
    }

    [Test]
    public async Task PostAsync_ListedNameResolvingToAnUnlistedAddress_RefusedWithoutConnecting()
    {
        using var listener = Listen();
        using var transport = new HttpWebhookTransport(WebhookAllowList.Parse("localhost"));
        var url = new Uri($"http://localhost:{((IPEndPoint)listener.LocalEndpoint).Port}/hook");

        var response = await transport.PostAsync(url, Headers, [], Deadline());

        Assert.That(response.Status, Is.Null);
        Assert.That(response.Error, Does.Contain("localhost resolves to").And.Contain("which the allow-list does not cover"));
        Assert.That(listener.Pending(), Is.False, "nothing connected");
    }

    [Test]
    public async Task PostAsync_NothingListening_AnErrorNotAnException()
    {
        int port;
        using (var closed = Listen())
        {
            port = ((IPEndPoint)closed.LocalEndpoint).Port;
        }

        using var transport = new HttpWebhookTransport(WebhookAllowList.Parse("127.0.0.1"));
        var response = await transport.PostAsync(new Uri($"http://127.0.0.1:{port}/hook"), Headers, [], Deadline());

        Assert.That(response.Status, Is.Null);
        Assert.That(response.Error, Is.Not.Empty);
    }

    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static Uri UrlOf(TcpListener listener) => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/hook");

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    /// <summary>Accepts one connection, reads one request (head and Content-Length body), answers, closes.</summary>
    private static async Task<string> ServeOnceAsync(TcpListener listener, string answer)
    {
        using var client = await listener.AcceptTcpClientAsync(Deadline());
        var stream = client.GetStream();
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (true)
        {
            var text = received.ToString();
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var length = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } line
                    ? int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;
                if (text.Length >= end + 4 + length)
                {
                    break;
                }
            }

            var n = await stream.ReadAsync(buffer, Deadline());
            if (n == 0)
            {
                break;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), Deadline());
        return received.ToString();
    }
}
