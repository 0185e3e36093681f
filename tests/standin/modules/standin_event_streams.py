"""GET /standin/event-streams -> {"running": n}: how many event streams the Job Tracker under test is serving now
(None before it loaded). Stand-in only, never behind --api-auth: it lets a test see that a closed client's stream stopped. It imitates nothing
of A1111 v1.10.1 or Forge, which have no such route."""
import sys


def setup(app):
    async def event_streams():
        module = sys.modules.get("sd_job_tracker.event_stream")
        return {"running": module.running() if module is not None else None}

    app.add_api_route("/standin/event-streams", event_streams, methods=["GET"])
