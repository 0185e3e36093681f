"""The .NET host's status codes in plain words (dotnet/runtime src/native/corehost/error_codes.h, enum StatusCode)."""
from __future__ import annotations

RUNTIME_INSTALL_HINT = (
    "install the .NET 10 runtime (https://dot.net, or your package manager's dotnet-runtime-10.0 / "
    "dotnet-sdk-10.0) or set DOTNET_ROOT to its folder"
)

SUCCESS_CODES = {
    0x00000000: "started",
    0x00000001: "started; a .NET runtime was already running in this process",
    0x00000002: "started; a .NET runtime with different settings was already running in this process",
}

FAILURE_CODES = {
    0x80008081: "the .NET host was given an invalid argument",
    0x80008082: "the .NET host failed to load one of its components (hostpolicy)",
    0x80008083: "one of the .NET host's components (hostpolicy) is missing from the installation",
    0x80008084: "one of the .NET host's components lacks an entry point it needs (a damaged or mixed installation)",
    0x80008085: "the .NET host could not find where .NET is installed",
    0x80008087: "the .NET runtime library (coreclr) was not found in the installation",
    0x80008088: "the .NET runtime library (coreclr) could not be loaded",
    0x80008089: "the .NET runtime failed to initialise",
    0x8000808A: "the .NET runtime failed to run the assembly",
    0x8000808B: "the .NET host could not start resolving the core's dependencies (its .deps.json)",
    0x8000808C: "the .NET host could not resolve the core's dependencies: a file listed in its .deps.json is missing",
    0x8000808E: "the .NET host's policy library failed to initialise",
    0x80008092: "the .NET host's policy library was given invalid arguments",
    0x80008093: "the core's runtimeconfig.json is invalid",
    0x80008094: "the .NET host reported an internal state (AppArgNotRunnable)",
    0x80008095: "the .NET app host could not tell which application to run",
    0x80008096: ".NET 10 is missing: no installed .NET runtime is compatible with the core (it needs "
                "Microsoft.NETCore.App 10.x)",
    0x80008097: "a .NET host command failed",
    0x80008098: "a buffer given to the .NET host was too small",
    0x8000809A: "the application path recorded in the .NET app host does not exist",
    0x8000809B: "the requested .NET SDK was not found",
    0x8000809C: "the core references the same .NET framework in incompatible versions",
    0x8000809D: "the .NET host reported an internal state (FrameworkCompatRetry)",
    0x8000809F: "a single-file bundle could not be extracted",
    0x800080A0: "a file could not be read or written while extracting a single-file bundle",
    0x800080A1: "the core's runtimeconfig.json sets a property that the .NET host sets itself",
    0x800080A2: "this .NET host is too old for the hosting API the tracker uses",
    0x800080A3: "the .NET host is in a state that does not allow this call",
    0x800080A4: "the .NET host has no such runtime property",
    0x800080A5: "a .NET runtime with settings incompatible with the core's is already running in this process",
    0x800080A6: "the .NET hosting API does not support this scenario (e.g. a self-contained runtime already "
                "running in this process)",
    0x800080A7: "a .NET host feature the tracker needs is disabled",
}

# Codes after which another .NET installation may do better (a missing or broken part of this one).
INSTALLATION_CODES = {0x80008082, 0x80008083, 0x80008084, 0x80008085, 0x80008087, 0x80008088, 0x80008096}


def is_success(code: int) -> bool:
    """STATUS_CODE_SUCCEEDED: the code, as a signed 32-bit int, is not negative."""
    return (code & 0xFFFFFFFF) < 0x80000000


def describe(code: int) -> str:
    """The plain-words meaning of a hostfxr return code, with the code in hex."""
    code &= 0xFFFFFFFF
    words = SUCCESS_CODES.get(code) or FAILURE_CODES.get(code) or "an unknown .NET host error"
    text = f"{words} (0x{code:08X})"
    if code == 0x80008096:
        text += f"; {RUNTIME_INSTALL_HINT}"
    return text
