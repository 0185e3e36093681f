"""The packages the prebuilt core needs, pinned with their SHA-512 in extension/prebuilt/packages.json.

That file is written by extension/prebuilt/regenerate.sh from the NuGet packages the build itself used: the runtime pack per
platform, pythonnet per release, and the libraries the core references (Microsoft.Extensions.Configuration*).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import paths, runtime_layout
from .pythonnet_release import pythonnet_version, unsupported_message


class NotPinned(Exception):
    """What this machine needs has no pinned package: it cannot be fetched and verified."""


@dataclass(frozen=True)
class Package:
    id: str
    version: str
    sha512: str  # base64; empty: not pinned, checked against the SHA-512 nuget.org publishes (published_hash)
    size: int  # bytes of the .nupkg; 0 when not pinned
    files: tuple[str, ...] = ()  # entries copied flat into the core's folder; empty for the runtime pack
    rid: str = ""  # set for a runtime pack, whose layout is a .NET root

    @property
    def folder_name(self) -> str:
        return f"{self.id.lower()}.{self.version.lower()}"

    def layout(self, entry: str) -> PurePosixPath | None:
        """Where an archive entry goes inside this package's unpacked folder (None: not needed)."""
        if self.rid:
            return runtime_layout.destination(entry, self.rid, self.version)
        return PurePosixPath(PurePosixPath(entry).name) if entry in self.files else None

    @property
    def required_files(self) -> int:
        return max(1, len(self.files))


def load(path: Path = paths.PACKAGE_MANIFEST) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def runtime_package(manifest: dict, rid: str) -> Package:
    runtime = manifest["runtime"]
    pinned = runtime["packages"].get(rid)
    if pinned is None:
        raise NotPinned(f"no .NET runtime pack is pinned for {rid}")
    return Package(runtime_layout.package_id(rid), runtime["version"], pinned["sha512"], pinned["size"], rid=rid)


def core_packages(manifest: dict, version_info) -> list[Package]:
    """The libraries beside the core, and the pythonnet release that serves this Python."""
    release = pythonnet_version(version_info)
    if release is None:
        raise NotPinned(unsupported_message(version_info))
    pinned = manifest["pythonnet"].get(release)
    if pinned is None:
        shown = ".".join(str(part) for part in version_info[:2])
        raise NotPinned(f"pythonnet {release} (the release for Python {shown}) is not listed in "
                        f"extension/prebuilt/packages.json; use the SDK route (README, Install) on this Python")
    packages = [_library(entry) for entry in manifest["libraries"]]
    packages.append(Package("pythonnet", release, pinned["sha512"] or "", pinned["size"] or 0, tuple(pinned["files"])))
    return packages


def _library(entry: dict) -> Package:
    return Package(entry["id"], entry["version"], entry["sha512"], entry["size"], tuple(entry["files"]))
