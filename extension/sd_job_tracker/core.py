"""The one module that talks to the .NET core (JobTracker.Interop.TrackerHost).

Every call is wrapped: a failure in the tracker is logged and turned into the neutral
answer, so that tracking can never break generation.
"""
from __future__ import annotations

import atexit
import json
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from . import build_folders, build_record, core_files, fetched_core, native_bytes, paths, runtime_download
from .assembly_version import product_version
from .clr_host import ClrStartError, start_clr
from .pythonnet_release import pythonnet_version, start_refusal, unsupported_message
from .http_reply import Reply, internal_error
from .log import log

_lock = threading.Lock()
_core: "TrackerCore | None" = None
_failure: str | None = None


@dataclass(frozen=True)
class RequestPlan:
    action: str  # "passthrough" | "track" | "reply"
    job_id: str = ""
    body: bytes = b""
    reply: Reply | None = None
    respond_async: bool = False  # Prefer: respond-async -> 202 at admission (issue #3)
    keepalive_seconds: int = 0  # a space every N s before a synchronous body (issue #3)


PASS_THROUGH = RequestPlan("passthrough")


class TrackerCore:
    def __init__(self, host):
        self._host = host

    def is_enabled(self) -> bool:
        try:
            return bool(self._host.IsTrackingEnabled())
        except Exception as error:  # noqa: BLE001 - the bridge can raise any .NET exception
            log(f"cannot read the tracking setting: {error}")
            return False

    def begin(self, route: str, body: bytes, client_ip: str, headers: list[str]) -> RequestPlan:
        try:
            plan = self._host.BeginRequest(route, native_bytes.address_of(body), len(body), client_ip, headers)
        except Exception as error:  # noqa: BLE001
            log(f"could not start tracking a {route} request, passing it through untracked: {error}")
            return PASS_THROUGH
        try:
            action = str(plan.Action)
            if action == "track":
                return RequestPlan(action, str(plan.JobId), native_bytes.take(plan.Body),
                                   respond_async=bool(plan.RespondAsync), keepalive_seconds=int(plan.KeepAliveSeconds))
            if action == "reply":
                return RequestPlan(action, reply=Reply.from_dotnet(plan.Reply))
            return PASS_THROUGH
        finally:
            plan.Dispose()

    def queued(self, job_id: str) -> bool:
        return bool(self._guarded("record the queued job", lambda: self._host.OnQueued(job_id), False))

    def started(self, job_id: str) -> None:
        self._guarded("record the job's start", lambda: self._host.OnStarted(job_id), None)

    def finish(self, job_id: str, status: int, body: bytes) -> bytes:
        def call():
            return native_bytes.take(self._host.OnFinished(job_id, status, native_bytes.address_of(body), len(body)))
        return self._guarded(f"record the result of job {job_id}", call, body)

    def abandon(self, job_id: str) -> None:
        self._guarded("forget an unadmitted job", lambda: self._host.OnAbandoned(job_id), None)

    def get_job(self, job_id: str, query: str, client_ip: str, headers: list[str]) -> Reply:
        return self._reply("answer a job request", lambda: self._host.HandleGetJob(job_id, query, client_ip, headers))

    def list_jobs(self, query: str, client_ip: str, headers: list[str]) -> Reply:
        return self._reply("answer a job list request", lambda: self._host.HandleListJobs(query, client_ip, headers))

    def cancel(self, job_id: str, client_ip: str, headers: list[str], stop) -> Reply:
        """POST /sdapi/v1/job/{id}/cancel: the core decides, `stop(job_id, may_dequeue)` acts on A1111, the core answers."""
        return self._cancel(job_id, lambda: self._host.BeginCancel(job_id, client_ip, headers), stop)

    def tab_cancel(self, job_id: str, stop) -> Reply:
        """The tab's Cancel button: as cancel(), for the WebUI's own page, which sees every job."""
        return self._cancel(job_id, lambda: self._host.BeginTabCancel(job_id), stop)

    def _cancel(self, job_id: str, begin, stop) -> Reply:
        try:
            plan = begin()
        except Exception as error:  # noqa: BLE001 - the bridge can raise any .NET exception
            log(f"could not decide on cancelling job {job_id}: {error}")
            return internal_error()
        try:
            if not plan.Stop:
                return Reply.from_dotnet(plan.Reply)
            may_dequeue = bool(plan.MayDequeue)
        finally:
            plan.Dispose()
        try:
            outcome = stop(job_id, may_dequeue)
        except Exception as error:  # noqa: BLE001 - A1111's objects are not ours: a surprise there is logged, not raised
            log(f"could not stop job {job_id} in the WebUI: {error}")
            return internal_error()
        return self._reply(f"record the cancel of job {job_id}", lambda: self._host.FinishCancel(job_id, outcome))

    # Issue #5: what the "Job Tracker" tab asks. Each answer is the core's JSON as a dict; a failure
    # becomes {"error": "TrackerError", "detail": ...} so the tab can show it.
    def settings(self) -> dict:
        return self._json("read the settings", lambda: self._host.GetSettings())

    def set_tracking(self, enabled: bool) -> dict:
        return self._json("change the tracking setting", lambda: self._host.SetTrackingEnabled(bool(enabled)))

    def set_retention(self, days: int) -> dict:
        return self._json("change the retention", lambda: self._host.SetRetentionDays(int(days)))

    def purge_now(self) -> dict:
        return self._json("purge expired jobs", lambda: self._host.PurgeNow())

    def job_page(self, status: str, search: str, page: int, page_size: int) -> dict:
        return self._json("list jobs for the tab",
                          lambda: self._host.GetJobPage(status or "", search or "", int(page), int(page_size)))

    def job_view(self, job_id: str) -> dict:
        return self._json("read a job for the tab", lambda: self._host.GetJobView(job_id or ""))

    def _json(self, what: str, call) -> dict:
        try:
            return json.loads(str(call()))
        except Exception as error:  # noqa: BLE001 - the bridge can raise any .NET exception
            log(f"could not {what}: {error}")
            return {"error": "TrackerError", "detail": f"could not {what}; see the WebUI log"}

    # Issue #3: async submit, live progress, images by reference.
    def accepted(self, job_id: str, live_state: str) -> Reply:
        return self._reply(f"build the 202 of job {job_id}", lambda: self._host.AcceptedReply(job_id, live_state))

    def get_job_live(self, job_id: str, query: str, client_ip: str, headers: list[str], live_state: str) -> Reply:
        return self._reply("answer a job request",
                           lambda: self._host.HandleGetJobLive(job_id, query, client_ip, headers, live_state))

    def get_image(self, job_id: str, index: str, client_ip: str, headers: list[str]) -> Reply:
        return self._reply("answer an image request", lambda: self._host.HandleGetJobImage(job_id, index, client_ip, headers))

    def _reply(self, what: str, call) -> Reply:
        try:
            return Reply.from_dotnet(call())
        except Exception as error:  # noqa: BLE001
            log(f"could not {what}: {error}")
            return internal_error()

    @staticmethod
    def _guarded(what: str, call, fallback):
        try:
            return call()
        except Exception as error:  # noqa: BLE001
            log(f"could not {what}: {error}")
            return fallback


