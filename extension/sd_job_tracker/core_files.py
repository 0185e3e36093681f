"""Which build of the core to start: the SDK build (install.py) when present, else the prebuilt core with what was
fetched from NuGet. Both are one folder holding JobTracker.dll, its runtimeconfig and Python.Runtime.dll."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import paths
from .paths import CoreBuild


@dataclass(frozen=True)
class CoreFiles:
    build: CoreBuild
    dotnet_root: Path | None  # None: an installed .NET, searched for in the host's order

    def complete(self) -> bool:
        return all(path.is_file() for path in (self.build.assembly, self.build.runtime_config,
                                               self.build.python_runtime))


def sdk_build() -> CoreFiles | None:
    """The core install.py built with the .NET SDK, if it is complete."""
    files = CoreFiles(paths.current_core(), None)
    return files if files.complete() else None


def prebuilt_present() -> bool:
    """Whether this copy of the extension carries the prebuilt core (and so can run without an SDK)."""
    return paths.PACKAGE_MANIFEST.is_file() and all((paths.PREBUILT_DIR / name).is_file()
                                                    for name in paths.PREBUILT_FILES)
