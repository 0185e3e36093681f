"""Start the .NET runtime inside this Python process and hand it to pythonnet.

Standard library only: ctypes drives .NET's native hosting API (hostfxr), loads
Python.Runtime.dll from the pythonnet NuGet package and calls its documented entry
point Loader.Initialize. After that, `import clr` is pythonnet's real module.
One runtime per process, never unloaded.
"""
from __future__ import annotations

import ctypes
import json
import sys
import threading
from collections.abc import Iterable
from pathlib import Path

from .dotnet_root import find_hostfxrs, roots_with_hostfxr_only
from .hostfxr_status import INSTALLATION_CODES, RUNTIME_INSTALL_HINT as INSTALL_HINT, describe, is_success

HDT_LOAD_ASSEMBLY_AND_GET_FUNCTION_POINTER = 5
DEFAULT_RUNTIME_MAJOR = 10
# Loader.Initialize's argument names the Python library; empty means "the one already in this process", as
# pythonnet's own loader passes it (pythonnet/__init__.py load(): func(b"")) on every platform. On Windows
# Python.Runtime then finds each Python symbol among the process's loaded modules (src/runtime/Native/
# LibraryLoader.cs, WindowsLoader.GetFunction with a null handle -> EnumProcessModules), so no path goes through
# LoadLibraryA and its ANSI code page (a user folder such as C:\Users\Łukasz would fail there).
PYTHON_LIBRARY_ARGUMENT = b""

_lock = threading.Lock()
_started = False


class ClrStartError(RuntimeError):
    """The .NET runtime could not be started; the message says what to do."""


if sys.platform == "win32":
    _char_p = ctypes.c_wchar_p
    _FUNCTYPE = ctypes.WINFUNCTYPE  # hostfxr and CoreCLR delegates use stdcall on Windows x86

    def _native(text: str):
        return text
else:
    _char_p = ctypes.c_char_p
    _FUNCTYPE = ctypes.CFUNCTYPE

    def _native(text: str):
        return text.encode("utf-8")


class _InitParameters(ctypes.Structure):
    _fields_ = [("size", ctypes.c_size_t), ("host_path", _char_p), ("dotnet_root", _char_p)]


class _InstallationUnusable(ClrStartError):
    """This .NET installation could not start the runtime; another one may."""


def runtime_major(runtime_config: Path) -> int:
    """The major version of Microsoft.NETCore.App the core's runtimeconfig.json asks for."""
    try:
        options = json.loads(runtime_config.read_text(encoding="utf-8"))["runtimeOptions"]
        framework = options.get("framework") or (options.get("frameworks") or [{}])[0]
        return int(str(framework["version"]).split(".")[0])
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return DEFAULT_RUNTIME_MAJOR


def start_clr(runtime_config: Path, python_runtime_dll: Path, extra_roots: Iterable[Path] = ()) -> None:
    """Start .NET with runtime_config and initialise pythonnet from python_runtime_dll. Idempotent.

    extra_roots: .NET roots to try after DOTNET_ROOT and before the system's (see dotnet_root.candidate_roots).
    """
    global _started
    with _lock:
        if _started:
            return
        for required in (runtime_config, python_runtime_dll):
            if not required.is_file():
                raise ClrStartError(f"{required} is missing; the .NET part was not built (run install.py)")
        load_assembly = _start_runtime(runtime_config, runtime_major(runtime_config), list(extra_roots))
        _initialize_pythonnet(load_assembly, python_runtime_dll)
        _started = True


def _start_runtime(runtime_config: Path, major: int, extra_roots: list[Path]):
    """Try each .NET root that has hostfxr and the runtime, in search order, until one starts."""
    candidates = find_hostfxrs(major, extra_roots)
    if not candidates:
        others = roots_with_hostfxr_only(major, extra_roots)
        if others:
            raise ClrStartError(f".NET {major} is missing: {', '.join(map(str, others))} hold(s) other .NET versions "
                                f"only; {INSTALL_HINT}")
        raise ClrStartError(f"no .NET installation was found: {INSTALL_HINT}")
    failures = []
    for dotnet_root, hostfxr_path in candidates:
        try:
            hostfxr = ctypes.CDLL(str(hostfxr_path))
        except OSError as error:  # e.g. another architecture's .NET (x64 under an arm64 Python)
            failures.append(f"cannot load {hostfxr_path}: {error}")
            continue
        try:
            return _runtime_delegate(hostfxr, runtime_config, dotnet_root)
        except _InstallationUnusable as error:
            failures.append(str(error))
    raise ClrStartError(f"{'; '.join(failures)}; {INSTALL_HINT}")


def _runtime_delegate(hostfxr, runtime_config: Path, dotnet_root: Path):
    initialize = hostfxr.hostfxr_initialize_for_runtime_config
    initialize.argtypes = [_char_p, ctypes.POINTER(_InitParameters), ctypes.POINTER(ctypes.c_void_p)]
    initialize.restype = ctypes.c_int32
    get_delegate = hostfxr.hostfxr_get_runtime_delegate
    get_delegate.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.POINTER(ctypes.c_void_p)]
    get_delegate.restype = ctypes.c_int32
    close = hostfxr.hostfxr_close
    close.argtypes = [ctypes.c_void_p]
    close.restype = ctypes.c_int32

    parameters = _InitParameters(ctypes.sizeof(_InitParameters), None, _native(str(dotnet_root)))
    handle = ctypes.c_void_p()
    code = initialize(_native(str(runtime_config)), ctypes.byref(parameters), ctypes.byref(handle))
    if not is_success(code) or not handle.value:
        if (code & 0xFFFFFFFF) in INSTALLATION_CODES:
            raise _InstallationUnusable(f"cannot start .NET from {dotnet_root}: {describe(code)}")
        raise ClrStartError(f"cannot start .NET from {dotnet_root}: {describe(code)}")
    try:
        function = ctypes.c_void_p()
        code = get_delegate(handle, HDT_LOAD_ASSEMBLY_AND_GET_FUNCTION_POINTER, ctypes.byref(function))
        if code != 0 or not function.value:
            raise ClrStartError(f"cannot get the .NET assembly loader: {describe(code)}")
    finally:
        close(handle)
    prototype = _FUNCTYPE(ctypes.c_int32, _char_p, _char_p, _char_p, _char_p, ctypes.c_void_p,
                          ctypes.POINTER(ctypes.c_void_p))
    return prototype(function.value)


def _initialize_pythonnet(load_assembly, python_runtime_dll: Path) -> None:
    entry = ctypes.c_void_p()
    code = load_assembly(_native(str(python_runtime_dll)), _native("Python.Runtime.Loader, Python.Runtime"),
                         _native("Initialize"), None, None, ctypes.byref(entry))
    if code != 0 or not entry.value:
        raise ClrStartError(f"cannot load {python_runtime_dll.name}: {describe(code)}")
    initialize = _FUNCTYPE(ctypes.c_int32, ctypes.c_char_p, ctypes.c_int32)(entry.value)
    if initialize(PYTHON_LIBRARY_ARGUMENT, len(PYTHON_LIBRARY_ARGUMENT)) != 0:
        raise ClrStartError("pythonnet failed to initialise; its error is printed above")
