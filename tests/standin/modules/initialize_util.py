"""Middleware setup as A1111 does it, including its quirk of leaving the stack unbuilt."""
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware

from modules.shared import cmd_opts


def get_gradio_auth_creds():
    """(user, password) pairs from --gradio-auth, split as A1111 does: a ':' may occur in a password."""
    if cmd_opts.gradio_auth:
        for credential in cmd_opts.gradio_auth.split(","):
            credential = credential.strip()
            if credential:
                yield tuple(credential.split(":", 1))


def setup_middleware(app):
    app.middleware_stack = None  # reset so add_middleware() is allowed on an app that already served
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    configure_cors_middleware(app)
    # A1111 discards this result: middleware_stack stays None until the next request rebuilds it.
    app.build_middleware_stack()


def configure_cors_middleware(app):
    cors_options = {
        "allow_methods": ["*"],
        "allow_headers": ["*"],
        "allow_credentials": True,
    }
    if cmd_opts.cors_allow_origins:
        cors_options["allow_origins"] = cmd_opts.cors_allow_origins.split(",")
    if cmd_opts.cors_allow_origins_regex:
        cors_options["allow_origin_regex"] = cmd_opts.cors_allow_origins_regex
    if cmd_opts.cors_allow_origins or cmd_opts.cors_allow_origins_regex:
        app.add_middleware(CORSMiddleware, **cors_options)
