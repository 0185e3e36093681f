"""A benchmark extension: how long the WebUI's event loop goes without a turn, told apart from this machine's stalls
and from Python's collections of the WebUI's whole heap.

A task on the loop wakes every millisecond and notes, for each gap between two wake-ups, the wall time beyond the
millisecond (the lag: the loop was busy, or the process was not scheduled) and the CPU time the loop's thread used in
it (what really held the loop: callbacks, GIL-holding work on that thread, garbage collection there).

Python's cyclic garbage collector stops every thread while it runs (it holds the GIL), and a collection of the oldest
generation walks every object of the process: the WebUI's modules, FastAPI's and pydantic's classes, the tracker's
too. Each such collection is noted with its start and end on the system's monotonic clock (time.monotonic, the same
clock in every process of the machine), so that the benchmark can tell which waits of its probe overlapped one.

    GET  /bench/loop        -> {"gaps": n, "worst_lag_ms": x, "worst_cpu_ms": y, "cpu_over_3ms": k,
                                "heap_collections": [[start, end], ...], "heap_objects": m}
    POST /bench/loop/reset  starts counting again
"""
import asyncio
import gc
import time

from modules import script_callbacks

_PERIOD = 0.001
_OLDEST = 2
_stats = {}
_collection_started = []


def _reset() -> dict:
    _stats.update(gaps=0, worst_lag_ms=0.0, worst_cpu_ms=0.0, cpu_over_3ms=0, heap_collections=[])
    return {}


def _report() -> dict:
    return dict(_stats, heap_collections=list(_stats["heap_collections"]), heap_objects=len(gc.get_objects()))


def _on_collection(phase: str, info: dict) -> None:
    if info["generation"] != _OLDEST:
        return
    if phase == "start":
        _collection_started[:] = [time.monotonic()]
    elif _collection_started:
        _stats["heap_collections"].append([_collection_started.pop(), time.monotonic()])


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
        gc.callbacks.append(_on_collection)
        tasks.append(asyncio.ensure_future(_watch()))  # kept, so the task is not collected

    async def report():
        return _report()

    async def reset():
        return _reset()

    app.add_event_handler("startup", start)
    app.add_api_route("/bench/loop", report, methods=["GET"])
    app.add_api_route("/bench/loop/reset", reset, methods=["POST"])


script_callbacks.on_app_started(on_app_started)
