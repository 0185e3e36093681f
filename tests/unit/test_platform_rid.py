"""The runtime identifier and hosting library chosen for each platform the tracker fetches .NET for."""
import pytest

from sd_job_tracker.platform_rid import SUPPORTED, hostfxr_file_name, runtime_identifier, system_name


@pytest.mark.parametrize("system_platform, machine, rid", [
    ("linux", "x86_64", "linux-x64"),
    ("linux", "aarch64", "linux-arm64"),
    ("win32", "AMD64", "win-x64"),
    ("darwin", "arm64", "osx-arm64"),
])
def test_each_supported_platform_gets_its_rid(system_platform, machine, rid):
    assert runtime_identifier(system_platform, machine) == rid


@pytest.mark.parametrize("system_platform, machine", [
    ("linux", "armv7l"), ("linux", "i686"), ("darwin", "x86_64"), ("win32", "ARM64"), ("linux", "riscv64"),
])
def test_a_platform_without_a_fetched_runtime_gets_none(system_platform, machine):
    assert runtime_identifier(system_platform, machine) is None


@pytest.mark.parametrize("rid, hostfxr", [
    ("linux-x64", "libhostfxr.so"), ("linux-arm64", "libhostfxr.so"),
    ("win-x64", "hostfxr.dll"), ("osx-arm64", "libhostfxr.dylib"),
])
def test_each_platform_names_its_hosting_library(rid, hostfxr):
    system = {"linux": "linux", "win": "win32", "osx": "darwin"}[rid.split("-")[0]]
    assert hostfxr_file_name(system_name(system)) == hostfxr


def test_the_four_platforms_are_the_supported_ones():
    assert set(SUPPORTED) == {"linux-x64", "linux-arm64", "win-x64", "osx-arm64"}
