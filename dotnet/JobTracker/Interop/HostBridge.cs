using System.Text.Json;
using JobTracker.Configuration;
using JobTracker.Exchanges;
using JobTracker.Http;
using JobTracker.Serialization;
using JobTracker.Tracking;

namespace JobTracker.Interop;

/// <summary>
/// The instance behind <see cref="TrackerHost"/>: turns (address, length) buffers into spans and replies
/// into <see cref="NativeBuffer"/>s; every call runs through one <see cref="Boundary"/>, which logs a failure with
/// context and returns the call's typed safe result. Tests construct it with their own dependencies.
/// </summary>
/// <param name="dependencies">Clock, randomness, log and environment for the service it starts.</param>
internal sealed class HostBridge(TrackerDependencies dependencies)
{
    internal const string InternalErrorJson = "{\"error\":\"TrackerError\",\"detail\":\"internal error; see the server log\"}";
    private const string NotRunning = "the job tracker is not running";
    private static readonly byte[] InternalErrorBody = System.Text.Encoding.UTF8.GetBytes(InternalErrorJson);

    private readonly Lock _gate = new();
    private readonly Boundary _boundary = new(dependencies.Log);
    private TrackerService? _service;
    private WebUiFlavour _flavour;

    internal TrackerService? Service => Volatile.Read(ref _service);

    public string Start(string extensionDir, string? apiAuth, string? webui)
    {
        lock (_gate)
        {
            _flavour = WebUiFlavours.Parse(webui);
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
            _boundary.Run(nameof(Stop), string.Empty, () => service?.Dispose());
        }
    }

    public bool IsTrackingEnabled() =>
        _boundary.Run(nameof(IsTrackingEnabled), string.Empty, () => Service?.Settings.Current.TrackingEnabled ?? false, () => false);

    public Exchange BeginRequest(string route, long bodyAddress, int bodyLength, ClientConnection? client, string[] headers) =>
        _boundary.Run(nameof(BeginRequest), $"route '{route}'", () => Begin(route, bodyAddress, bodyLength, client, headers), Untracked);

    public HttpReply HandleGetJob(string jobId, string query, ClientConnection? client, string[] headers, LiveState? live) =>
        Handle(nameof(HandleGetJob), $"job '{Ids.JobId.Sanitize(jobId)}'", client, headers, (service, request, body) => service.Handlers.GetJob(jobId, query, request, live, body));

    public HttpReply HandleListJobs(string query, ClientConnection? client, string[] headers) =>
        Handle(nameof(HandleListJobs), $"query '{Truncate(query)}'", client, headers, (service, request, body) => service.Handlers.ListJobs(query, request, body));

    public HttpReply HandleGetJobImage(string jobId, string index, ClientConnection? client, string[] headers) =>
        Handle(nameof(HandleGetJobImage), $"image '{Truncate(index)}' of job '{Ids.JobId.Sanitize(jobId)}'", client, headers, (service, request, body) => service.Handlers.GetImage(jobId, index, request, body));

    public CancelPlan BeginCancel(string jobId, ClientConnection? client, string[] headers) =>
        Cancel(nameof(BeginCancel), $"job '{Ids.JobId.Sanitize(jobId)}' from {client?.Host}", (service, body) =>
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
        Handle(nameof(FinishCancel), $"job '{Ids.JobId.Sanitize(jobId)}', outcome '{Truncate(outcome)}'", null, [], (service, _, body) => service.Cancels.Finish(jobId, outcome, body));

    private CancelPlan Cancel(string method, string context, Func<TrackerService, NativeBufferWriter, (ReplyHead? Refused, Cancellation.CancelAction Action)> begin) =>
        _boundary.Run(method, context, () =>
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
        }, () => CancelPlan.ForReply(new HttpReply(500, ReplyHeaders.Json, NativeBuffer.CopyOf(InternalErrorBody))));

    public string GetSettings() => Settings(nameof(GetSettings), service => service.GetSettings());

    public string SetTrackingEnabled(bool enabled) => Settings(nameof(SetTrackingEnabled), service => service.SetTrackingEnabled(enabled));

    public string SetRetentionDays(int days) => Settings(nameof(SetRetentionDays), service => service.SetRetentionDays(days));

    public string PurgeNow() => Json(nameof(PurgeNow), service => JsonSerializer.Serialize(service.PurgeNow(), TrackerJsonContext.Default.PurgeResult));

