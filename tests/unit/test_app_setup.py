"""The tracker's middleware goes outermost without building or rebuilding the app's middleware stack."""
from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from sd_job_tracker.app_setup import install_middleware
from sd_job_tracker.middleware import JobTrackerMiddleware

CORE = object()  # the middleware only keeps it


def test_an_unbuilt_stack_stays_unbuilt_and_open_to_later_middleware():
    app = FastAPI()
    install_middleware(app, CORE)
    assert app.middleware_stack is None
    app.add_middleware(GZipMiddleware)  # an extension's on_app_started after ours
    stack = app.build_middleware_stack()
    assert isinstance(stack, JobTrackerMiddleware)
    assert not isinstance(stack.app, JobTrackerMiddleware)
    assert [m.cls for m in app.user_middleware] == [GZipMiddleware]


def test_a_built_stack_is_wrapped_as_it_is():
    app = FastAPI()
    app.middleware_stack = app.build_middleware_stack()
    built = app.middleware_stack
    app.user_middleware.insert(0, GZipMiddleware)  # appended after the build, as Forge does: dormant
    install_middleware(app, CORE)
    assert isinstance(app.middleware_stack, JobTrackerMiddleware) and app.middleware_stack.app is built


def test_a_second_install_on_one_app_does_nothing_and_reload_ui_gets_its_own():
    app = FastAPI()
    install_middleware(app, CORE)
    install_middleware(app, CORE)
    stack = app.build_middleware_stack()
    assert not isinstance(stack.app, JobTrackerMiddleware)

    reloaded = FastAPI()  # Reload UI builds a new app
    install_middleware(reloaded, CORE)
    assert isinstance(reloaded.build_middleware_stack(), JobTrackerMiddleware)

