"""Putting the middleware on A1111's app the way A1111 itself adds middleware.

A bare add_middleware races with requests that rebuild the stack (A1111 UI mode) and
raises in Forge; resetting middleware_stack first and rebuilding after avoids both.
Reload UI makes a new app, so this runs on every app_started.
"""
from .middleware import JobTrackerMiddleware


def install_middleware(app, core) -> None:
    if any(getattr(m, "cls", None) is JobTrackerMiddleware for m in app.user_middleware):
        return
    app.middleware_stack = None
    app.add_middleware(JobTrackerMiddleware, core=core)
    app.middleware_stack = app.build_middleware_stack()
