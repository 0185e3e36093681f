"""The prebuilt core made runnable from fetched packages: which packages this machine needs, which of them are
still missing, and the core's folder assembled from the prebuilt files and the unpacked packages.

Kept under build/fetched/: one folder per package (<id>.<version>, the runtime pack's as a .NET root) and
core-<digest>/, named after what it was assembled from, so a changed prebuilt core gets a new folder.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from . import package_manifest, paths, platform_rid
from .core_files import CoreFiles
from .paths import CoreBuild
from .dotnet_root import find_hostfxrs
from .package_manifest import NotPinned, Package

RUNTIME_MAJOR = 10


@dataclass(frozen=True)
class FetchPlan:
    packages: tuple[Package, ...]  # the runtime pack (when needed) first, then the core's libraries
    runtime: Package | None  # None: an installed .NET 10 runtime serves

    def missing(self) -> list[Package]:
        return [package for package in self.packages if not folder_of(package).is_dir()]


def folder_of(package: Package) -> Path:
    return paths.FETCHED_DIR / package.folder_name


def plan() -> FetchPlan:
    """What this machine needs; NotPinned when its platform or Python has no pinned package."""
    manifest = package_manifest.load()
    libraries = package_manifest.core_packages(manifest, sys.version_info)
    runtime = None
    if not installed_runtime():
        rid = platform_rid.runtime_identifier()
        if rid is None:
            raise NotPinned(f"no .NET runtime pack is fetched for {sys.platform} on this processor "
                            f"(only {', '.join(platform_rid.SUPPORTED)}); install .NET 10 to enable tracking")
        runtime = package_manifest.runtime_package(manifest, rid)
    return FetchPlan(tuple(([runtime] if runtime else []) + libraries), runtime)


def installed_runtime() -> bool:
    """Whether an installed .NET (found as clr_host finds it) has a 10.x runtime to start the core on."""
    return bool(find_hostfxrs(RUNTIME_MAJOR))


def assemble(fetch_plan: FetchPlan) -> CoreFiles:
    """The core's folder for this plan (made once, atomically); every package must be unpacked already."""
    sources = [paths.PREBUILT_DIR / name for name in paths.PREBUILT_FILES]
    libraries = [package for package in fetch_plan.packages if package is not fetch_plan.runtime]
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes())
    for package in libraries:
        digest.update(package.folder_name.encode())
    folder = paths.FETCHED_DIR / f"core-{digest.hexdigest()[:16]}"
    root = folder_of(fetch_plan.runtime) if fetch_plan.runtime else None
    if not folder.is_dir():
        temporary = folder.with_name(f".{folder.name}.{os.getpid()}.partial")
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir(parents=True)
        try:
            for source in sources:
                shutil.copy2(source, temporary / source.name)
            for package in libraries:
                for file in folder_of(package).iterdir():
                    shutil.copy2(file, temporary / file.name)
            try:
                os.replace(temporary, folder)
            except OSError:
                if not folder.is_dir():
                    raise
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
    return CoreFiles(CoreBuild(folder), root)


def ready() -> CoreFiles | None:
    """The fetched core when everything it needs is already here (no network), else None."""
    if not paths.PACKAGE_MANIFEST.is_file():
        return None
    try:
        fetch_plan = plan()
    except NotPinned:
        return None
    if fetch_plan.missing():
        return None
    return assemble(fetch_plan)
