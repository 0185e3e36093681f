"""The credentials the WebUI protects its API with, for the core to demand on the tracker's routes.

A1111 and Forge: --api-auth ("user:pass,user2:pass2"). SD.Next: --auth entries and --auth-file
lines, split at the first ':' with quotes and surrounding blanks removed, as SD.Next's own API
reads them (modules/api/api.py:17-26, master 058a7f0c). When the WebUI's txt2img route is guarded
but the tracker cannot name the users (another kind of protection, or a password the core's
"user:pass,..." form cannot carry), the tracker's routes refuse every request: never open.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import webui_flavour
from .log import log

GUARDED_ROUTE = "/sdapi/v1/txt2img"


@dataclass(frozen=True)
class HostAuth:
    credentials: str | None  # the core's "user:pass,user2:pass2", or None when the API is open
    unusable: str | None = None  # why the tracker cannot apply the WebUI's protection, or None


def read(options=None) -> HostAuth:
    options = webui_flavour.cmd_opts() if options is None else options
    if not webui_flavour.is_sdnext(options):
        return HostAuth(getattr(options, "api_auth", None) or None)
    try:
        users = _sdnext_users(options)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return HostAuth(None, f"SD.Next's --auth/--auth-file cannot be read ({type(error).__name__})")
    if any("," in user or "," in password for user, password in users.items()):
        return HostAuth(None, "an SD.Next user name or password contains ',', which the tracker cannot pass on")
    return HostAuth(",".join(f"{user}:{password}" for user, password in users.items()) or None)


def _sdnext_users(options) -> dict[str, str]:
    entries = options.auth.split(",") if options.auth else []
    if options.auth_file:
        with open(options.auth_file, encoding="utf8") as file:
            entries += file.readlines()
    users = {}
    for entry in entries:
        user, password = entry.split(":", 1)  # a line without ':' stops SD.Next itself from starting
        users[user.replace('"', "").strip()] = password.replace('"', "").strip()
    return users


def refusal_reason(app, auth: HostAuth) -> str | None:
    """Why the tracker's routes must refuse every request on this app, or None when they may answer."""
    if auth.unusable:
        return auth.unusable
    if auth.credentials is None and _is_guarded(app):
        return f"the WebUI guards {GUARDED_ROUTE} in a way the tracker does not know"
    return None


def _is_guarded(app) -> bool:
    for route in getattr(app, "routes", []):
        if getattr(route, "path", None) == GUARDED_ROUTE and "POST" in (getattr(route, "methods", None) or ()):
            return bool(getattr(route, "dependencies", None))
    return False


def log_refusal(reason: str) -> None:
    log(f"job routes refuse every request (503): {reason}; generation is not tracked")
