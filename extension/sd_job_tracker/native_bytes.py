"""Moving bodies across the bridge without pythonnet's per-element byte copying.

In: the address of a Python `bytes` buffer (valid while the caller holds the object).
Out: a .NET NativeBuffer (unmanaged memory) copied once into a new `bytes`, then freed.

The copy out runs without the GIL. A job's answer is 10 MB: copied with the GIL held (ctypes.string_at), it took
4 to 7 ms on a worker thread in every few GETs (the new object's pages faulted in one by one), and the event loop,
which needs the GIL, waited as long. So the `bytes` is created uninitialised, and filled by ctypes.memmove, a foreign
call, which ctypes makes with the GIL released. Nothing else sees the object before it is full.
"""
import ctypes

# Prototypes of our own (with the GIL held, as the C API needs): setting argtypes on ctypes.pythonapi's shared
# function objects would change them for every other extension in the WebUI's process.
_new_bytes = ctypes.PYFUNCTYPE(ctypes.py_object, ctypes.c_void_p, ctypes.c_ssize_t)(
    ("PyBytes_FromStringAndSize", ctypes.pythonapi))
_buffer_of = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.py_object)(("PyBytes_AsString", ctypes.pythonapi))


def address_of(data: bytes) -> int:
    return ctypes.cast(ctypes.c_char_p(data), ctypes.c_void_p).value or 0


def copy_of(address: int, length: int) -> bytes:
    """A new `bytes` holding `length` bytes from `address`, copied with the GIL released."""
    if length <= 0:
        return b""
    data = _new_bytes(None, length)  # uninitialised: no page of it touched yet
    ctypes.memmove(_buffer_of(data), address, length)
    return data


def take(native_buffer) -> bytes:
    """Copy a .NET NativeBuffer into Python bytes and free it."""
    if native_buffer is None:
        return b""
    try:
        return copy_of(int(native_buffer.Address), int(native_buffer.Length))
    finally:
        native_buffer.Dispose()
