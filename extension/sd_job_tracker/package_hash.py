"""SHA-512 of a downloaded package, in NuGet's own notation (base64, as in <id>.<version>.nupkg.sha512)."""
from __future__ import annotations

import base64
import hashlib
from pathlib import Path

_CHUNK = 1 << 20


def sha512_of(path: Path) -> str:
    """The file's SHA-512, base64-encoded."""
    digest = hashlib.sha512()
    with open(path, "rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return base64.b64encode(digest.digest()).decode("ascii")


class PackageRefused(Exception):
    """A downloaded package is not the pinned one; it must not be used."""


def verify(path: Path, expected: str, what: str) -> None:
    """Raise PackageRefused unless the file's SHA-512 is the pinned one."""
    actual = sha512_of(path)
    if actual != expected:
        size = path.stat().st_size
        raise PackageRefused(f"refused {what}: its SHA-512 does not match the pinned one "
                             f"({size:,} bytes received; a corrupt, truncated or substituted download)")
