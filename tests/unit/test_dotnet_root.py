"""Where the tracker looks for .NET, over fake folder trees and fake platform values (Linux, macOS, Windows)."""
import contextlib
import sys
import types
from pathlib import Path

import pytest

from sd_job_tracker import dotnet_root


def make_root(folder: Path, runtimes=("10.0.1",), fxr="10.0.1", library="libhostfxr.so") -> Path:
    if fxr:
        (folder / "host" / "fxr" / fxr).mkdir(parents=True)
        (folder / "host" / "fxr" / fxr / library).write_bytes(b"")
    for version in runtimes:
        (folder / "shared" / "Microsoft.NETCore.App" / version).mkdir(parents=True)
    return folder


@pytest.fixture
def machine(monkeypatch, tmp_path):
    """A clean slate: no DOTNET_ROOT, no /etc/dotnet, no dotnet on PATH, no default folders, HOME in tmp_path."""
    for variable in ("DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_ROOT_ARM64", "LOCALAPPDATA", "ProgramFiles"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(dotnet_root, "ETC_DOTNET", tmp_path / "etc-dotnet")
    monkeypatch.setattr(dotnet_root.shutil, "which", lambda name: None)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(dotnet_root.platform, "machine", lambda: "x86_64")
    return tmp_path


def only_under(found, folder: Path):
    return [(root, library) for root, library in found if folder in root.parents or root == folder]


# 1. macOS with Homebrew's .NET: bin/dotnet is a script, the root is libexec.
def test_homebrew_dotnet_on_path_leads_to_its_libexec_root(machine, monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    cellar = machine / "opt" / "homebrew" / "Cellar" / "dotnet" / "10.0.1"
    libexec = make_root(cellar / "libexec", library="libhostfxr.dylib")
    (cellar / "bin").mkdir(parents=True)
    (cellar / "bin" / "dotnet").write_text('#!/bin/bash\nexec "%s/dotnet" "$@"\n' % libexec)
    (machine / "opt" / "homebrew" / "bin").mkdir(parents=True)
    (machine / "opt" / "homebrew" / "bin" / "dotnet").symlink_to(cellar / "bin" / "dotnet")
    monkeypatch.setattr(dotnet_root.shutil, "which", lambda name: str(machine / "opt" / "homebrew" / "bin" / "dotnet"))

    found = only_under(dotnet_root.find_hostfxrs(10), machine)
    assert found == [(libexec, libexec / "host" / "fxr" / "10.0.1" / "libhostfxr.dylib")]


def test_the_root_the_sdk_reports_is_read_from_list_runtimes():
    output = ("Microsoft.AspNetCore.App 10.0.1 [/opt/homebrew/Cellar/dotnet/10.0.1/libexec/shared/Microsoft.AspNetCore.App]\n"
              "Microsoft.NETCore.App 8.0.11 [/usr/local/share/dotnet/shared/Microsoft.NETCore.App]\n"
              "Microsoft.NETCore.App 10.0.0-rc.2.25502.107 [/Users/me/.dotnet/shared/Microsoft.NETCore.App]\n"
              "Microsoft.NETCore.App 10.0.1 [/opt/homebrew/Cellar/dotnet/10.0.1/libexec/shared/Microsoft.NETCore.App]\n")
    assert dotnet_root.roots_from_list_runtimes(output, major=10) == [Path("/opt/homebrew/Cellar/dotnet/10.0.1/libexec")]
    assert dotnet_root.roots_from_list_runtimes(output, major=8) == [Path("/usr/local/share/dotnet")]


def test_an_extra_root_comes_after_dotnet_root_and_before_the_system_folders(machine, monkeypatch):
    monkeypatch.setenv("DOTNET_ROOT", str(machine / "env-root"))
    roots = dotnet_root.candidate_roots(extra_roots=[machine / "recorded"])
    assert roots[:2] == [machine / "env-root", machine / "recorded"]


# 2. macOS arm64 with an x64 .NET too: the architecture-specific install_location file first.
def test_the_architecture_specific_install_location_wins(machine, monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(dotnet_root.platform, "machine", lambda: "arm64")
    etc = machine / "etc-dotnet"
    etc.mkdir()
    (etc / "install_location").write_text("/usr/local/share/dotnet/x64\n")
    (etc / "install_location_arm64").write_text("/usr/local/share/dotnet\n")
    assert dotnet_root.registered_roots(dotnet_root.architecture()) == [Path("/usr/local/share/dotnet")]


def test_without_an_architecture_specific_file_the_plain_one_is_read(machine):
    etc = machine / "etc-dotnet"
    etc.mkdir()
    (etc / "install_location").write_text("/opt/dotnet\nignored second line\n")
    assert dotnet_root.registered_roots("x64") == [Path("/opt/dotnet")]


def test_an_empty_architecture_specific_file_stops_the_search_as_in_the_host(machine):
    etc = machine / "etc-dotnet"
    etc.mkdir()
    (etc / "install_location_x64").write_text("")
    (etc / "install_location").write_text("/opt/dotnet\n")
    assert dotnet_root.registered_roots("x64") == []


def test_x64_under_rosetta_looks_in_the_x64_folder_first(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert dotnet_root.default_roots("x64") == [Path("/usr/local/share/dotnet/x64"), Path("/usr/local/share/dotnet")]
    assert dotnet_root.default_roots("arm64") == [Path("/usr/local/share/dotnet")]


@pytest.mark.parametrize("machine_name, arch", [("x86_64", "x64"), ("AMD64", "x64"), ("arm64", "arm64"),
                                                ("aarch64", "arm64"), ("ARM64", "arm64"), ("i686", "x86")])
def test_architecture_names_follow_dotnet(monkeypatch, machine_name, arch):
    monkeypatch.setattr(dotnet_root.platform, "machine", lambda: machine_name)
    assert dotnet_root.architecture() == arch


def test_dotnet_root_of_the_architecture_comes_first(machine, monkeypatch):
    monkeypatch.setattr(dotnet_root.platform, "machine", lambda: "arm64")
    monkeypatch.setenv("DOTNET_ROOT", str(machine / "generic"))
    monkeypatch.setenv("DOTNET_ROOT_ARM64", str(machine / "arm64"))
    assert dotnet_root.candidate_roots()[:2] == [machine / "arm64", machine / "generic"]


# 3. A root counts only with the runtime the core needs.
def test_a_root_without_the_needed_runtime_is_passed_over(machine, monkeypatch):
    old = make_root(machine / "old-dotnet", runtimes=("8.0.11",), fxr="8.0.11")
    good = make_root(machine / "home" / ".dotnet", runtimes=("8.0.11", "10.0.1"))
    monkeypatch.setenv("DOTNET_ROOT", str(old))
    found = only_under(dotnet_root.find_hostfxrs(10), machine)
    assert [root for root, _ in found] == [good]
    assert old in dotnet_root.roots_with_hostfxr_only(10)


def test_a_preview_of_the_runtime_does_not_count(tmp_path):
    make_root(tmp_path / "preview", runtimes=("10.0.0-rc.2.25502.107",))
    assert not dotnet_root.has_runtime(tmp_path / "preview", 10)
    make_root(tmp_path / "release", runtimes=("10.0.0",))
    assert dotnet_root.has_runtime(tmp_path / "release", 10)


def test_the_newest_hostfxr_of_a_root_is_taken(tmp_path):
    root = make_root(tmp_path / "r", fxr="9.0.0")
    make_root(root, runtimes=(), fxr="10.0.1")
    make_root(root, runtimes=(), fxr="10.0.1-preview.1")
    assert dotnet_root.newest_hostfxr(root) == root / "host" / "fxr" / "10.0.1" / "libhostfxr.so"


# 7. Windows: the registry's InstallLocation and dotnet-install.ps1's %LOCALAPPDATA%\Microsoft\dotnet.
class FakeWinreg(types.ModuleType):
    HKEY_LOCAL_MACHINE = "HKLM"
    KEY_READ = 0x20019
    KEY_WOW64_32KEY = 0x0200

    def __init__(self, values):
        super().__init__("winreg")
        self.values = values
        self.opened = []

    def OpenKey(self, hive, key, reserved, access):  # noqa: N802 - winreg's name
        self.opened.append((hive, key, access))
        if (hive, key) not in self.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return contextlib.nullcontext((hive, key))

    def QueryValueEx(self, key, name):  # noqa: N802
        return self.values[key][name], 1


def test_windows_reads_the_install_location_from_the_32_bit_registry(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    winreg = FakeWinreg({("HKLM", "SOFTWARE\\dotnet\\Setup\\InstalledVersions\\x64"):
                         {"InstallLocation": "D:\\Tools\\dotnet\\"}})
    monkeypatch.setitem(sys.modules, "winreg", winreg)
    assert dotnet_root.registered_roots("x64") == [Path("D:\\Tools\\dotnet\\")]
    hive, key, access = winreg.opened[0]
    assert access & FakeWinreg.KEY_WOW64_32KEY, "the host reads the 32-bit view in all cases"


def test_windows_without_a_registry_entry_has_no_registered_root(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "winreg", FakeWinreg({}))
    assert dotnet_root.registered_roots("arm64") == []


def test_windows_looks_in_program_files_and_the_install_scripts_folder(machine, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(dotnet_root.platform, "machine", lambda: "AMD64")
    monkeypatch.setitem(sys.modules, "winreg", FakeWinreg({}))
    monkeypatch.setenv("ProgramFiles", str(machine / "Program Files"))
    monkeypatch.setenv("LOCALAPPDATA", str(machine / "AppData" / "Local"))
    roots = dotnet_root.candidate_roots()
    assert roots.index(machine / "Program Files" / "dotnet") < roots.index(machine / "Program Files" / "dotnet" / "x64")
    assert machine / "AppData" / "Local" / "Microsoft" / "dotnet" in roots
    assert dotnet_root.hostfxr_file_name() == "hostfxr.dll"
    user = make_root(machine / "AppData" / "Local" / "Microsoft" / "dotnet", library="hostfxr.dll")
    assert only_under(dotnet_root.find_hostfxrs(10), machine) == [(user, user / "host" / "fxr" / "10.0.1" / "hostfxr.dll")]
