"""Which .NET runtime identifier (RID) this machine is, and the file names that differ per platform.

The RID names NuGet's runtime pack (Microsoft.NETCore.App.Runtime.<rid>). The tracker fetches packs for the four
platforms A1111 users run: Linux x64 and arm64, Windows x64, macOS arm64.
"""
from __future__ import annotations

import platform
import sys

# sys.platform prefix -> the RID's operating-system part.
_SYSTEMS = (("linux", "linux"), ("win32", "win"), ("darwin", "osx"))
# platform.machine() spellings -> the RID's architecture part.
_MACHINES = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}
SUPPORTED = ("linux-x64", "linux-arm64", "win-x64", "osx-arm64")
_HOSTFXR = {"linux": "libhostfxr.so", "win": "hostfxr.dll", "osx": "libhostfxr.dylib"}


def system_name(system_platform: str = sys.platform) -> str:
    """The RID's operating-system part (linux, win, osx) for a sys.platform value; other systems count as linux."""
    for prefix, name in _SYSTEMS:
        if system_platform.startswith(prefix):
            return name
    return "linux"


def runtime_identifier(system_platform: str = sys.platform, machine: str | None = None) -> str | None:
    """This machine's RID among SUPPORTED (e.g. 'linux-x64'), or None when no runtime pack is fetched for it."""
    architecture = _MACHINES.get((machine if machine is not None else platform.machine()).lower())
    rid = f"{system_name(system_platform)}-{architecture}"
    return rid if rid in SUPPORTED else None


def hostfxr_file_name(system: str) -> str:
    """The hosting library's file name on a system ('linux', 'win', 'osx')."""
    return _HOSTFXR[system]