    public string GetJobPage(string status, string search, int page, int pageSize) =>
        Json(nameof(GetJobPage), service =>
            JsonSerializer.Serialize(service.Tab.Page(Ui.JobTableQuery.From(status, search, page, pageSize)), TrackerJsonContext.Default.JobPage));

    public string GetJobView(string jobId) =>
        Json(nameof(GetJobView), service => service.Tab.View(jobId) is { } view
            ? JsonSerializer.Serialize(view, TrackerJsonContext.Default.JobView)
            : JsonSerializer.Serialize(new ErrorBody("NotFound", $"Job {Ids.JobId.Sanitize(jobId)} not found"), TrackerJsonContext.Default.ErrorBody));

    private Exchange Begin(string route, long bodyAddress, int bodyLength, ClientConnection? client, string[] headers)
    {
        if (Service is not { } service)
        {
            return Untracked();
        }

        var body = NativeSpan.Of(bodyAddress, bodyLength);
        var request = RequestHeaders.FromPairs(headers);
        using var rewritten = new NativeBufferWriter(body.Length + 64);
        var outcome = service.Requests.Begin(route, body, (client ?? ClientConnection.Unknown).Peer(request), request, rewritten);
        switch (outcome.Action)
        {
            case BeginAction.Track:
                // Browsers need A1111's CORS headers, which only come with A1111's own response: no early head, no 202.
                var options = new ExchangeOptions(
                    EarlyHead: request.Find("origin") is null,
                    outcome.RespondAsync,
                    TimeSpan.FromSeconds(outcome.KeepAliveSeconds),
                    _flavour);
                var tracked = new TrackedExchange(outcome.JobId, service.Requests, service.Handlers, options, dependencies.Time, dependencies.Log);
                return new Exchange(_boundary, tracked, ExchangeStep.CallApp(rewritten.Detach()));
            case BeginAction.Reply:
                return new Exchange(_boundary, null, ExchangeStep.Whole(outcome.Reply.Status, outcome.Reply.Headers, rewritten.Detach()));
            default:
                return Untracked();
        }
    }

    private Exchange Untracked() => new(_boundary, null, ExchangeStep.PassThrough);

    private string Settings(string method, Func<TrackerService, SettingsReport> read) =>
        _boundary.Run(method, string.Empty, () =>
        {
            var report = Service is { } service
                ? read(service)
                : new SettingsReport(TrackerOptions.DefaultTrackingEnabled, TrackerOptions.DefaultRetentionDays, PinnedSettings.None, string.Empty, NotRunning);
            return JsonSerializer.Serialize(report, TrackerJsonContext.Default.SettingsReport);
        }, () => InternalErrorJson);

    public EventStreamOpening OpenEventStream(string jobId, ClientConnection? client, string[] headers)
    {
        JobTracker.Events.JobEventStream? opened = null;
        var reply = Handle(nameof(OpenEventStream), $"events of job '{Ids.JobId.Sanitize(jobId)}'", client, headers, (service, requestHeaders, body) =>
            service.Events.Open(jobId, requestHeaders, body, out opened));
        return new EventStreamOpening(reply, opened is null ? null : new EventStream(opened, dependencies.Log));
    }

    private string Json(string method, Func<TrackerService, string> read) =>
        _boundary.Run(method, string.Empty, () => Service is { } service
            ? read(service)
            : JsonSerializer.Serialize(new ErrorBody("TrackerError", NotRunning), TrackerJsonContext.Default.ErrorBody), () => InternalErrorJson);

    private HttpReply Handle(string method, string context, ClientConnection? client, string[] headers, Func<TrackerService, RequestHeaders, NativeBufferWriter, ReplyHead> handle) =>
        _boundary.Run(method, $"{context} from {client?.Host}", () =>
        {
            using var body = new NativeBufferWriter();
            var head = Service is { } service
                ? handle(service, RequestHeaders.FromPairs(headers), body)
                : JsonReplies.Error(503, "TrackerUnavailable", NotRunning, body);
            return new HttpReply(head.Status, head.Headers, body.Detach());
        }, () => new HttpReply(500, ReplyHeaders.Json, NativeBuffer.CopyOf(InternalErrorBody)));

    private static string Truncate(string? text) =>
        text is null ? string.Empty : text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
