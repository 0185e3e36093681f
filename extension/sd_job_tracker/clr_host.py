"""Start the .NET runtime inside this Python process and hand it to pythonnet.

Standard library only: ctypes drives .NET's native hosting API (hostfxr), loads
Python.Runtime.dll from the pythonnet NuGet package and calls its documented entry
point Loader.Initialize. After that, `import clr` is pythonnet's real module.
One runtime per process, never unloaded.
"""
from __future__ import annotations

import ctypes
import sys
import threading
from pathlib import Path

from .dotnet_root import find_hostfxr, hostfxr_in

HDT_LOAD_ASSEMBLY_AND_GET_FUNCTION_POINTER = 5
INSTALL_HINT = (
    "install the .NET 10 runtime (https://dot.net, or your package manager's dotnet-runtime-10.0 / "
    "dotnet-sdk-10.0) or set DOTNET_ROOT to its folder"
)
# hostfxr status codes worth naming; the rest are reported in hex.
HOSTFXR_ERRORS = {
    0x80008083: "the .NET runtime version the tracker needs (10.0) is not installed",
    0x80008096: "another .NET runtime with different settings is already loaded in this process",
    0x8000808C: "hostfxr could not read the runtimeconfig.json",
    0x80008093: "the runtimeconfig.json is invalid",
    0x80008081: "the .NET host failed to load a component",
}

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


def _describe(code: int) -> str:
    code &= 0xFFFFFFFF
    return f"{HOSTFXR_ERRORS.get(code, 'hostfxr error')} (0x{code:08X})"


def _python_library_argument() -> bytes:
    """What Python.Runtime should load as the Python library.

    Empty means 'this process': on Linux and macOS the interpreter's symbols are already
    loaded globally. On Windows they live in pythonXY.dll, which must be named.
    """
    if sys.platform != "win32":
        return b""
    buffer = ctypes.create_unicode_buffer(32768)
    ctypes.windll.kernel32.GetModuleFileNameW(ctypes.c_void_p(sys.dllhandle), buffer, len(buffer))
    return buffer.value.encode("utf-8")


def start_clr(runtime_config: Path, python_runtime_dll: Path, dotnet_root: Path | None = None) -> None:
    """Start .NET with runtime_config and initialise pythonnet from python_runtime_dll. Idempotent.

    dotnet_root: a .NET root to start (the one fetched from NuGet); None searches the installed ones."""
    global _started
    with _lock:
        if _started:
            return
        for required in (runtime_config, python_runtime_dll):
            if not required.is_file():
                raise ClrStartError(f"{required} is missing; the .NET part was not built (run install.py)")
        found = find_hostfxr() if dotnet_root is None else _fetched_root(dotnet_root)
        if found is None:
            raise ClrStartError(f"no .NET installation was found: {INSTALL_HINT}")
        dotnet_root, hostfxr_path = found
        try:
            hostfxr = ctypes.CDLL(str(hostfxr_path))
        except OSError as error:
            raise ClrStartError(f"cannot load {hostfxr_path}: {error}; {INSTALL_HINT}") from error
        load_assembly = _runtime_delegate(hostfxr, runtime_config, dotnet_root)
        _initialize_pythonnet(load_assembly, python_runtime_dll)
        _started = True


def _fetched_root(root: Path) -> tuple[Path, Path]:
    library = hostfxr_in(root)
    if library is None:
        raise ClrStartError(f"the .NET runtime fetched into {root} has no hostfxr; delete that folder to fetch it again")
    return root, library


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
    # 0 = started, 1 = a runtime was already running, 2 = running with other properties.
    if code not in (0, 1, 2) or not handle.value:
        raise ClrStartError(f"cannot start .NET from {dotnet_root}: {_describe(code)}; {INSTALL_HINT}")
    try:
        function = ctypes.c_void_p()
        code = get_delegate(handle, HDT_LOAD_ASSEMBLY_AND_GET_FUNCTION_POINTER, ctypes.byref(function))
        if code != 0 or not function.value:
            raise ClrStartError(f"cannot get the .NET assembly loader: {_describe(code)}")
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
        raise ClrStartError(f"cannot load {python_runtime_dll.name}: {_describe(code)}")
    initialize = _FUNCTYPE(ctypes.c_int32, ctypes.c_char_p, ctypes.c_int32)(entry.value)
    argument = _python_library_argument()
    if initialize(argument, len(argument)) != 0:
        raise ClrStartError("pythonnet failed to initialise; its error is printed above")
