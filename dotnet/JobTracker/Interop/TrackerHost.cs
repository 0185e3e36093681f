namespace JobTracker.Interop;

/// <summary>
/// The only type the Python shim calls (through pythonnet): static methods with primitive arguments,
/// one process-wide tracker behind them. Bodies cross as (address, length) of a UTF-8 buffer Python owns
/// (valid only during the call) and come back as <see cref="NativeBuffer"/>s. Request headers cross as
/// one array of names and values, alternating. No method throws into Python except <see cref="Start"/>.
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
    /// <returns>A one-line status for the log, e.g. "tracking on, retention 30 days, 12 jobs in /path".</returns>
    /// <exception cref="InvalidOperationException">The tracker cannot start at all; the message says why.</exception>
    public static string Start(string extensionDir, string? apiAuth) => Bridge.Start(extensionDir, apiAuth);

    /// <summary>Stops the purge timer, finishes queued image writes and closes the journal.</summary>
    public static void Stop() => Bridge.Stop();

    /// <summary>Tells whether new requests are tracked.</summary>
    /// <returns><see langword="true"/> if tracking is on (false before <see cref="Start"/>).</returns>
    public static bool IsTrackingEnabled() => Bridge.IsTrackingEnabled();

    /// <summary>Decides what to do with a txt2img/img2img request before A1111 sees it.</summary>
    /// <param name="route">"txt2img" or "img2img".</param>
    /// <param name="bodyAddress">The address of the request body (UTF-8 JSON).</param>
    /// <param name="bodyLength">Its length in bytes.</param>
    /// <param name="clientIp">The client address.</param>
    /// <param name="headers">The headers the core reads (authorization, x-job-id, prefer, ...) as name, value, name, value, ...; values are the bytes as received, one character each (latin-1).</param>
    /// <returns>"passthrough"; "track" with the job ID, the body to hand to A1111, whether to answer 202 and the keep-alive
    /// interval; or "reply" with the answer to send at once (a retry with a known <c>X-Job-ID</c>, or a malformed one).
    /// Dispose it after reading.</returns>
    public static RequestPlan BeginRequest(string route, long bodyAddress, int bodyLength, string clientIp, string[] headers) =>
        Bridge.BeginRequest(route, bodyAddress, bodyLength, clientIp, headers);

    /// <summary>A1111 queued a task (<c>add_task_to_queue</c>): a tracked job is persisted as Pending now.</summary>
    /// <param name="jobId">The task ID.</param>
    /// <returns><see langword="true"/> if it is one of the tracker's jobs.</returns>
    public static bool OnQueued(string jobId) => Bridge.OnQueued(jobId);

    /// <summary>A1111 started a task (<c>start_task</c>): the job becomes Processing.</summary>
    /// <param name="jobId">The task ID.</param>
    public static void OnStarted(string jobId) => Bridge.OnStarted(jobId);

    /// <summary>A1111's final response for a tracked request: captures the images or the error.</summary>
    /// <param name="jobId">The job ID.</param>
    /// <param name="status">A1111's HTTP status.</param>
    /// <param name="bodyAddress">The address of A1111's response body.</param>
    /// <param name="bodyLength">Its length in bytes.</param>
    /// <returns>The body to send to the client (with "job_id" added when it is a JSON object). Dispose it after copying.</returns>
    public static NativeBuffer OnFinished(string jobId, int status, long bodyAddress, int bodyLength) =>
        Bridge.OnFinished(jobId, status, bodyAddress, bodyLength);

    /// <summary>The request ended without being admitted, or the shim failed: the job is forgotten or marked Failed.</summary>
    /// <param name="jobId">The job ID.</param>
    public static void OnAbandoned(string jobId) => Bridge.OnAbandoned(jobId);

    /// <summary>Answers <c>GET /sdapi/v1/job/{id}</c>.</summary>
    /// <param name="jobId">The ID from the path.</param>
    /// <param name="query">The raw query string without '?'.</param>
    /// <param name="clientIp">The client address (for the log).</param>
    /// <param name="headers">The request headers (authorization) as name, value, name, value, ... (latin-1).</param>
    /// <returns>The reply. Dispose it after sending.</returns>
    public static HttpReply HandleGetJob(string jobId, string query, string clientIp, string[] headers) =>
        Bridge.HandleGetJob(jobId, query, clientIp, headers);

    /// <summary>
    /// The first step of <c>POST /sdapi/v1/job/{id}/cancel</c>: credentials and ownership as for every job route, then
    /// the job's status decides. The shim stops the job when told to, then calls <see cref="FinishCancel"/>.
    /// </summary>
    /// <param name="jobId">The ID from the path.</param>
    /// <param name="clientIp">The client address (for the log).</param>
    /// <param name="headers">The request headers (authorization) as name, value, name, value, ... (latin-1).</param>
    /// <returns>The plan: a reply to send (401, 404, 409), or the job to stop. Dispose it after reading.</returns>
    public static CancelPlan BeginCancel(string jobId, string clientIp, string[] headers) => Bridge.BeginCancel(jobId, clientIp, headers);

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
    /// <param name="clientIp">The client address (for the log).</param>
    /// <param name="headers">The request headers (authorization) as name, value, name, value, ... (latin-1).</param>
    /// <returns>The reply. Dispose it after sending.</returns>
    public static HttpReply HandleListJobs(string query, string clientIp, string[] headers) =>
        Bridge.HandleListJobs(query, clientIp, headers);

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

    // Issue #5: the "Job Tracker" tab.

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

    // Issue #3: async submit (Prefer: respond-async), live progress, images by reference.

    /// <summary>
    /// The <c>202 Accepted</c> for a "track" plan with <see cref="RequestPlan.RespondAsync"/>, to send once A1111 has
    /// queued the request: the job object without images, with <c>Location</c>, <c>X-Job-ID</c>,
    /// <c>Preference-Applied: respond-async</c> and <c>Retry-After</c>.
    /// </summary>
    /// <param name="jobId">The job ID.</param>
    /// <param name="liveState">A1111's queue and progress state for the job (see <see cref="Recovery.LiveState"/>).</param>
    /// <returns>The reply. Dispose it after sending.</returns>
    public static HttpReply AcceptedReply(string jobId, string liveState) => Bridge.AcceptedReply(jobId, liveState);

    /// <summary>Answers <c>GET /sdapi/v1/job/{id}</c> with <c>queue_position</c>, <c>progress</c>, <c>eta_seconds</c> and <c>Retry-After</c>.</summary>
    /// <param name="jobId">The ID from the path.</param>
    /// <param name="query">The raw query string without '?'.</param>
    /// <param name="clientIp">The client address (for the log).</param>
    /// <param name="headers">The request headers (authorization) as name, value, name, value, ... (latin-1).</param>
    /// <param name="liveState">A1111's queue and progress state for the job (see <see cref="Recovery.LiveState"/>).</param>
    /// <returns>The reply. Dispose it after sending.</returns>
    public static HttpReply HandleGetJobLive(string jobId, string query, string clientIp, string[] headers, string liveState) =>
        Bridge.HandleGetJobLive(jobId, query, clientIp, headers, liveState);

    /// <summary>Answers <c>GET /sdapi/v1/job/{id}/images/{n}</c> with the image file itself (or 304, or a JSON error).</summary>
    /// <param name="jobId">The ID from the path.</param>
    /// <param name="index">The image index from the path.</param>
    /// <param name="clientIp">The client address (for the log).</param>
    /// <param name="headers">The request headers (authorization, if-none-match) as name, value, name, value, ... (latin-1).</param>
    /// <returns>The reply. Dispose it after sending.</returns>
    public static HttpReply HandleGetJobImage(string jobId, string index, string clientIp, string[] headers) =>
        Bridge.HandleGetJobImage(jobId, index, clientIp, headers);
}