def start(api_auth: str | None) -> TrackerCore | None:
    """Start the .NET core once per process; None (logged once) if it cannot run."""
    global _core, _failure
    with _lock:
        if _core is not None:
            _core._host.Start(str(paths.EXTENSION_DIR), api_auth or "")
            return _core
        if _failure is not None or runtime_download.pending():
            return None  # a fetch in progress starts the core when it is done
        try:
            host = _load_host()
            summary = host.Start(str(paths.EXTENSION_DIR), api_auth or "")
        except ClrStartError as error:
            _failure = str(error)
            log(f"disabled: {error}. The WebUI runs on without tracking.")
            return None
        except Exception as error:  # noqa: BLE001 - any .NET start-up failure keeps the WebUI running
            _failure = str(error)
            log(f"disabled: the .NET core failed to start: {error}. The WebUI runs on without tracking.")
            return None
        _core = TrackerCore(host)
        atexit.register(_stop, host)
        log(str(summary))
        return _core


def _load_host():
    # Before pythonnet is touched: a Python its Python.Runtime.dll cannot serve gets one line, not its ABI exception.
    if pythonnet_version(sys.version_info) is None:
        raise ClrStartError(unsupported_message(sys.version_info))
    files = core_files.sdk_build() or fetched_core.ready()
    if files is None:
        missing = paths.current_core().assembly
        raise ClrStartError(f"{missing} is missing; the .NET part was not built (run install.py)")
    core = files.build
    refusal = start_refusal(_built_pythonnet(core), sys.version_info)
    if refusal:
        raise ClrStartError(refusal)
    extra_roots = [files.dotnet_root] if files.dotnet_root else []
    if files.dotnet_root is None:
        note = build_folders.hold(core)
        if note:
            log(note)
        record = build_record.read(core.stamp)
        if record and record.dotnet_root:
            extra_roots.append(Path(record.dotnet_root))
    start_clr(core.runtime_config, core.python_runtime, extra_roots=extra_roots)
    import clr  # pythonnet's module, available only once the runtime has started

    clr.AddReference(str(core.assembly))
    from JobTracker.Interop import TrackerHost  # noqa: E402 - a .NET namespace

    return TrackerHost


def _built_pythonnet(core: paths.CoreBuild) -> str | None:
    """The pythonnet release of the built Python.Runtime.dll, read from the file; None if it cannot be read."""
    try:
        return product_version(core.python_runtime)
    except OSError as error:
        log(f"cannot read the version of {core.python_runtime}: {error}")
        return None


def _stop(host) -> None:
    try:
        host.Stop()
    except Exception as error:  # noqa: BLE001
        log(f"could not stop cleanly: {error}")


def current() -> TrackerCore | None:
    """The running core, or None if it has not been started (or could not start)."""
    return _core


def failure() -> str | None:
    """Why the core could not start, or None."""
    return _failure
