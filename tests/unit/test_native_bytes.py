"""Bodies back from .NET: copied whole into a new `bytes`, by a foreign call that ctypes makes without the GIL."""
import ctypes

from sd_job_tracker import native_bytes


def test_a_copy_holds_the_same_bytes_in_a_new_object():
    source = bytes(range(256)) * 4096 + b"tail"
    copy = native_bytes.copy_of(native_bytes.address_of(source), len(source))
    assert type(copy) is bytes and copy == source and copy is not source
    assert hash(copy) == hash(source)  # the object was complete before anyone hashed it


def test_a_part_and_nothing():
    source = b"0123456789"
    assert native_bytes.copy_of(native_bytes.address_of(source) + 2, 3) == b"234"
    assert native_bytes.copy_of(native_bytes.address_of(source), 0) == b""


def test_the_copy_is_a_foreign_call_made_without_the_gil():
    # ctypes releases the GIL around every foreign call except those of PyDLL/PYFUNCTYPE (FUNCFLAG_PYTHONAPI):
    # memmove is one of the former, so a worker thread copying megabytes never holds the event loop.
    assert not ctypes.memmove._flags_ & ctypes._FUNCFLAG_PYTHONAPI


def test_the_shared_c_api_functions_are_left_as_they_were():
    # Other extensions in the WebUI's process may call these through ctypes.pythonapi with their own argtypes.
    assert ctypes.pythonapi.PyBytes_FromStringAndSize.argtypes is None
    assert ctypes.pythonapi.PyBytes_AsString.argtypes is None
