"""Find the .NET installations that can run the core: a hostfxr library and the .NET runtime it needs.

The search follows the .NET host's own order (dotnet/runtime src/native/corehost/hostmisc/pal.unix.cpp and
pal.windows.cpp, get_dotnet_self_registered_dir and get_default_installation_dir):

1. DOTNET_ROOT_<ARCH>, then DOTNET_ROOT;
2. extra roots the caller knows of (the root install.py built with, or a runtime the tracker downloaded):
   pass them to candidate_roots(extra_roots=...);
3. the registered location: /etc/dotnet/install_location_<arch>, then /etc/dotnet/install_location (Linux,
   macOS); the registry value HKLM\\SOFTWARE\\dotnet\\Setup\\InstalledVersions\\<arch>\\InstallLocation (Windows);
4. the default folders: /usr/share/dotnet (and the other Linux package folders), /usr/local/share/dotnet
   (and its x64 folder, for x64 under Rosetta), %ProgramFiles%\\dotnet (and its x64 folder, for x64 emulated
   on arm64);
5. the per-user folders of the install scripts: ~/.dotnet, %LOCALAPPDATA%\\Microsoft\\dotnet;
6. the `dotnet` on PATH: its real folder, or Homebrew's libexec folder when bin/dotnet is a script.

A root counts only if it holds both a hostfxr and a release of the runtime the core targets
(shared/Microsoft.NETCore.App/<major>.*): an old DOTNET_ROOT with a .NET 8 only is passed over.
"""
from __future__ import annotations

import os
import platform
import re
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from . import platform_rid

RUNTIME_FRAMEWORK = "Microsoft.NETCore.App"
# What platform.machine() says, in .NET's architecture names (the suffix of DOTNET_ROOT_<ARCH> and install_location_<arch>).
ARCHITECTURES = {"x86_64": "x64", "amd64": "x64", "x64": "x64", "aarch64": "arm64", "arm64": "arm64",
                 "i386": "x86", "i686": "x86", "x86": "x86", "armv7l": "arm", "arm": "arm"}
REGISTRY_KEY = "SOFTWARE\\dotnet\\Setup\\InstalledVersions\\{arch}"
ETC_DOTNET = Path("/etc/dotnet")
# A line of `dotnet --list-runtimes`: "Microsoft.NETCore.App 10.0.1 [/usr/lib/dotnet/shared/Microsoft.NETCore.App]".
LIST_RUNTIMES_LINE = re.compile(r"^(?P<name>\S+) (?P<version>\S+) \[(?P<folder>.+)\]\s*$")


def hostfxr_file_name() -> str:
    return platform_rid.hostfxr_file_name(platform_rid.system_name(sys.platform))


def architecture() -> str:
    """This process's architecture in .NET's names (x64, arm64, x86, arm)."""
    machine = platform.machine().lower()
    return ARCHITECTURES.get(machine, machine)


def candidate_roots(extra_roots: Iterable[Path] = ()) -> list[Path]:
    """Every folder that may be a .NET root, in the host's search order, without duplicates."""
    arch = architecture()
    roots: list[Path] = []
    for variable in (f"DOTNET_ROOT_{arch.upper()}", "DOTNET_ROOT"):
        value = os.environ.get(variable)
        if value:
            roots.append(Path(value))
    roots.extend(Path(root) for root in extra_roots)
    roots.extend(registered_roots(arch))
    roots.extend(default_roots(arch))
    roots.extend(user_roots())
    roots.extend(path_roots())
    unique: list[Path] = []
    for root in roots:
        if root not in unique:
            unique.append(root)
    return unique


def registered_roots(arch: str) -> list[Path]:
    """The location a .NET installer registered for this architecture (registry on Windows, /etc/dotnet elsewhere)."""
    if sys.platform == "win32":
        location = _registry_install_location(arch)
        return [Path(location)] if location else []
    # The architecture-specific file first; the plain one only when that file does not exist (as the host reads them).
    for name in (f"install_location_{arch}", "install_location"):
        file = ETC_DOTNET / name
        if file.is_file():
            first_line = file.read_text(encoding="utf-8", errors="replace").splitlines()[:1]
            return [Path(first_line[0].strip())] if first_line and first_line[0].strip() else []
    return []


