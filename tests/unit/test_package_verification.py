"""A package is used only when its SHA-512 is the pinned one, and is unpacked all or nothing."""
import base64
import hashlib
import io
import json
import zipfile
from pathlib import Path, PurePosixPath

import pytest

from sd_job_tracker import package_manifest
from sd_job_tracker.package_hash import PackageRefused, sha512_of, verify
from sd_job_tracker.package_unpack import PackageUnusable, unpack
from sd_job_tracker.pythonnet_release import RELEASES

REPO = Path(__file__).resolve().parents[2]


def nupkg(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def pinned(data: bytes) -> str:
    return base64.b64encode(hashlib.sha512(data).digest()).decode()


@pytest.fixture
def package(tmp_path):
    data = nupkg({"lib/net10.0/A.dll": b"assembly", "A.nuspec": b"<package/>"})
    path = tmp_path / "a.1.0.0.nupkg"
    path.write_bytes(data)
    return path, pinned(data)


def test_the_pinned_package_passes(package):
    path, digest = package
    assert sha512_of(path) == digest
    verify(path, digest, "a.1.0.0.nupkg")


def test_one_changed_byte_is_refused(package):
    path, digest = package
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(PackageRefused, match="refused a.1.0.0.nupkg: its SHA-512 does not match the pinned one"):
        verify(path, digest, "a.1.0.0.nupkg")


def test_a_truncated_download_is_refused(package):
    path, digest = package
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(PackageRefused, match="truncated"):
        verify(path, digest, "a.1.0.0.nupkg")


def layout(entry: str):
    return PurePosixPath(PurePosixPath(entry).name) if entry.startswith("lib/") else None


def test_unpacking_keeps_only_the_mapped_files_and_leaves_no_temporary_folder(package, tmp_path):
    path, _ = package
    destination = tmp_path / "fetched" / "a.1.0.0"
    destination.parent.mkdir()
    assert unpack(path, layout, destination) == 1
    assert [p.name for p in destination.iterdir()] == ["A.dll"]
    assert [p.name for p in destination.parent.iterdir()] == ["a.1.0.0"]


@pytest.mark.parametrize("content, required", [(b"not a zip at all", 1), (None, 2)])
def test_an_unusable_package_leaves_nothing_behind(tmp_path, package, content, required):
    path, _ = package
    if content is not None:
        path.write_bytes(content)
    destination = tmp_path / "fetched" / "a.1.0.0"
    destination.parent.mkdir()
    with pytest.raises(PackageUnusable):
        unpack(path, layout, destination, required)
    assert list(destination.parent.iterdir()) == []


def test_the_committed_manifest_pins_every_platform_and_each_pinned_release_is_a_known_one():
    manifest = package_manifest.load(REPO / "extension" / "prebuilt" / "packages.json")
    for rid in ("linux-x64", "linux-arm64", "win-x64", "osx-arm64"):
        package = package_manifest.runtime_package(manifest, rid)
        assert package.id == f"Microsoft.NETCore.App.Runtime.{rid}" and package.version.startswith("10.0.")
        assert len(base64.b64decode(package.sha512)) == 64 and package.size > 10_000_000
    assert set(manifest["pythonnet"]) <= {release for release, _, _ in RELEASES}
    deps = json.loads((REPO / "extension" / "prebuilt" / "JobTracker.deps.json").read_text())
    in_deps = {key.split("/")[0] for key, value in deps["libraries"].items() if value["type"] == "package"}
    assert {library["id"] for library in manifest["libraries"]} | {"pythonnet"} == in_deps


def test_python_3_11_gets_pythonnet_3_2_1_beside_the_libraries():
    manifest = package_manifest.load(REPO / "extension" / "prebuilt" / "packages.json")
    packages = package_manifest.core_packages(manifest, (3, 11, 2))
    assert packages[-1].id == "pythonnet" and packages[-1].version == "3.2.1"
    assert packages[-1].layout("lib/netstandard2.0/Python.Runtime.dll") == PurePosixPath("Python.Runtime.dll")
    assert packages[-1].layout("lib/netstandard2.0/Python.Runtime.xml") is None


def test_a_python_without_a_pinned_pythonnet_is_told_in_one_sentence():
    manifest = {"runtime": {}, "pythonnet": {}, "libraries": []}
    with pytest.raises(package_manifest.NotPinned, match="pythonnet 3.1.0 .*Python 3.10"):
        package_manifest.core_packages(manifest, (3, 10, 13))
    with pytest.raises(package_manifest.NotPinned, match="Python 3.9.18 is not supported"):
        package_manifest.core_packages(manifest, (3, 9, 18))
