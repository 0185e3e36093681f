"""Every path the Python side uses, computed once from this file's location.

The built core lives in a folder of its own under build/ (core-1, core-2, ...), and build/core.current names the
one in use: a rebuild publishes into a new folder and then switches that one line, so it never overwrites a DLL
that a running WebUI has loaded (Windows refuses that). A build made before versioned folders sits in build/core.
"""
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
EXTENSION_DIR = PACKAGE_DIR.parents[1]
DOTNET_SOURCE_DIR = EXTENSION_DIR / "dotnet"
CORE_PROJECT = DOTNET_SOURCE_DIR / "JobTracker" / "JobTracker.csproj"
BUILD_ROOT = EXTENSION_DIR / "build"
CURRENT_CORE_FILE = BUILD_ROOT / "core.current"
CORE_FOLDER_PREFIX = "core-"  # not ".../dotnet": dotnet publish -o mis-parses such a path
LEGACY_CORE_DIR = BUILD_ROOT / "core"


@dataclass(frozen=True)
class CoreBuild:
    """The files of one built core, in its folder."""

    folder: Path

    @property
    def stamp(self) -> Path:
        return self.folder / "build.stamp"

    @property
    def assembly(self) -> Path:
        return self.folder / "JobTracker.dll"

    @property
    def runtime_config(self) -> Path:
        return self.folder / "JobTracker.runtimeconfig.json"

    @property
    def python_runtime(self) -> Path:
        return self.folder / "Python.Runtime.dll"

    @property
    def in_use_lock(self) -> Path:
        return self.folder / "in-use.lock"

    def outputs(self) -> tuple[Path, ...]:
        return self.stamp, self.assembly, self.runtime_config, self.python_runtime


def current_core() -> CoreBuild:
    """The core in use: the folder build/core.current names, else the pre-versioning build/core."""
    try:
        name = CURRENT_CORE_FILE.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return CoreBuild(LEGACY_CORE_DIR)
    # Only a plain folder name under build/ is accepted: the file is ours, but a damaged one must not point elsewhere.
    if name and Path(name).name == name and name not in (".", ".."):
        return CoreBuild(BUILD_ROOT / name)
    return CoreBuild(LEGACY_CORE_DIR)
# The route without an SDK: the core committed as IL under extension/prebuilt/, the rest fetched from NuGet into
# build/fetched/.
PREBUILT_DIR = EXTENSION_DIR / "extension" / "prebuilt"
PACKAGE_MANIFEST = PREBUILT_DIR / "packages.json"
PREBUILT_FILES = ("JobTracker.dll", "JobTracker.deps.json", "JobTracker.runtimeconfig.json")
FETCHED_DIR = BUILD_ROOT / "fetched"
