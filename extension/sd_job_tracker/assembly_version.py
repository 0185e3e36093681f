"""The product version a .NET assembly file carries (its Win32 version resource), read without loading it.

Every SDK-built assembly has a VS_VERSIONINFO resource whose StringFileInfo holds "ProductVersion" (pythonnet's
Python.Runtime.dll: "3.2.1+<commit>"). Each entry is UTF-16: the key, a NUL, zero padding to a 32-bit boundary,
then the value and a NUL.
"""
from __future__ import annotations

from pathlib import Path

PRODUCT_VERSION_KEY = "ProductVersion\0".encode("utf-16-le")
MAX_VALUE_CHARS = 128


def product_version(assembly: Path) -> str | None:
    """The ProductVersion without its build metadata ("3.2.1"), or None when the file has none."""
    data = assembly.read_bytes()
    at = data.rfind(PRODUCT_VERSION_KEY)  # the resource section comes last
    if at < 0:
        return None
    at += len(PRODUCT_VERSION_KEY)
    while data[at:at + 2] == b"\0\0":
        at += 2
    chars = []
    while at + 2 <= len(data) and len(chars) < MAX_VALUE_CHARS:
        unit = data[at:at + 2]
        if unit == b"\0\0":
            break
        chars.append(unit.decode("utf-16-le", errors="replace"))
        at += 2
    value = "".join(chars).split("+", 1)[0].strip()
    return value or None
