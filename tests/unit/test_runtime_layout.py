"""Where each file of NuGet's runtime pack lands in the .NET root that clr_host starts, per platform."""
from pathlib import PurePosixPath

import pytest

from sd_job_tracker.nuget_feed import archive_name, package_url
from sd_job_tracker.runtime_layout import destination, package_id

VERSION = "10.0.12"
SHARED = f"shared/Microsoft.NETCore.App/{VERSION}"
# (rid, hostfxr, hostpolicy, coreclr): the native file names each platform's pack carries.
PLATFORMS = [
    ("linux-x64", "libhostfxr.so", "libhostpolicy.so", "libcoreclr.so"),
    ("linux-arm64", "libhostfxr.so", "libhostpolicy.so", "libcoreclr.so"),
    ("win-x64", "hostfxr.dll", "hostpolicy.dll", "coreclr.dll"),
    ("osx-arm64", "libhostfxr.dylib", "libhostpolicy.dylib", "libcoreclr.dylib"),
]


@pytest.mark.parametrize("rid, hostfxr, hostpolicy, coreclr", PLATFORMS)
def test_hostfxr_goes_to_host_fxr_and_the_rest_to_the_shared_framework(rid, hostfxr, hostpolicy, coreclr):
    native, managed = f"runtimes/{rid}/native", f"runtimes/{rid}/lib/net10.0"
    assert destination(f"{native}/{hostfxr}", rid, VERSION) == PurePosixPath(f"host/fxr/{VERSION}/{hostfxr}")
    assert destination(f"{native}/{hostpolicy}", rid, VERSION) == PurePosixPath(f"{SHARED}/{hostpolicy}")
    assert destination(f"{native}/{coreclr}", rid, VERSION) == PurePosixPath(f"{SHARED}/{coreclr}")
    for name in ("System.Private.CoreLib.dll", "Microsoft.NETCore.App.deps.json",
                 "Microsoft.NETCore.App.runtimeconfig.json"):
        assert destination(f"{managed}/{name}", rid, VERSION) == PurePosixPath(f"{SHARED}/{name}")


@pytest.mark.parametrize("rid", [platform[0] for platform in PLATFORMS])
def test_package_metadata_other_platforms_and_build_leftovers_are_left_out(rid):
    other = "win-x64" if rid != "win-x64" else "linux-x64"
    for entry in (f"{package_id(rid)}.nuspec", "data/RuntimeList.xml", "tools/StandardOptimizationData.mibc",
                  "_rels/.rels", f"runtimes/{other}/native/libcoreclr.so", f"runtimes/{rid}/lib/net9.0/A.dll",
                  f"runtimes/{rid}/native/libSystem.Native.a", f"runtimes/{rid}/native/libcoreclr.so.dbg",
                  f"runtimes/{rid}/native/sub/folder.so", "Microsoft.NETCore.App.versions.txt"):
        assert destination(entry, rid, VERSION) is None, entry


@pytest.mark.parametrize("rid", [platform[0] for platform in PLATFORMS])
def test_the_archive_name_and_address_follow_the_flat_container(rid, monkeypatch):
    monkeypatch.delenv("TRACKER_NUGET_URL", raising=False)
    name = f"microsoft.netcore.app.runtime.{rid}.{VERSION}.nupkg"
    assert package_id(rid) == f"Microsoft.NETCore.App.Runtime.{rid}"
    assert archive_name(package_id(rid), VERSION) == name
    assert package_url(package_id(rid), VERSION) == (
        f"https://api.nuget.org/v3-flatcontainer/microsoft.netcore.app.runtime.{rid}/{VERSION}/{name}")


def test_the_feed_is_overridden_by_tracker_nuget_url(monkeypatch):
    monkeypatch.setenv("TRACKER_NUGET_URL", "http://127.0.0.1:9/feed")
    assert package_url("pythonnet", "3.2.1") == "http://127.0.0.1:9/feed/pythonnet/3.2.1/pythonnet.3.2.1.nupkg"
