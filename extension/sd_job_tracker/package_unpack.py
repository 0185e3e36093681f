"""Unpack the files a package contributes into their final folder, all or nothing.

The files go to a temporary folder beside the destination, which is then renamed into place in one step: a
destination folder that exists is complete. Another process that finished first wins; its copy is kept.
"""
from __future__ import annotations

import os
import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath
from typing import Callable

Layout = Callable[[str], "PurePosixPath | None"]


class PackageUnusable(Exception):
    """The package verified but does not hold what the tracker needs (or is not a valid archive)."""


def unpack(archive: Path, layout: Layout, destination: Path, required: int = 1) -> int:
    """Extract the entries layout maps (entry name -> relative path) into destination. Returns the file count."""
    temporary = destination.with_name(f".{destination.name}.{os.getpid()}.partial")
    shutil.rmtree(temporary, ignore_errors=True)
    try:
        count = _extract(archive, layout, temporary)
        if count < required:
            raise PackageUnusable(f"{archive.name} holds {count} of the files the tracker needs")
        try:
            os.replace(temporary, destination)
        except OSError:
            if not destination.is_dir():  # not a rival's finished copy: a real failure
                raise
        return count
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _extract(archive: Path, layout: Layout, folder: Path) -> int:
    count = 0
    try:
        with zipfile.ZipFile(archive) as package:
            for info in package.infolist():
                relative = None if info.is_dir() else layout(info.filename)
                if relative is None:
                    continue
                target = folder.joinpath(*relative.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                with package.open(info) as source, open(target, "wb") as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
                mode = (info.external_attr >> 16) & 0o777
                if mode & stat.S_IXUSR:  # createdump and friends keep their execute bit
                    target.chmod(mode | stat.S_IRUSR | stat.S_IWUSR)
                count += 1
    except zipfile.BadZipFile as error:
        raise PackageUnusable(f"{archive.name} is not a valid package: {error}") from error
    return count
