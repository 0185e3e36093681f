namespace JobTracker.Interop;

/// <summary>
/// The only type the Python shim calls (through pythonnet): static methods with primitive arguments,
/// one process-wide tracker behind them. Bodies cross as (address, length) of a UTF-8 buffer Python owns
/// (valid only during the call) and come back as <see cref="NativeBuffer"/>s. Headers cross as one array of names and
/// values, alternating; a connection as a <see cref="ClientConnection"/>, A1111's progress as a <see cref="LiveState"/>.
/// A tracked request is an <see cref="Exchange"/> the shim drives. No method throws into Python except <see cref="Start"/>.
/// Every call is short; nothing here ever calls back into Python.
/// </summary>
public static class TrackerHost
{
    private static readonly HostBridge Bridge = new(TrackerDependencies.Production());

    /// <summary>
    /// Loads config.json and the jobs, purges expired jobs and starts the 6-hourly purge. A second call
    /// (A1111's Reload UI) does not reload: it only takes the new <paramref name="apiAuth"/>.
    /// </summary>
    /// <param name="extensionDir">The extension's folder; the data folder unless <c>TRACKER_DATA_DIR</c> is set.</param>
    /// <param name="apiAuth">A1111's <c>--api-auth</c> value ("user:pass,user2:pass2"), or <see langword="null"/>.</param>
    /// <param name="webui">The WebUI: "a1111", "forge" or "sdnext" (its error shape differs).</param>
    /// <returns>A one-line status for the log, e.g. "tracking on, retention 30 days, 12 jobs in /path".</returns>
    /// <exception cref="InvalidOperationException">The tracker cannot start at all; the message says why.</exception>
    public static string Start(string extensionDir, string? apiAuth, string webui) => Bridge.Start(extensionDir, apiAuth, webui);

    /// <summary>Stops the purge timer, finishes queued image writes and closes the journal.</summary>
    public static void Stop() => Bridge.Stop();

    /// <summary>Tells whether new requests are tracked.</summary>
    /// <returns><see langword="true"/> if tracking is on (false before <see cref="Start"/>).</returns>
    public static bool IsTrackingEnabled() => Bridge.IsTrackingEnabled();

    /// <summary>Begins a txt2img/img2img request before A1111 sees it.</summary>
    /// <param name="route">"txt2img" or "img2img".</param>
    /// <param name="bodyAddress">The address of the request body (UTF-8 JSON).</param>
    /// <param name="bodyLength">Its length in bytes.</param>
    /// <param name="client">The connection, as the server gave it.</param>
    /// <param name="headers">The headers the core reads (authorization, origin, x-job-id, prefer, ...) as name, value, name, value, ...; values are the bytes as received, one character each (latin-1).</param>
    /// <returns>The exchange: its <see cref="Exchange.Opening"/> says whether to pass the request through, answer it at once, or hand A1111 the tracked body.</returns>
    public static Exchange BeginRequest(string route, long bodyAddress, int bodyLength, ClientConnection client, string[] headers) =>
        Bridge.BeginRequest(route, bodyAddress, bodyLength, client, headers);

    /// <summary>Answers <c>GET /sdapi/v1/job/{id}</c> with <c>queue_position</c>, <c>progress</c>, <c>eta_seconds</c> and <c>Retry-After</c>.</summary>
    /// <param name="jobId">The ID from the path.</param>
    /// <param name="query">The raw query string without '?'.</param>
    /// <param name="client">The connection (for the log).</param>
    /// <param name="headers">The request headers (authorization) as name, value, name, value, ... (latin-1).</param>
    /// <param name="live">A1111's queue and progress state for the job, or <see langword="null"/> when unreadable.</param>
    /// <returns>The reply. Dispose it after sending.</returns>
    public static HttpReply HandleGetJob(string jobId, string query, ClientConnection client, string[] headers, LiveState? live) =>
        Bridge.HandleGetJob(jobId, query, client, headers, live);

    /// <summary>
    /// The first step of <c>POST /sdapi/v1/job/{id}/cancel</c>: credentials and ownership as for every job route, then
    /// the job's status decides. The shim stops the job when told to, then calls <see cref="FinishCancel"/>.
    /// </summary>
    /// <param name="jobId">The ID from the path.</param>
    /// <param name="client">The connection's raw facts (for the log).</param>
    /// <param name="headers">The request headers (authorization) as name, value, name, value, ... (latin-1).</param>
    /// <returns>The plan: a reply to send (401, 404, 409), or the job to stop. Dispose it after reading.</returns>
    public static CancelPlan BeginCancel(string jobId, ClientConnection? client, string[] headers) => Bridge.BeginCancel(jobId, client, headers);

    /// <summary>The first step of the tab's Cancel button: as <see cref="BeginCancel"/>, for the WebUI's own page, which sees every job.</summary>
    /// <param name="jobId">The job ID.</param>
    /// <returns>The plan: a reply to show (404, 409), or the job to stop. Dispose it after reading.</returns>
    public static CancelPlan BeginTabCancel(string jobId) => Bridge.BeginTabCancel(jobId);

