"""What install.py says when there is no .NET SDK to build with: the prebuilt core will be used instead."""
from __future__ import annotations

from . import core_files, fetched_core
from .package_manifest import NotPinned


def no_sdk_notice(sdk_hint: str) -> str | None:
    """One line for the launch log, or None when the prebuilt core is ready and nothing needs saying."""
    if not core_files.prebuilt_present():
        return f"the .NET SDK was not found: {sdk_hint}"
    try:
        missing = fetched_core.plan().missing()
    except NotPinned as error:
        return f"{error}; the WebUI runs on without tracking"
    if not missing:
        return None
    size = sum(package.size for package in missing) / 1e6
    return (f"no .NET SDK here: the tracker's prebuilt core will fetch its .NET packages from NuGet ({size:.0f} MB, "
            f"once) in the background after the WebUI has started; requests pass through untracked until then")
