"""Which build of the core to start: the SDK build (install.py) when present, else the prebuilt core with what was
fetched from NuGet. Both are one folder holding JobTracker.dll, its runtimeconfig and Python.Runtime.dll."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import paths


@dataclass(frozen=True)
class CoreFiles:
    folder: Path
    dotnet_root: Path | None  # None: an installed .NET, searched for as clr_host always did

    @property
    def assembly(self) -> Path:
        return self.folder / "JobTracker.dll"

    @property
    def runtime_config(self) -> Path:
        return self.folder / "JobTracker.runtimeconfig.json"

    @property
    def python_runtime(self) -> Path:
        return self.folder / "Python.Runtime.dll"

    def complete(self) -> bool:
        return all(path.is_file() for path in (self.assembly, self.runtime_config, self.python_runtime))


def sdk_build() -> CoreFiles | None:
    """The core install.py built with the .NET SDK, if it is complete."""
    files = CoreFiles(paths.BUILD_DIR, None)
    return files if files.complete() else None


def prebuilt_present() -> bool:
    """Whether this copy of the extension carries the prebuilt core (and so can run without an SDK)."""
    return paths.PACKAGE_MANIFEST.is_file() and all((paths.PREBUILT_DIR / name).is_file()
                                                    for name in paths.PREBUILT_FILES)
