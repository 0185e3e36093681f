using System.Text.Json;
using JobTracker.Configuration;
using JobTracker.Http;
using JobTracker.Serialization;
using JobTracker.Tracking;

namespace JobTracker.Interop;

/// <summary>
/// The instance behind <see cref="TrackerHost"/>: turns (address, length) buffers into spans and replies
/// into <see cref="NativeBuffer"/>s, and is the language boundary where every exception is caught,
/// logged with context and turned into a safe result. Tests construct it with their own dependencies.
/// </summary>
/// <param name="dependencies">Clock, randomness, log and environment for the service it starts.</param>
internal sealed unsafe class HostBridge(TrackerDependencies dependencies)
{
    internal const string InternalErrorJson = "{\"error\":\"TrackerError\",\"detail\":\"internal error; see the server log\"}";
    private const string NotRunning = "the job tracker is not running";
    private static readonly byte[] InternalErrorBody = System.Text.Encoding.UTF8.GetBytes(InternalErrorJson);

    private readonly Lock _gate = new();
    private TrackerService? _service;

    internal TrackerService? Service => Volatile.Read(ref _service);

    public string Start(string extensionDir, string? apiAuth)
    {
        lock (_gate)
        {
            if (_service is { } running)
            {
                running.UpdateApiAuth(apiAuth);
                return running.Summary();
            }

            try
            {
                var service = TrackerService.Start(extensionDir, apiAuth, dependencies);
                Volatile.Write(ref _service, service);
                return service.Summary();
            }
#pragma warning disable CA1031 // Language boundary: any failure becomes one readable exception for Python.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                dependencies.Log.Write($"cannot start in '{extensionDir}': {ex}");
                throw new InvalidOperationException($"Job Tracker cannot start (extension folder '{extensionDir}'): {ex.Message}", ex);
            }
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            var service = Interlocked.Exchange(ref _service, null);
            Guard(nameof(Stop), string.Empty, () => service?.Dispose());
        }
    }

    public bool IsTrackingEnabled() =>
        Guard(nameof(IsTrackingEnabled), string.Empty, () => Service?.Settings.Current.TrackingEnabled ?? false, false);

    public RequestPlan BeginRequest(string route, long bodyAddress, int bodyLength, string clientIp, string[] headers)
    {
        try
        {
            if (Service is not { } service)
            {
                return RequestPlan.ForPassthrough();
            }

            var body = Span(bodyAddress, bodyLength);
            using var rewritten = new NativeBufferWriter(body.Length + 64);
            var outcome = service.Requests.Begin(route, body, clientIp, RequestHeaders.FromPairs(headers), rewritten);
            return outcome.Action switch
            {
                BeginAction.Track => RequestPlan.ForTrack(outcome.JobId, rewritten.Detach(), outcome.RespondAsync, outcome.KeepAliveSeconds),
                BeginAction.Reply => RequestPlan.ForReply(new HttpReply(outcome.Reply.Status, outcome.Reply.Headers, rewritten.Detach())),
                _ => RequestPlan.ForPassthrough(),
            };
        }
#pragma warning disable CA1031 // Language boundary: tracking must never break generation, so a failure passes the request through.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log(nameof(BeginRequest), $"route '{route}'", ex);
            return RequestPlan.ForPassthrough();
        }
    }

    public bool OnQueued(string jobId) =>
        Guard(nameof(OnQueued), jobId, () => Service?.Requests.OnQueued(jobId) ?? false, false);

    public void OnStarted(string jobId) => Guard(nameof(OnStarted), jobId, () => Service?.Requests.OnStarted(jobId));

    public NativeBuffer OnFinished(string jobId, int status, long bodyAddress, int bodyLength)
    {
        try
        {
            var body = Span(bodyAddress, bodyLength);
            if (Service is not { } service)
            {
                return NativeBuffer.CopyOf(body);
            }

            using var clientBody = new NativeBufferWriter(body.Length + 64);
            service.Requests.OnFinished(jobId, status, body, clientBody);
            return clientBody.Detach();
        }
#pragma warning disable CA1031 // Language boundary: the client still gets A1111's answer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log(nameof(OnFinished), $"job '{jobId}', status {status}", ex);
            return PassThroughBody(bodyAddress, bodyLength);
        }
    }

    public void OnAbandoned(string jobId) => Guard(nameof(OnAbandoned), jobId, () => Service?.Requests.OnAbandoned(jobId));

    public HttpReply HandleGetJob(string jobId, string query, string clientIp, string[] headers) =>
        Handle(nameof(HandleGetJob), $"job '{Ids.JobId.Sanitize(jobId)}' from {clientIp}", (service, body) => service.Handlers.GetJob(jobId, query, RequestHeaders.FromPairs(headers), body));

    public HttpReply HandleListJobs(string query, string clientIp, string[] headers) =>
        Handle(nameof(HandleListJobs), $"query '{Truncate(query)}' from {clientIp}", (service, body) => service.Handlers.ListJobs(query, RequestHeaders.FromPairs(headers), body));

    public CancelPlan BeginCancel(string jobId, string clientIp, string[] headers) =>
        Cancel(nameof(BeginCancel), $"job '{Ids.JobId.Sanitize(jobId)}' from {clientIp}", (service, body) =>
        {
            var refused = service.Cancels.Begin(jobId, RequestHeaders.FromPairs(headers), body, out var action);
            return (refused, action);
        });

    public CancelPlan BeginTabCancel(string jobId) =>
        Cancel(nameof(BeginTabCancel), $"job '{Ids.JobId.Sanitize(jobId)}' from the tab", (service, body) =>
        {
            var refused = service.Cancels.BeginForTab(jobId, body, out var action);
            return (refused, action);
        });

    public HttpReply FinishCancel(string jobId, string outcome) =>
        Handle(nameof(FinishCancel), $"job '{Ids.JobId.Sanitize(jobId)}', outcome '{Truncate(outcome)}'", (service, body) => service.Cancels.Finish(jobId, outcome, body));

    private CancelPlan Cancel(string method, string context, Func<TrackerService, NativeBufferWriter, (ReplyHead? Refused, Cancellation.CancelAction Action)> begin)
    {
        try
        {
            using var body = new NativeBufferWriter();
            if (Service is not { } service)
            {
                var unavailable = JsonReplies.Error(503, "TrackerUnavailable", NotRunning, body);
                return CancelPlan.ForReply(new HttpReply(unavailable.Status, unavailable.Headers, body.Detach()));
            }

            var (refused, action) = begin(service, body);
            return refused is { } head
                ? CancelPlan.ForReply(new HttpReply(head.Status, head.Headers, body.Detach()))
                : CancelPlan.ForStop(mayDequeue: action == Cancellation.CancelAction.Dequeue);
        }
#pragma warning disable CA1031 // Language boundary: the client gets a 500 JSON reply and nothing is stopped; the log gets the details.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log(method, context, ex);
            return CancelPlan.ForReply(new HttpReply(500, HeaderLines.JsonContentType, NativeBuffer.CopyOf(InternalErrorBody)));
        }
    }

    public string GetSettings() => Settings(nameof(GetSettings), service => service.GetSettings());

    public string SetTrackingEnabled(bool enabled) => Settings(nameof(SetTrackingEnabled), service => service.SetTrackingEnabled(enabled));

    public string SetRetentionDays(int days) => Settings(nameof(SetRetentionDays), service => service.SetRetentionDays(days));

    public string PurgeNow()
    {
        try
        {
            return Service is { } service
                ? JsonSerializer.Serialize(service.PurgeNow(), TrackerJsonContext.Default.PurgeResult)
                : JsonSerializer.Serialize(new ErrorBody("TrackerError", NotRunning), TrackerJsonContext.Default.ErrorBody);
        }
#pragma warning disable CA1031 // Language boundary.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log(nameof(PurgeNow), string.Empty, ex);
            return InternalErrorJson;
        }
    }

    private string Settings(string method, Func<TrackerService, SettingsReport> read)
    {
        try
        {
            var report = Service is { } service
                ? read(service)
                : new SettingsReport(TrackerOptions.DefaultTrackingEnabled, TrackerOptions.DefaultRetentionDays, PinnedSettings.None, string.Empty, NotRunning);
            return JsonSerializer.Serialize(report, TrackerJsonContext.Default.SettingsReport);
        }
#pragma warning disable CA1031 // Language boundary.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log(method, string.Empty, ex);
            return InternalErrorJson;
        }
    }

    private HttpReply Handle(string method, string context, Func<TrackerService, NativeBufferWriter, ReplyHead> handle)
    {
        try
        {
            using var body = new NativeBufferWriter();
            var head = Service is { } service
                ? handle(service, body)
                : JsonReplies.Error(503, "TrackerUnavailable", NotRunning, body);
            return new HttpReply(head.Status, head.Headers, body.Detach());
        }
#pragma warning disable CA1031 // Language boundary: the client gets a 500 JSON reply, the log gets the details.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log(method, context, ex);
            return new HttpReply(500, HeaderLines.JsonContentType, NativeBuffer.CopyOf(InternalErrorBody));
        }
    }

    private void Guard(string method, string context, Action action) =>
        Guard<object?>(method, context, () =>
        {
            action();
            return null;
        }, null);

    private T Guard<T>(string method, string context, Func<T> action, T fallback)
    {
        try
        {
            return action();
        }
#pragma warning disable CA1031 // Language boundary: lifecycle notifications never fail the caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log(method, context.Length == 0 ? string.Empty : $"job '{Ids.JobId.Sanitize(context)}'", ex);
            return fallback;
        }
    }

    private void Log(string method, string context, Exception ex)
    {
        try
        {
            dependencies.Log.Write($"{method} failed{(context.Length == 0 ? string.Empty : " for " + context)}: {ex}");
        }
#pragma warning disable CA1031 // Logging must not turn a handled failure into an unhandled one.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static NativeBuffer PassThroughBody(long address, int length)
    {
        try
        {
            return NativeBuffer.CopyOf(Span(address, length));
        }
#pragma warning disable CA1031 // Last resort at the boundary: an error body beats an exception in Python.
        catch (Exception)
#pragma warning restore CA1031
        {
            return NativeBuffer.CopyOf(InternalErrorBody);
        }
    }

    private static ReadOnlySpan<byte> Span(long address, int length)
    {
        if (length <= 0)
        {
            return [];
        }

        if (address == 0)
        {
            throw new ArgumentException($"a body of {length} bytes has address 0");
        }

        return new ReadOnlySpan<byte>((void*)address, length);
    }

    private static string Truncate(string? text) =>
        text is null ? string.Empty : text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");

    // Issue #5: the "Job Tracker" tab.
    public string GetJobPage(string status, string search, int page, int pageSize) =>
        Json(nameof(GetJobPage), service =>
            JsonSerializer.Serialize(service.Tab.Page(Ui.JobTableQuery.From(status, search, page, pageSize)), TrackerJsonContext.Default.JobPage));

    public string GetJobView(string jobId) =>
        Json(nameof(GetJobView), service => service.Tab.View(jobId) is { } view
            ? JsonSerializer.Serialize(view, TrackerJsonContext.Default.JobView)
            : JsonSerializer.Serialize(new ErrorBody("NotFound", $"Job {Ids.JobId.Sanitize(jobId)} not found"), TrackerJsonContext.Default.ErrorBody));

    private string Json(string method, Func<TrackerService, string> read)
    {
        try
        {
            return Service is { } service
                ? read(service)
                : JsonSerializer.Serialize(new ErrorBody("TrackerError", NotRunning), TrackerJsonContext.Default.ErrorBody);
        }
#pragma warning disable CA1031 // Language boundary.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log(method, string.Empty, ex);
            return InternalErrorJson;
        }
    }

    // Issue #3: async submit, live progress, images by reference.
    public HttpReply AcceptedReply(string jobId, string liveState) =>
        Handle(nameof(AcceptedReply), $"job '{Ids.JobId.Sanitize(jobId)}'", (service, body) => service.Handlers.Accepted(jobId, Recovery.LiveState.Parse(liveState), body));

    public HttpReply HandleGetJobLive(string jobId, string query, string clientIp, string[] headers, string liveState) =>
        Handle(nameof(HandleGetJobLive), $"job '{Ids.JobId.Sanitize(jobId)}' from {clientIp}", (service, body) => service.Handlers.GetJob(jobId, query, RequestHeaders.FromPairs(headers), Recovery.LiveState.Parse(liveState), body));

    public HttpReply HandleGetJobImage(string jobId, string index, string clientIp, string[] headers) =>
        Handle(nameof(HandleGetJobImage), $"image '{Truncate(index)}' of job '{Ids.JobId.Sanitize(jobId)}' from {clientIp}", (service, body) => service.Handlers.GetImage(jobId, index, RequestHeaders.FromPairs(headers), body));
}
