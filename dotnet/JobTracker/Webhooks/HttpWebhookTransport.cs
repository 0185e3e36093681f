using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace JobTracker.Webhooks;

/// <summary>
/// Sends webhooks with <see cref="HttpClient"/>, guarded against server-side request forgery: no proxy, no redirect
/// followed, no cookies, and the connection made by <see cref="ConnectAsync"/>, which resolves the host itself, checks
/// every address against the allow-list and connects only to a checked one (a DNS answer cannot point a listed name
/// elsewhere between the check and the connection).
/// </summary>
internal sealed class HttpWebhookTransport : IWebhookTransport
{
    private const string UserAgent = "JobTracker-Webhooks/1";

    private readonly WebhookAllowList _allow;
    private readonly HttpClient _client;

    /// <summary>Initializes a new instance of the <see cref="HttpWebhookTransport"/> class.</summary>
    /// <param name="allow">The allowed targets.</param>
    public HttpWebhookTransport(WebhookAllowList allow)
    {
        _allow = allow ?? throw new ArgumentNullException(nameof(allow));
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc/>
    public async Task<WebhookResponse> PostAsync(Uri url, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(headers);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd(UserAgent);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
            return new WebhookResponse((int)response.StatusCode, null);
        }
        catch (HttpRequestException ex) when (!cancellation.IsCancellationRequested)
        {
            return new WebhookResponse(null, Describe(ex));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    /// <summary>Resolves the host, refuses the connection unless every address is allowed, and connects to them in turn.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = Security.IpAddressText.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellation).ConfigureAwait(false);
        addresses = [.. addresses.Where(WebhookAllowList.IsInternetFamily)];
        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"{host} resolves to no address");
        }

        foreach (var address in addresses)
        {
            if (!_allow.AllowsConnection(host, address))
            {
                throw new WebhookTargetRefusedException($"{host} resolves to {address}, which the allow-list does not cover");
            }
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellation).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException($"cannot connect to {host}: {last?.Message}", last);
    }

    private static string Describe(HttpRequestException ex)
    {
        // The handler wraps what the connect callback threw; the innermost message says what happened.
        Exception inner = ex;
        while (inner.InnerException is { } next && inner is not WebhookTargetRefusedException)
        {
            inner = next;
        }

        return inner.Message;
    }
}
