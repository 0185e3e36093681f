"""clr_host without a real .NET: trying each installation in turn, and what goes to pythonnet's Loader.Initialize."""
import ctypes
import json

import pytest

from sd_job_tracker import clr_host


class FakeHostfxr:
    """hostfxr's three functions, returning the given initialise status."""

    def __init__(self, init_code):
        def initialize(config, parameters, handle):
            handle._obj.value = 1234 if init_code in (0, 1, 2) else None
            return init_code

        def get_delegate(handle, kind, function):
            function._obj.value = 5678
            return 0

        self.hostfxr_initialize_for_runtime_config = initialize
        self.hostfxr_get_runtime_delegate = get_delegate
        self.hostfxr_close = lambda handle: 0


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "JobTracker.runtimeconfig.json"
    path.write_text(json.dumps({"runtimeOptions": {"framework": {"name": "Microsoft.NETCore.App", "version": "10.0.0"}}}))
    return path


def test_the_runtime_major_comes_from_the_runtimeconfig(config, tmp_path):
    assert clr_host.runtime_major(config) == 10
    (tmp_path / "bad.json").write_text("not json")
    assert clr_host.runtime_major(tmp_path / "bad.json") == clr_host.DEFAULT_RUNTIME_MAJOR


def test_a_hostfxr_that_does_not_load_is_skipped_for_the_next(monkeypatch, config, tmp_path):
    candidates = [(tmp_path / "x64", tmp_path / "x64" / "libhostfxr.dylib"),
                  (tmp_path / "arm64", tmp_path / "arm64" / "libhostfxr.dylib")]
    monkeypatch.setattr(clr_host, "find_hostfxrs", lambda major, extra: candidates)

    def cdll(path):
        if "x64" in path:
            raise OSError(f"dlopen({path}): mach-o file, but is an incompatible architecture")
        return FakeHostfxr(0)

    monkeypatch.setattr(clr_host.ctypes, "CDLL", cdll)
    loader = clr_host._start_runtime(config, 10, [])
    assert ctypes.cast(loader, ctypes.c_void_p).value == 5678


def test_an_installation_missing_the_framework_is_skipped_for_the_next(monkeypatch, config, tmp_path):
    fakes = {"first": FakeHostfxr(0x80008096 - (1 << 32)), "second": FakeHostfxr(0)}
    monkeypatch.setattr(clr_host, "find_hostfxrs",
                        lambda major, extra: [(tmp_path / name, tmp_path / name / "libhostfxr.so") for name in fakes])
    monkeypatch.setattr(clr_host.ctypes, "CDLL", lambda path: fakes[path.split("/")[-2]])
    assert ctypes.cast(clr_host._start_runtime(config, 10, []), ctypes.c_void_p).value == 5678


def test_when_every_installation_fails_each_is_named(monkeypatch, config, tmp_path):
    monkeypatch.setattr(clr_host, "find_hostfxrs",
                        lambda major, extra: [(tmp_path / "a", tmp_path / "a" / "libhostfxr.so"),
                                              (tmp_path / "b", tmp_path / "b" / "libhostfxr.so")])
    monkeypatch.setattr(clr_host.ctypes, "CDLL", lambda path: FakeHostfxr(0x80008096))
    with pytest.raises(clr_host.ClrStartError) as error:
        clr_host._start_runtime(config, 10, [])
    message = str(error.value)
    assert f"cannot start .NET from {tmp_path / 'a'}" in message and f"cannot start .NET from {tmp_path / 'b'}" in message
    assert ".NET 10 is missing" in message and "install the .NET 10 runtime" in message


def test_a_failure_another_installation_cannot_fix_stops_at_once(monkeypatch, config, tmp_path):
    tried = []
    monkeypatch.setattr(clr_host, "find_hostfxrs",
                        lambda major, extra: [(tmp_path / "a", tmp_path / "a" / "f"), (tmp_path / "b", tmp_path / "b" / "f")])
    monkeypatch.setattr(clr_host.ctypes, "CDLL", lambda path: tried.append(path) or FakeHostfxr(0x80008093))
    with pytest.raises(clr_host.ClrStartError, match="runtimeconfig.json is invalid"):
        clr_host._start_runtime(config, 10, [])
    assert len(tried) == 1


def test_only_older_dotnets_is_reported_as_dotnet_10_missing(monkeypatch, config, tmp_path):
    monkeypatch.setattr(clr_host, "find_hostfxrs", lambda major, extra: [])
    monkeypatch.setattr(clr_host, "roots_with_hostfxr_only", lambda major, extra: [tmp_path / "dotnet8"])
    with pytest.raises(clr_host.ClrStartError, match=r"^\.NET 10 is missing: .*dotnet8 hold\(s\) other .NET versions"):
        clr_host._start_runtime(config, 10, [])


@pytest.mark.parametrize("platform_name", ["win32", "linux", "darwin"])
def test_loader_initialize_is_told_to_use_the_python_already_loaded(monkeypatch, platform_name):
    """No pythonXY.dll path (LoadLibraryA would read it in the ANSI code page): empty, as pythonnet's own loader."""
    monkeypatch.setattr(clr_host.sys, "platform", platform_name)
    received = []
    initialize = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_void_p, ctypes.c_int32)(
        lambda data, size: received.append((data, size)) or 0)

    def load_assembly(path, type_name, method, delegate, reserved, entry):
        assert (type_name, method) == (b"Python.Runtime.Loader, Python.Runtime", b"Initialize")
        entry[0] = ctypes.cast(initialize, ctypes.c_void_p).value
        return 0

    prototype = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
                                 ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p))
    clr_host._initialize_pythonnet(prototype(load_assembly), clr_host.Path("/build/Python.Runtime.dll"))
    assert len(received) == 1 and received[0][1] == 0
