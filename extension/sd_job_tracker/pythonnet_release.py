"""Which pythonnet release can serve the Python that runs the WebUI.

pythonnet's Python.Runtime.dll holds one ABI table (TypeOffset3xx) per CPython minor version and
refuses any other. Read at the tags: v3.1.0 has TypeOffset310-314 (src/runtime/Native); upstream then
dropped 3.10 ("Drop 3.10 support", 70376f2) and added 3.15, and the 3.2.1 package's Python.Runtime.dll
holds TypeOffset311-315 (v3.0.5, the release before, had 3.7-3.13). The newest release that covers a Python is chosen, so 3.10 (A1111's
and Forge's tested Python) gets 3.1.0. What the shim uses, Loader.Initialize(IntPtr, int) and the
clr module's AddReference(string), is the same in both (src/runtime/Loader.cs, Types/ClrModule.cs).
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


def release_serves(release: str, version_info) -> bool | None:
    """Whether a pythonnet release serves this CPython; None for a release this table does not know."""
    for known, oldest, newest in RELEASES:
        if known == release:
            return version_info[0] == 3 and oldest <= version_info[1] <= newest
    return None


def start_refusal(built_release: str | None, version_info) -> str | None:
    """Why the built core must not be started under this Python (one log line), or None to go ahead.

    built_release is the pythonnet release of the built Python.Runtime.dll (None when it cannot be read:
    then pythonnet itself decides).
    """
    needed = pythonnet_version(version_info)
    if needed is None:
        return unsupported_message(version_info)
    if built_release is None or release_serves(built_release, version_info) is not False:
        return None
    shown = ".".join(str(part) for part in version_info[:3])
    return (f"Python {shown} needs pythonnet {needed}, but the core was built with pythonnet {built_release}, "
            f"which cannot serve it; restart the WebUI so that install.py rebuilds the core for this Python "
            f"(it needs the .NET 10 SDK and pythonnet {needed} from nuget.org)")


def nuget_missing_message(release: str, version_info) -> str:
    """install.py's one line when NuGet cannot supply the release this Python needs."""
    shown = ".".join(str(part) for part in version_info[:3])
    others = " or ".join(f"3.{oldest} to 3.{newest} (pythonnet {known})" for known, oldest, newest in RELEASES
                         if known != release)
    alternative = f", or run the WebUI on Python {others}" if others else ""
    return (f"Python {shown} needs pythonnet {release}, which NuGet could not supply; make nuget.org reachable "
            f"(or add a NuGet source that has pythonnet {release}) and restart the WebUI{alternative}. "
            f"Until then it runs without tracking")
