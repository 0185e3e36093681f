"""Run a command as on a machine with no .NET at all, and prepare what the tests of that route need.

The command runs in its own mount namespace (`unshare -m`, root only) where every folder the extension and hostfxr
search is covered by an empty one (so /usr/bin/dotnet dangles); DOTNET_ROOT* are removed from its environment.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from support.standin_server import StandinServer

# Everywhere dotnet_root.candidate_roots() looks on Linux, plus ~/.dotnet (the SDK's tools and first-use files).
DOTNET_FOLDERS = ("/usr/share/dotnet", "/usr/lib/dotnet", "/usr/local/share/dotnet", "/etc/dotnet",
                  str(Path.home() / ".dotnet"))
HIDDEN_VARIABLES = ("DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_ROOT_ARM64")


def can_hide() -> str | None:
    """None when this machine can run the hidden launch, else why not (for pytest.skip)."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return "needs Linux with unshare"
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return None if probe.returncode == 0 else f"unshare -m is not allowed here: {probe.stderr.decode().strip()}"


def hidden(command: list[str]) -> list[str]:
    """command, run with every .NET folder covered by an empty one."""
    empty = tempfile.mkdtemp(prefix="no-dotnet-")
    covers = [f"mount --bind {empty} {folder}" for folder in DOTNET_FOLDERS if os.path.isdir(folder)]
    script = " && ".join(covers + ['exec "$@"'])
    return ["unshare", "-m", "--", "sh", "-c", script, "sh", *command]


def hidden_environment(extra: dict | None = None) -> dict:
    """Overrides for StandinServer's env: the DOTNET_ROOT variables removed."""
    return {**{name: None for name in HIDDEN_VARIABLES}, **(extra or {})}


class HiddenStandinServer(StandinServer):
    """The stand-in WebUI started without any .NET in sight."""

    def command(self):
        return hidden(super().command())


def extension_copy(repo: Path, target: Path) -> Path:
    """What `git clone` gives a user (no build/): scripts, the package, the prebuilt core, install.py."""
    for part in ("scripts", "extension", "javascript"):
        shutil.copytree(repo / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(repo / "install.py", target / "install.py")
    return target


def feed_packages(repo: Path, python: str) -> list[tuple[str, str]]:
    """(id, version) of every package a first launch on this Linux x64 machine fetches, for `python`."""
    manifest = json.loads((repo / "extension" / "prebuilt" / "packages.json").read_text())
    release = subprocess.run([python, "-c", "import sys; sys.path.insert(0, %r); "
                              "from sd_job_tracker.pythonnet_release import pythonnet_version as v; "
                              "print(v(sys.version_info))" % str(repo / "extension")],
                             capture_output=True, text=True, check=True).stdout.strip()
    packages = [("Microsoft.NETCore.App.Runtime.linux-x64", manifest["runtime"]["version"]), ("pythonnet", release)]
    return packages + [(library["id"], library["version"]) for library in manifest["libraries"]]


def restore_packages(packages, cache: Path) -> None:
    """Put each (id, version) in the NuGet cache if it is not there (a fresh CI machine has no runtime pack)."""
    missing = [(package_id, version) for package_id, version in packages
               if not (cache / package_id.lower() / version / f"{package_id.lower()}.{version}.nupkg").is_file()]
    if not missing:
        return
    work = Path(tempfile.mkdtemp(prefix="restore-"))
    downloads = "\n".join(f'    <PackageDownload Include="{package_id}" Version="[{version}]" />'
                          for package_id, version in missing)
    (work / "restore.csproj").write_text(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup>
{downloads}
  </ItemGroup>
</Project>
""")
    # An empty Directory.Build.props/Packages.props above work/ keeps the repository's settings out.
    for name in ("Directory.Build.props", "Directory.Packages.props", "Directory.Build.targets"):
        (work / name).write_text("<Project />\n")
    result = subprocess.run(["dotnet", "restore", str(work / "restore.csproj"), "--nologo", "-v", "q"],
                            capture_output=True, text=True, env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"})
    shutil.rmtree(work, ignore_errors=True)
    if result.returncode != 0:
        raise RuntimeError(f"could not restore {missing}:\n{result.stdout}\n{result.stderr}")
