"""Which WebUI the extension runs in, where that changes what the tracker must do.

Only SD.Next needs telling apart: its API is protected by --auth/--auth-file (SD.Next
modules/api/api.py:16-26, master 058a7f0c), flags A1111 and Forge do not have, while its
--api-auth is a hidden flag its API never reads (modules/cmd_args.py:154). Forge behaves like
A1111 wherever the tracker depends on it, or is handled without asking (its error shape, its
already built middleware stack).
"""
from __future__ import annotations


def cmd_opts():
    from modules import shared  # the WebUI's module: importable only inside the WebUI

    return shared.cmd_opts


def is_sdnext(options=None) -> bool:
    options = cmd_opts() if options is None else options
    return hasattr(options, "auth") and hasattr(options, "auth_file")
