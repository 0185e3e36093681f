"""Which pythonnet release can serve the Python that runs the WebUI.

pythonnet's Python.Runtime.dll holds one ABI table (TypeOffset3xx) per CPython minor version and
refuses any other. Read at the tags: v3.1.0 has 3.10-3.14, 3.2.1 has 3.11-3.15. The newest release
that covers a Python is chosen, so 3.10 (A1111's and Forge's tested Python) gets 3.1.0.
"""
from __future__ import annotations

# (release, oldest minor, newest minor) of CPython 3.x, newest release first.
RELEASES = (
    ("3.2.1", 11, 15),
    ("3.1.0", 10, 14),
)


def pythonnet_version(version_info) -> str | None:
    """The pythonnet release for this CPython (sys.version_info), or None when no release serves it."""
    major, minor = version_info[0], version_info[1]
    if major != 3:
        return None
    for release, oldest, newest in RELEASES:
        if oldest <= minor <= newest:
            return release
    return None


def unsupported_message(version_info) -> str:
    """One log line for a Python that no pythonnet release known to the tracker can serve."""
    shown = ".".join(str(part) for part in version_info[:3])
    supported = f"3.{min(r[1] for r in RELEASES)} to 3.{max(r[2] for r in RELEASES)}"
    return (f"Python {shown} is not supported by any pythonnet release the tracker knows "
            f"(it supports CPython {supported}); run the WebUI on one of those to enable tracking")
