"""The one module that talks to the .NET core (JobTracker.Interop.TrackerHost).

Every call goes through one guard: a failure in the tracker is logged and turned into the call's neutral
answer, so that tracking can never break generation.
"""
from __future__ import annotations

import atexit
import json
import sys
import threading
from pathlib import Path

from . import build_folders, build_record, core_events, core_files, fetched_core, late_start, native_bytes, paths, webui_flavour
from .asgi_messages import Client
from .assembly_version import product_version
from .clr_host import ClrStartError, start_clr
from .exchange_step import NOTHING, PASS_THROUGH, Step
from .http_reply import Reply, internal_error
from .live_state import Progress
from .log import log
from .pythonnet_release import pythonnet_version, start_refusal, unsupported_message

_lock = threading.Lock()
_core: "TrackerCore | None" = None
_failure: str | None = None


class TrackerCore:
    def __init__(self, host):
        self._host = host
        from JobTracker.Interop import ClientConnection, LiveState  # noqa: E402 - .NET types, loaded with the host

        self._connection = ClientConnection
        self._live_state = LiveState

    def is_enabled(self) -> bool:
        return bool(self.call("read the tracking setting", False, self._host.IsTrackingEnabled))

    def begin(self, route: str, body: bytes, client: Client, headers: list[str]):
        """(the .NET exchange or None, its opening Step): pass through, answer at once, or call the app with step.body."""
        def begin():
            exchange = self._host.BeginRequest(route, native_bytes.address_of(body), len(body), self._client(client), headers)
            return exchange, Step.from_dotnet(exchange.Opening)
        return self.call(f"start tracking a {route} request, passing it through untracked", (None, PASS_THROUGH), begin)

    def step(self, what: str, method, *args) -> Step:
        """Reports an event to an exchange and returns what to do; NOTHING if the bridge fails."""
        return self.call(what, NOTHING, lambda: Step.from_dotnet(method(*args)))

    def live_state(self, progress: Progress | None):
        """The .NET LiveState for A1111's raw progress, or None when it could not be read."""
        return None if progress is None else self._live_state(*progress)

    def get_job(self, job_id: str, query: str, client: Client, headers: list[str], progress: Progress | None) -> Reply:
        return self._reply("answer a job request", lambda: self._host.HandleGetJob(
            job_id, query, self._client(client), headers, self.live_state(progress)))

    def list_jobs(self, query: str, client: Client, headers: list[str]) -> Reply:
        return self._reply("answer a job list request", lambda: self._host.HandleListJobs(query, self._client(client), headers))

    def get_image(self, job_id: str, index: str, client: Client, headers: list[str]) -> Reply:
        return self._reply("answer an image request",
                           lambda: self._host.HandleGetJobImage(job_id, index, self._client(client), headers))

    def cancel(self, job_id: str, client: Client, headers: list[str], stop) -> Reply:
        """POST /sdapi/v1/job/{id}/cancel: the core decides, `stop(job_id, may_dequeue)` acts on A1111, the core answers."""
        return self._cancel(job_id, lambda: self._host.BeginCancel(job_id, self._client(client), headers), stop)

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

    # What the "Job Tracker" tab asks. Each answer is the core's JSON as a dict; a failure
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

    def _client(self, client: Client):
        return self._connection(client.host, client.port, client.forwarded_allow_ips)

    def _json(self, what: str, call) -> dict:
        failure = {"error": "TrackerError", "detail": f"could not {what}; see the WebUI log"}
        return self.call(what, failure, lambda: json.loads(str(call())))

    def open_events(self, job_id: str, client: Client, headers: list[str]):
        return core_events.open_stream(self._host, job_id, self._client(client), headers, self.live_state)

    def _reply(self, what: str, call) -> Reply:
        return self.call(what, internal_error(), lambda: Reply.from_dotnet(call()))

    @staticmethod
    def call(what: str, fallback, call):
        """call(), or fallback with the failure logged: the one guard around every call into .NET."""
        try:
            return call()
        except Exception as error:  # noqa: BLE001 - the bridge can raise any .NET exception
            log(f"could not {what}: {error}")
            return fallback


def start(api_auth: str | None) -> TrackerCore | None:
    """Start the .NET core once per process; None (logged once) if it cannot run."""
    global _core, _failure
    with _lock:
        if _core is not None:
            _core._host.Start(str(paths.EXTENSION_DIR), api_auth or "", webui_flavour.name())
            return _core
        if _failure is not None or late_start.pending():
            return None  # a fetch or build under way starts the core when it is done
        try:
            host = _load_host()
            summary = host.Start(str(paths.EXTENSION_DIR), api_auth or "", webui_flavour.name())
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
