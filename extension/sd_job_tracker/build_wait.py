"""In the WebUI process: wait for the core install.py builds in the background, or report why it failed.

install.py starts the SDK build detached and returns at once (build_under_way records it). When this launch has no
core it can start (no earlier build, no fetched prebuilt core), late_start runs wait() in a background thread:
a line every PROGRESS_SECONDS, a deadline, then the core starts. When an earlier build is here, it is used right
away and the new build is left to the next launch: one line says so.
"""
from __future__ import annotations

import time
from typing import Callable

from . import build_under_way, core_files, fetched_core
from .build_under_way import Building
from .late_start import PreparationFailed
from .log import log

POLL_SECONDS = 0.5
PROGRESS_SECONDS = 15
DEADLINE_SECONDS = 20 * 60
MEANINGFUL_LINES = 3
LINE_LIMIT = 240
LOG_TAIL_BYTES = 64 * 1024
AFTER_FAILURE = "The WebUI runs on without tracking; the next launch builds again."


def preparation() -> Callable[[], None] | None:
    """What late_start runs when this launch must wait for the build (or report its failure); None when there is
    no build under way or failed, or when a core can start now."""
    building = build_under_way.read()
    if building is None or not (building.failed or building.running()):
        return None  # none, or a stale record: the next install.py replaces it
    if core_files.sdk_build() is not None or fetched_core.ready() is not None:
        if building.failed:
            log(failure_line(building, "The previous build stays in use; the next launch builds again."))
        else:
            log(f"a new build of the core is under way in the background (log: {building.log_path}); this launch "
                f"uses the previous build, the next launch the new one")
        return None
    return lambda: wait(building)


def wait(building: Building, clock=time.monotonic, sleep=time.sleep) -> None:
    """Return once the build has switched to its core; PreparationFailed (one line) if it failed or ran too long."""
    started = clock()
    next_progress = started + PROGRESS_SECONDS
    if building.running():
        log(f"waiting for the core's build (log: {building.log_path}); requests pass through untracked until "
            f"tracking is on")
    while True:
        current = build_under_way.read()
        if current is None or current.pid != building.pid:
            break  # the build removed its record: done (or a later launch's build replaced it)
        if not current.running():
            if not current.failed and _switched_to(current):
                break  # it ended without taking its record away (it could not): its core is in use, so it built
            raise PreparationFailed(failure_line(current))
        now = clock()
        if now - started >= DEADLINE_SECONDS:
            raise PreparationFailed(
                f"the background build of the core has not finished after {DEADLINE_SECONDS // 60} min (log: "
                f"{building.log_path}). The WebUI runs on without tracking; the next launch uses the build if it "
                f"has finished by then.")
        if now >= next_progress:
            log(f"still building the core ({now - started:.0f} s so far; log: {building.log_path})")
            next_progress += PROGRESS_SECONDS
        sleep(POLL_SECONDS)
    if core_files.sdk_build() is None:
        raise PreparationFailed(failure_line(building))
    log(f"the core is built ({clock() - started:.0f} s waited); starting it")


def _switched_to(building: Building) -> bool:
    files = core_files.sdk_build()
    return files is not None and files.build.folder.name == building.core


def failure_line(building: Building, after: str = AFTER_FAILURE) -> str:
    how = f"exit {building.exit}" if building.failed else "its process ended without finishing"
    lines = meaningful_lines(building)
    said = f": {' / '.join(lines)}" if lines else ""
    return f"the background build of the core failed ({how}; log: {building.log_path}){said}. {after}"


def meaningful_lines(building: Building) -> list[str]:
    """The log's last error lines (the compiler's, NuGet's), else its last lines; each once, shortened."""
    try:
        with open(building.log_path, "rb") as log_file:
            log_file.seek(0, 2)
            log_file.seek(max(0, log_file.tell() - LOG_TAIL_BYTES))
            text = log_file.read().decode("utf-8", errors="replace")
    except OSError as error:
        return [f"the log cannot be read ({error.strerror or error})"]
    lines = []
    for line in text.splitlines():
        line = line.strip().removeprefix("[Job Tracker] ")
        if line and line not in lines:
            lines.append(line)
    errors = [line for line in lines if "error" in line.lower()]
    chosen = (errors or lines)[-MEANINGFUL_LINES:]
    return [line if len(line) <= LINE_LIMIT else line[:LINE_LIMIT - 3] + "..." for line in chosen]
