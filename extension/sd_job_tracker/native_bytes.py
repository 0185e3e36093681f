"""Moving bodies across the bridge without pythonnet's per-element byte copying.

In: the address of a Python `bytes` buffer (valid while the caller holds the object).
Out: a .NET NativeBuffer (unmanaged memory) copied once with ctypes, then freed.
"""
import ctypes


def address_of(data: bytes) -> int:
    return ctypes.cast(ctypes.c_char_p(data), ctypes.c_void_p).value or 0


def take(native_buffer) -> bytes:
    """Copy a .NET NativeBuffer into Python bytes and free it."""
    if native_buffer is None:
        return b""
    try:
        length = int(native_buffer.Length)
        return ctypes.string_at(int(native_buffer.Address), length) if length else b""
    finally:
        native_buffer.Dispose()
