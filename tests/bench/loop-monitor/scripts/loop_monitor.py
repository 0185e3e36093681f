"""A benchmark extension: how long the WebUI's event loop goes without a turn, told apart from this machine's stalls.

A task on the loop wakes every millisecond and notes, for each gap between two wake-ups, the wall time beyond the
millisecond (the lag: the loop was busy, or the process was not scheduled) and the CPU time the loop's thread used in
it (what really held the loop: callbacks, GIL-holding work on that thread, garbage collection there).

    GET  /bench/loop        -> {"gaps": n, "worst_lag_ms": x, "worst_cpu_ms": y, "cpu_over_3ms": k}
    POST /bench/loop/reset  starts counting again
"""
import asyncio
import time

from modules import script_callbacks

_PERIOD = 0.001
_stats = {}


def _reset() -> dict:
    _stats.update(gaps=0, worst_lag_ms=0.0, worst_cpu_ms=0.0, cpu_over_3ms=0)
    return dict(_stats)


async def _watch() -> None:
    while True:
        wall, cpu = time.perf_counter(), time.thread_time()
        await asyncio.sleep(_PERIOD)
        lag_ms = (time.perf_counter() - wall - _PERIOD) * 1000
        cpu_ms = (time.thread_time() - cpu) * 1000
        _stats["gaps"] += 1
        _stats["worst_lag_ms"] = max(_stats["worst_lag_ms"], lag_ms)
        _stats["worst_cpu_ms"] = max(_stats["worst_cpu_ms"], cpu_ms)
        _stats["cpu_over_3ms"] += cpu_ms > 3


def on_app_started(demo, app):
    tasks = []

    async def start():
        _reset()
        tasks.append(asyncio.ensure_future(_watch()))  # kept, so the task is not collected

    async def report():
        return dict(_stats)

    async def reset():
        return _reset()

    app.add_event_handler("startup", start)
    app.add_api_route("/bench/loop", report, methods=["GET"])
    app.add_api_route("/bench/loop/reset", reset, methods=["POST"])


script_callbacks.on_app_started(on_app_started)
