"""Counts process_images() calls, so a test can prove a request did not generate twice."""
import threading

_lock = threading.Lock()
_count = 0


def count_one():
    global _count
    with _lock:
        _count += 1


def count():
    with _lock:
        return _count


def setup_standin_api(app):
    """GET /standin/generations -> {"count": n}. Stand-in only, never behind --api-auth."""
    async def generations():
        return {"count": count()}

    app.add_api_route("/standin/generations", generations, methods=["GET"])
