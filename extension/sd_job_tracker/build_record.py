"""What a built core was built for, kept in its build.stamp: the pythonnet release, the Python and the .NET root.

install.py writes it after a build and rebuilds when the WebUI's Python no longer matches; the start-up reads the
.NET root as one more place to look for .NET (Homebrew's, say, which `dotnet` on PATH does not lead to).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildRecord:
    pythonnet: str  # the pythonnet release of the core's Python.Runtime.dll, e.g. "3.2.1"
    python: str  # the CPython it was built for, "major.minor"
    dotnet_root: str = ""  # the .NET root that built it (holds the runtime too), "" if unknown


def python_tag(version_info) -> str:
    return f"{version_info[0]}.{version_info[1]}"


def write(stamp: Path, record: BuildRecord) -> None:
    stamp.write_text(json.dumps(asdict(record), indent=2) + "\n", encoding="utf-8")


def read(stamp: Path) -> BuildRecord | None:
    """The record in a stamp; None if missing or written by an older install.py (plain text)."""
    try:
        data = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("pythonnet"), str) or not isinstance(data.get("python"), str):
        return None
    root = data.get("dotnet_root")
    return BuildRecord(data["pythonnet"], data["python"], root if isinstance(root, str) else "")