def _registry_install_location(arch: str) -> str | None:
    import winreg  # Windows only

    try:
        # The host reads the 32-bit registry view in all cases.
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, REGISTRY_KEY.format(arch=arch), 0,
                            winreg.KEY_READ | winreg.KEY_WOW64_32KEY) as key:
            value, _kind = winreg.QueryValueEx(key, "InstallLocation")
    except OSError:
        return None
    return str(value) if value else None


def default_roots(arch: str) -> list[Path]:
    if sys.platform == "win32":
        program_files = Path(os.environ.get("ProgramFiles", r"C:\Program Files")) / "dotnet"
        # x64 emulated on an arm64 Windows has its own folder; on a plain x64 machine it does not exist.
        return [program_files, program_files / "x64"] if arch == "x64" else [program_files]
    if sys.platform == "darwin":
        shared = Path("/usr/local/share/dotnet")
        # x64 under Rosetta: the x64 .NET lives in .../dotnet/x64, the folder itself holds the arm64 one.
        return [shared / "x64", shared] if arch == "x64" else [shared]
    return [Path("/usr/share/dotnet"), Path("/usr/lib/dotnet"), Path("/usr/local/share/dotnet")]


def user_roots() -> list[Path]:
    roots = [Path.home() / ".dotnet"]
    local_app_data = os.environ.get("LOCALAPPDATA")
    if sys.platform == "win32" and local_app_data:
        roots.append(Path(local_app_data) / "Microsoft" / "dotnet")  # dotnet-install.ps1's default
    return roots


def path_roots() -> list[Path]:
    """The root of the `dotnet` on PATH: its real folder, or Homebrew's libexec beside a bin/dotnet script."""
    on_path = shutil.which("dotnet")
    if not on_path:
        return []
    folder = Path(on_path).resolve().parent
    # Homebrew: <prefix>/bin/dotnet -> Cellar/dotnet/<v>/bin/dotnet, a script that runs ../libexec/dotnet.
    return [folder, folder.parent / "libexec"]


def roots_from_list_runtimes(output: str, framework: str = RUNTIME_FRAMEWORK, major: int | None = None) -> list[Path]:
    """The roots named in `dotnet --list-runtimes` output that hold `framework` (of `major`, if given)."""
    roots: list[Path] = []
    for line in output.splitlines():
        match = LIST_RUNTIMES_LINE.match(line.strip())
        if not match or match["name"] != framework:
            continue
        if major is not None and not _is_release_of(match["version"], major):
            continue
        root = Path(match["folder"]).parent.parent  # <root>/shared/<framework>
        if root not in roots:
            roots.append(root)
    return roots


def _is_release_of(version: str, major: int) -> bool:
    # A prerelease (10.0.0-rc.1) does not satisfy a runtimeconfig that asks for a release.
    return version.split(".")[0] == str(major) and "-" not in version


def _version_key(name: str) -> tuple:
    release, _, prerelease = name.partition("-")
    numbers = tuple(int(part) if part.isdigit() else 0 for part in release.split("."))
    # A release sorts after its own previews.
    return numbers + ((1,) if not prerelease else (0,))


def has_runtime(root: Path, major: int, framework: str = RUNTIME_FRAMEWORK) -> bool:
    """Whether root/shared/<framework> holds a release of that major version."""
    folder = root / "shared" / framework
    if not folder.is_dir():
        return False
    return any(entry.is_dir() and _is_release_of(entry.name, major) for entry in folder.iterdir())


def newest_hostfxr(root: Path) -> Path | None:
    fxr_dir = root / "host" / "fxr"
    if not fxr_dir.is_dir():
        return None
    versions = sorted((entry.name for entry in fxr_dir.iterdir() if entry.is_dir()), key=_version_key)
    for version in reversed(versions):
        library = fxr_dir / version / hostfxr_file_name()
        if library.is_file():
            return library
    return None


def find_hostfxrs(major: int, extra_roots: Iterable[Path] = ()) -> list[tuple[Path, Path]]:
    """(root, hostfxr) of every candidate root holding a hostfxr and the runtime `major`, in search order."""
    found = []
    for root in candidate_roots(extra_roots):
        library = newest_hostfxr(root)
        if library is not None and has_runtime(root, major):
            found.append((root, library))
    return found


def roots_with_hostfxr_only(major: int, extra_roots: Iterable[Path] = ()) -> list[Path]:
    """Roots that have a hostfxr but not the runtime `major`: named in the error when nothing fits."""
    return [root for root in candidate_roots(extra_roots)
            if newest_hostfxr(root) is not None and not has_runtime(root, major)]
