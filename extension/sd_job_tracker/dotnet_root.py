"""Find an installed .NET runtime's hostfxr library, in the documented search order.

Order: DOTNET_ROOT (and its architecture-specific variant), the platform's registered or
default install folders, ~/.dotnet, then the folder of a `dotnet` found on PATH.
"""
from __future__ import annotations

import os
import platform
import shutil
import sys
from pathlib import Path

from . import platform_rid


def hostfxr_file_name() -> str:
    return platform_rid.hostfxr_file_name(platform_rid.system_name())


def candidate_roots() -> list[Path]:
    roots: list[Path] = []
    arch = platform.machine().upper().replace("AMD64", "X64").replace("X86_64", "X64")
    for variable in (f"DOTNET_ROOT_{arch}", "DOTNET_ROOT"):
        value = os.environ.get(variable)
        if value:
            roots.append(Path(value))
    roots.extend(_platform_roots())
    roots.append(Path.home() / ".dotnet")
    on_path = shutil.which("dotnet")
    if on_path:
        roots.append(Path(on_path).resolve().parent)
    unique: list[Path] = []
    for root in roots:
        if root not in unique:
            unique.append(root)
    return unique


def _platform_roots() -> list[Path]:
    if sys.platform == "win32":
        program_files = os.environ.get("ProgramFiles", r"C:\Program Files")
        return [Path(program_files) / "dotnet"]
    roots = []
    install_location = Path("/etc/dotnet/install_location")
    if install_location.is_file():
        text = install_location.read_text(encoding="utf-8").strip()
        if text:
            roots.append(Path(text.splitlines()[0]))
    if sys.platform == "darwin":
        roots.append(Path("/usr/local/share/dotnet"))
    else:
        roots.extend([Path("/usr/share/dotnet"), Path("/usr/lib/dotnet"), Path("/usr/local/share/dotnet")])
    return roots


def _version_key(name: str) -> tuple:
    release, _, prerelease = name.partition("-")
    numbers = tuple(int(part) if part.isdigit() else 0 for part in release.split("."))
    # A release sorts after its own previews.
    return numbers + ((1,) if not prerelease else (0,))


def hostfxr_in(root: Path) -> Path | None:
    """The newest hostfxr under one .NET root, or None."""
    fxr_dir = root / "host" / "fxr"
    if not fxr_dir.is_dir():
        return None
    versions = sorted((entry.name for entry in fxr_dir.iterdir() if entry.is_dir()), key=_version_key)
    for version in reversed(versions):
        library = fxr_dir / version / hostfxr_file_name()
        if library.is_file():
            return library
    return None


def find_hostfxr() -> tuple[Path, Path] | None:
    """Return (dotnet_root, hostfxr_path) for the first root holding a hostfxr, newest version."""
    for root in candidate_roots():
        library = hostfxr_in(root)
        if library is not None:
            return root, library
    return None
