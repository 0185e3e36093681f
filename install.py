"""Run by the WebUI at every launch: build the .NET core when it is missing or out of date.

A no-op (a directory walk, well under a second) when the build is current: built from these sources, with the
pythonnet release that serves this Python (extension/sd_job_tracker/pythonnet_release.py), for this Python.
Needs the .NET SDK only when a build is due; without one it exits at once (the WebUI process fetches what the
prebuilt core needs, see runtime_download). Each build goes into a new folder under build/ and is switched to
only once complete, so a WebUI still running the previous build keeps it (see build_folders.py).
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "extension"))
# The package's single source of paths, and what the start-up reads back.
from sd_job_tracker import build_folders, build_record, paths  # noqa: E402
from sd_job_tracker.clr_host import runtime_major  # noqa: E402
from sd_job_tracker.dotnet_root import roots_from_list_runtimes  # noqa: E402
from sd_job_tracker.no_sdk import no_sdk_notice  # noqa: E402
from sd_job_tracker.pythonnet_release import nuget_missing_message, pythonnet_version, unsupported_message  # noqa: E402

SOURCE_SUFFIXES = {".cs", ".csproj", ".props", ".targets", ".json"}
SKIPPED_DIRS = {"bin", "obj"}
SDK_HINT = ("install the .NET 10 SDK (https://dot.net, or your package manager's dotnet-sdk-10.0), "
            "then restart the WebUI; until then it runs without tracking")
# NuGet's "package not found" (NU1101), "version not found" (NU1102) and "only a prerelease" (NU1103).
NUGET_NOT_FOUND_CODES = ("NU1101", "NU1102", "NU1103")


def safe_console(streams=None) -> None:
    """Never fail on printing: A1111 reads install.py through a pipe in the console's code page (cp1252, say),
    where a path such as C:\\Users\\Łukasz cannot be encoded; such characters are written as \\u escapes."""
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def say(message: str, stream=None) -> None:
    print(f"[Job Tracker] {message}", file=stream or sys.stdout, flush=True)


def newest_source_time() -> float:
    newest = 0.0
    for folder, subfolders, files in os.walk(paths.DOTNET_SOURCE_DIR):
        subfolders[:] = [d for d in subfolders
                         if d not in SKIPPED_DIRS and not d.endswith((".Tests", ".Benchmarks"))]
        for name in files:
            if Path(name).suffix in SOURCE_SUFFIXES:
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime)
    return newest


def build_is_current(release: str) -> bool:
    core = paths.current_core()
    if not all(path.is_file() for path in core.outputs()):
        return False
    record = build_record.read(core.stamp)
    if record is None or record.pythonnet != release or record.python != build_record.python_tag(sys.version_info):
        return False  # built for another Python (or by an install.py that did not record it)
    return core.stamp.stat().st_mtime >= newest_source_time()


def find_dotnet() -> str | None:
    root = os.environ.get("DOTNET_ROOT")
    if root:
        candidate = Path(root) / ("dotnet.exe" if os.name == "nt" else "dotnet")
        if candidate.is_file():
            return str(candidate)
    return shutil.which("dotnet")


# Precompiled (ReadyToRun) for the machine's own platform, the tracker starts about 0.25 s sooner: pythonnet and
# the core need no JIT at launch. It needs two packages from NuGet on the first build; if that fails, the
# plain build works everywhere .NET does.
READY_TO_RUN = ["--use-current-runtime", "--self-contained", "false", "-p:PublishReadyToRun=true"]


def build(dotnet: str, release: str) -> int:
    say("building the .NET core (first launch, sources or Python changed)...")
    core = build_folders.new_core_folder()
    command = [dotnet, "publish", str(paths.CORE_PROJECT), "-c", "Release", "-o", str(core.folder),
               f"-p:PythonnetVersion={release}", "--nologo", "-v", "quiet"]
    result = publish(command + READY_TO_RUN)
    if result.returncode != 0 and not pythonnet_unavailable(result.stdout, release):
        print(result.stdout, end="", flush=True)
        say(f"the precompiled build failed (exit {result.returncode}); building without precompilation")
        result = publish(command)
    if result.returncode != 0:
        # Our own half-built folder; one that cannot be removed now goes with the next build's clean-up.
        shutil.rmtree(core.folder, ignore_errors=True)
        if pythonnet_unavailable(result.stdout, release):
            # Exit 0: a non-zero exit makes A1111 print "Error running install.py" at every launch.
            say(nuget_missing_message(release, sys.version_info))
            return 0
        print(result.stdout, end="", flush=True)
        say(f"the build failed (exit {result.returncode}); the output above says why. Command: {' '.join(command)}",
            stream=sys.stderr)
        return result.returncode
    print(result.stdout, end="", flush=True)
    build_record.write(core.stamp, build_record.BuildRecord(
        release, build_record.python_tag(sys.version_info), dotnet_root_of(dotnet, runtime_major(core.runtime_config))))
    build_folders.switch_to(core)
    for note in build_folders.remove_unused(keep=core):
        say(note)
    say(f"built into {core.folder} (pythonnet {release}, for Python {build_record.python_tag(sys.version_info)})")
    return 0


def publish(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=paths.DOTNET_SOURCE_DIR, env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"},
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")


def pythonnet_unavailable(output: str, release: str) -> bool:
    """Whether a failed build's output says NuGet has no pythonnet `release`."""
    return any(code in line and "pythonnet" in line.lower() and release in line
               for line in output.splitlines() for code in NUGET_NOT_FOUND_CODES)


def dotnet_root_of(dotnet: str, major: int) -> str:
    """The .NET root holding runtime `major`, as the SDK's own host reports it (Homebrew's libexec, say); "" if unknown."""
    try:
        listing = subprocess.run([dotnet, "--list-runtimes"], capture_output=True, text=True, errors="replace",
                                 timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        say(f"could not ask {dotnet} where .NET is installed ({error}); the start-up searches the usual places")
        return ""
    roots = roots_from_list_runtimes(listing.stdout, major=major)
    return str(roots[0]) if roots else ""


def main() -> int:
    safe_console()
    release = pythonnet_version(sys.version_info)
    if release is None:
        say(unsupported_message(sys.version_info))
        return 0
    if build_is_current(release):
        return 0
    dotnet = find_dotnet()
    if dotnet is None:
        # A1111 v1.10.1 prints install.py's captured stdout once it exits 0, and an error block otherwise
        # (modules/launch_utils.py:89-118, 240-241), at every launch.
        notice = no_sdk_notice(SDK_HINT)
        if notice:
            say(notice)
        return 0
    return build(dotnet, release)


if __name__ == "__main__":
    sys.exit(main())
