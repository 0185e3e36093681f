"""Which WebUI the extension runs in, where that changes what the tracker must do.

SD.Next's API is protected by --auth/--auth-file (SD.Next modules/api/api.py:16-26, master 058a7f0c),
flags A1111 and Forge do not have, while its --api-auth is a hidden flag its API never reads
(modules/cmd_args.py:154). Forge behaves like A1111 wherever the tracker depends on it except for the shape
of an unhandled error's answer ("message" for "errors"), which the core writes when the WebUI raises after
the early head: the core is told the flavour at start.
"""
from __future__ import annotations

import sys


def cmd_opts():
    from modules import shared  # the WebUI's module: importable only inside the WebUI

    return shared.cmd_opts


def is_sdnext(options=None) -> bool:
    options = cmd_opts() if options is None else options
    return hasattr(options, "auth") and hasattr(options, "auth_file")


def is_forge() -> bool:
    # Forge's webui.py imports its own package before anything else (Forge webui.py:12-13).
    return "modules_forge" in sys.modules


def name() -> str:
    """What the core is told at start: "sdnext", "forge" or "a1111" (its error shape depends on it)."""
    try:
        if is_sdnext():
            return "sdnext"
    except ImportError:  # not inside a WebUI (a test host): A1111's behaviour
        return "a1111"
    return "forge" if is_forge() else "a1111"
