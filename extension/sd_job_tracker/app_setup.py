"""Putting the tracker's middleware outermost on the WebUI's app without building or rebuilding its stack.

Starlette builds an app's middleware stack once, from `user_middleware`, and refuses add_middleware()
once it is built (starlette 0.26.1/0.27.0 applications.py:118-122, 137-140). The WebUIs rely on both:
A1111 leaves the stack unbuilt until the first request, so extensions may add middleware in any
on_app_started callback (A1111 v1.10.1 initialize_util.py:192-198); Forge's gradio 4 has built and
is serving it before on_app_started, and the GZip and CORS middleware Forge appends afterwards never
run (Forge initialize_util.py:195-217). Rebuilding the stack here would switch those on in Forge
(GZip then holds back server-sent events until each stream ends) and would make every later
add_middleware() in A1111 fail.

So the tracker wraps whatever stack the app runs: the one already built, if any, and every stack
the app builds later (on its first request, or when a WebUI or extension resets and rebuilds it).
Reload UI makes a new app, so this runs on every app_started; a second call on one app does nothing.
"""
from .middleware import JobTrackerMiddleware

_INSTALLED = "_job_tracker_middleware_installed"


def install_middleware(app, core) -> None:
    if getattr(app, _INSTALLED, False):
        return
    build_stack = app.build_middleware_stack

    def build_stack_inside_tracker():
        return JobTrackerMiddleware(build_stack(), core=core)

    app.build_middleware_stack = build_stack_inside_tracker
    # In A1111's UI mode the server is live: a request may build the stack (through the override
    # above, so already wrapped) while this runs.
    built = app.middleware_stack
    if built is not None and not isinstance(built, JobTrackerMiddleware):
        app.middleware_stack = JobTrackerMiddleware(built, core=core)
    setattr(app, _INSTALLED, True)
