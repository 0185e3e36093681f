using JobTracker.Configuration;
using JobTracker.Http;

namespace JobTracker.Security;

/// <summary>
/// The access rules of the moment: A1111's <c>--api-auth</c> users and the operator's security settings.
/// Immutable; a Reload UI that brings new credentials makes a new one.
/// </summary>
/// <param name="credentials">The <c>--api-auth</c> users.</param>
/// <param name="options">Admins, isolation and trusted proxies.</param>
internal sealed class AccessPolicy(ApiCredentials credentials, SecurityOptions options)
{
    /// <summary>Gets the policy without <c>--api-auth</c> and with default settings.</summary>
    public static AccessPolicy Open { get; } = new(ApiCredentials.None, SecurityOptions.Default);

    /// <summary>Gets the <c>--api-auth</c> users.</summary>
    public ApiCredentials Credentials { get; } = credentials ?? throw new ArgumentNullException(nameof(credentials));

    /// <summary>Gets the security settings.</summary>
    public SecurityOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Gets a value indicating whether jobs are private to their creator: isolation on and several users.</summary>
    public bool IsolatesJobs => Options.IsolationEnabled && Credentials.UserNames.Count > 1;

    /// <summary>Gets the admin names that are not <c>--api-auth</c> users (a likely typo), in order.</summary>
    public IReadOnlyList<string> UnknownAdmins =>
        Credentials.IsRequired ? Options.AdminUsers.Where(a => !Credentials.UserNames.Contains(a)).Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>Checks a request's credentials and tells which jobs it may see.</summary>
    /// <param name="headers">The request's headers.</param>
    /// <returns>The caller.</returns>
    public Caller Identify(RequestHeaders? headers)
    {
        var outcome = Credentials.Authenticate(headers?.Find("authorization"), out var user);
        var seesAll = !IsolatesJobs || (user is not null && Options.AdminUsers.Contains(user));
        return new Caller(outcome, user, seesAll);
    }

    /// <summary>The client address to record for a request (see <see cref="ClientAddress"/>).</summary>
    /// <param name="peer">The connection's address.</param>
    /// <param name="headers">The request's headers.</param>
    /// <returns>The address.</returns>
    public string ClientAddressOf(string? peer, RequestHeaders? headers) => ClientAddress.Resolve(peer, headers, Options.TrustedProxies);
}