    /// <summary>The second step of a cancel: what the shim did on A1111's objects; ends the job or marks it to end as cancelled.</summary>
    /// <param name="jobId">The job ID the first step let in.</param>
    /// <param name="outcome">"Dequeued" (it left the queue), "Interrupted" (it was the task running) or "NotRunning" (it no longer ran).</param>
    /// <returns>200 with the job ended, 202 while an interrupted job still has to answer, 409 when it finished first. Dispose it after sending.</returns>
    public static HttpReply FinishCancel(string jobId, string outcome) => Bridge.FinishCancel(jobId, outcome);

    /// <summary>Answers <c>GET /sdapi/v1/jobs</c>.</summary>
    /// <param name="query">The raw query string without '?'.</param>
    /// <param name="client">The connection (for the log).</param>
    /// <param name="headers">The request headers (authorization) as name, value, name, value, ... (latin-1).</param>
    /// <returns>The reply. Dispose it after sending.</returns>
    public static HttpReply HandleListJobs(string query, ClientConnection client, string[] headers) =>
        Bridge.HandleListJobs(query, client, headers);

    /// <summary>Answers <c>GET /sdapi/v1/job/{id}/images/{n}</c> with the image file itself (or 304, or a JSON error).</summary>
    /// <param name="jobId">The ID from the path.</param>
    /// <param name="index">The image index from the path.</param>
    /// <param name="client">The connection (for the log).</param>
    /// <param name="headers">The request headers (authorization, if-none-match) as name, value, name, value, ... (latin-1).</param>
    /// <returns>The reply. Dispose it after sending.</returns>
    public static HttpReply HandleGetJobImage(string jobId, string index, ClientConnection client, string[] headers) =>
        Bridge.HandleGetJobImage(jobId, index, client, headers);

    /// <summary>The settings as JSON: tracking_enabled, retention_days, pinned, data_dir.</summary>
    /// <returns>The JSON text.</returns>
    public static string GetSettings() => Bridge.GetSettings();

    /// <summary>Turns tracking on or off and saves it, unless <c>TRACKER_ENABLED</c> pins it.</summary>
    /// <param name="enabled">The new value.</param>
    /// <returns>The settings JSON afterwards, with "message" when the change was refused or not saved.</returns>
    public static string SetTrackingEnabled(bool enabled) => Bridge.SetTrackingEnabled(enabled);

    /// <summary>Sets the retention in days (0 = keep forever) and saves it, unless <c>TRACKER_RETENTION</c> pins it.</summary>
    /// <param name="days">The new value; negative values are refused with a message.</param>
    /// <returns>The settings JSON afterwards, with "message" when the change was refused or not saved.</returns>
    public static string SetRetentionDays(int days) => Bridge.SetRetentionDays(days);

    /// <summary>Purges expired jobs now.</summary>
    /// <returns>JSON <c>{"jobs_removed":n,"files_removed":m,"retention_days":d}</c>.</returns>
    public static string PurgeNow() => Bridge.PurgeNow();

    /// <summary>One page of the tab's jobs table, newest first, as JSON (paths included: for the shim only, never served).</summary>
    /// <param name="status">"All" or a status name (case-insensitive).</param>
    /// <param name="search">Text the ID or prompt must contain; "" for all.</param>
    /// <param name="page">The page, from 1; past the end gives the last page.</param>
    /// <param name="pageSize">Jobs per page, 1 to 100.</param>
    /// <returns>The JSON of a <see cref="Ui.JobPage"/>, or <c>{"error", "detail"}</c>.</returns>
    public static string GetJobPage(string status, string search, int page, int pageSize) => Bridge.GetJobPage(status, search, page, pageSize);

    /// <summary>One job's detail for the tab, as JSON.</summary>
    /// <param name="jobId">The job ID.</param>
    /// <returns>The JSON of a <see cref="Ui.JobView"/>, or <c>{"error": "NotFound", "detail"}</c>.</returns>
    public static string GetJobView(string jobId) => Bridge.GetJobView(jobId);

    /// <summary>
    /// Opens <c>GET /sdapi/v1/job/{id}/events</c> (server-sent events): the same credentials and ownership as
    /// <see cref="HandleGetJob"/>; <c>Last-Event-ID</c> resumes after the event it names.
    /// </summary>
    /// <param name="jobId">The ID from the path.</param>
    /// <param name="client">The connection's raw facts (for the log).</param>
    /// <param name="headers">The request headers (authorization, last-event-id) as name, value, name, value, ... (latin-1).</param>
    /// <returns>The head and, for a 200, the stream to drive. Dispose it after sending the head.</returns>
    public static EventStreamOpening OpenEventStream(string jobId, ClientConnection? client, string[] headers) =>
        Bridge.OpenEventStream(jobId, client, headers);
}
