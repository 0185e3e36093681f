namespace JobTracker.Security;

/// <summary>The decision on a request's credentials.</summary>
internal enum AuthOutcome
{
    /// <summary>No credentials are configured, or the request's are right.</summary>
    Allowed,

    /// <summary>Credentials are required and the request has no readable Basic header (401 "Not authenticated").</summary>
    NotAuthenticated,

    /// <summary>The user is unknown or the password wrong (401 "Incorrect username or password").</summary>
    IncorrectCredentials,
}
