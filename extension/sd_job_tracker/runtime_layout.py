"""Where each file of NuGet's runtime pack goes in a .NET root that hostfxr can start.

The pack Microsoft.NETCore.App.Runtime.<rid> holds runtimes/<rid>/lib/net10.0/ (the managed framework, with
Microsoft.NETCore.App.deps.json) and runtimes/<rid>/native/ (CoreCLR, the JIT, hostpolicy, hostfxr, the native
shims). An installed .NET root keeps hostfxr in host/fxr/<version>/ and the rest in
shared/Microsoft.NETCore.App/<version>/; clr_host starts that root exactly as it starts an installed one.
"""
from __future__ import annotations

from pathlib import PurePosixPath

from .platform_rid import hostfxr_file_name

SHARED_FRAMEWORK = "shared/Microsoft.NETCore.App"
HOST_FXR = "host/fxr"
TARGET_FRAMEWORK = "net10.0"
# Build-time leftovers a running process never opens (static libraries, debug symbols).
_UNUSED_SUFFIXES = (".a", ".dbg", ".pdb", ".dwarf")


def package_id(rid: str) -> str:
    """The runtime pack's NuGet ID for a RID."""
    return f"Microsoft.NETCore.App.Runtime.{rid}"


def destination(entry: str, rid: str, version: str) -> PurePosixPath | None:
    """The path inside the .NET root for an archive entry of the runtime pack, or None to leave it out."""
    parts = PurePosixPath(entry).parts
    if parts[:2] != ("runtimes", rid) or parts[-1].endswith(_UNUSED_SUFFIXES):
        return None
    name = parts[-1]
    if parts[2:-1] == ("lib", TARGET_FRAMEWORK):
        return PurePosixPath(SHARED_FRAMEWORK, version, name)
    if parts[2:-1] == ("native",):
        if name == hostfxr_file_name(rid.split("-")[0]):
            return PurePosixPath(HOST_FXR, version, name)
        return PurePosixPath(SHARED_FRAMEWORK, version, name)
    return None
