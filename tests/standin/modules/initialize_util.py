"""Middleware setup as A1111 does it, including its quirk of leaving the stack unbuilt, and as Forge does it.

Starlette builds the middleware stack once, on the first request (starlette 0.26.1/0.27.0
applications.py:118-122), and refuses add_middleware() once it is built (applications.py:137-140).
"""
import starlette.middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware

from modules import standin_flavour
from modules.shared import cmd_opts


def get_gradio_auth_creds():
    """(user, password) pairs from --gradio-auth, split as A1111 does: a ':' may occur in a password."""
    if cmd_opts.gradio_auth:
        for credential in cmd_opts.gradio_auth.split(","):
            credential = credential.strip()
            if credential:
                yield tuple(credential.split(":", 1))


def setup_middleware(app):
    if standin_flavour.is_forge():
        _setup_middleware_forge(app)
        return
    # A1111 v1.10.1 modules/initialize_util.py:192-198.
    app.middleware_stack = None  # reset so add_middleware() is allowed on an app that already served
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    configure_cors_middleware(app)
    # A1111 discards this result: middleware_stack stays None until the next request rebuilds it.
    app.build_middleware_stack()


def _setup_middleware_forge(app):
    # Forge modules/initialize_util.py:195-200,217: both are put straight into user_middleware, with no
    # reset. In UI mode gradio 4 has already built and served the stack, so they never run; under
    # --nowebui nothing is built yet, so they do.
    app.user_middleware.insert(0, starlette.middleware.Middleware(GZipMiddleware, minimum_size=1000))
    app.user_middleware.insert(0, starlette.middleware.Middleware(CORSMiddleware, **_cors_options()))
    app.build_middleware_stack()  # Forge discards the result too


def _cors_options():
    cors_options = {
        "allow_methods": ["*"],
        "allow_headers": ["*"],
        "allow_credentials": True,
    }
    if cmd_opts.cors_allow_origins:
        cors_options["allow_origins"] = cmd_opts.cors_allow_origins.split(",")
    if cmd_opts.cors_allow_origins_regex:
        cors_options["allow_origin_regex"] = cmd_opts.cors_allow_origins_regex
    return cors_options


def configure_cors_middleware(app):
    # A1111 v1.10.1 modules/initialize_util.py:201-214: added always, even with no allowed origin
    # (then every preflight is answered 400 and no cross-origin request gets CORS headers).
    app.add_middleware(CORSMiddleware, **_cors_options())
