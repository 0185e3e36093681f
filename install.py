"""Run by the WebUI at every launch: build the .NET core when it is missing or out of date.

A no-op (a directory walk, well under a second) when the build is current: built from these sources, with the
pythonnet release that serves this Python (extension/sd_job_tracker/pythonnet_release.py), for this Python.
Needs the .NET SDK only when a build is due; without one it exits at once (the WebUI process fetches what the
prebuilt core needs, see runtime_download). Each build goes into a new folder under build/ and is switched to
only once complete, so a WebUI still running the previous build keeps it (see build_folders.py).

The build runs in the background: A1111 shows nothing of the WebUI until install.py exits, so install.py starts
it detached (output to build/build-<n>.log, recorded in build/building.json), prints one line and exits; the
WebUI process waits for it (build_wait). `install.py --wait`, or TRACKER_BUILD_WAIT=1, builds in the foreground.
"""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "extension"))
# The package's single source of paths, and what the start-up reads back.
from sd_job_tracker import build_folders, build_record, build_under_way, build_wait, paths  # noqa: E402
from sd_job_tracker.background_process import no_window_options, start_detached  # noqa: E402
from sd_job_tracker.late_start import PreparationFailed  # noqa: E402
from sd_job_tracker.clr_host import runtime_major  # noqa: E402
from sd_job_tracker.dotnet_root import roots_from_list_runtimes  # noqa: E402
from sd_job_tracker.no_sdk import no_sdk_notice  # noqa: E402
from sd_job_tracker.pythonnet_release import nuget_missing_message, pythonnet_version, unsupported_message  # noqa: E402

SOURCE_SUFFIXES = {".cs", ".csproj", ".props", ".targets", ".json"}
SKIPPED_DIRS = {"bin", "obj"}
SDK_HINT = ("install the .NET 10 SDK (https://dot.net, or your package manager's dotnet-sdk-10.0), "
            "then restart the WebUI; until then it runs without tracking")
WAIT_FLAG = "--wait"
WAIT_VARIABLE = "TRACKER_BUILD_WAIT"
BUILD_INTO_FLAG = "--build-into"  # internal: the background build itself, into the folder install.py made
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


def build(dotnet: str, release: str, core: paths.CoreBuild) -> int:
    say("building the .NET core (first launch, sources or Python changed)...")
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
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
                          **no_window_options())


def pythonnet_unavailable(output: str, release: str) -> bool:
    """Whether a failed build's output says NuGet has no pythonnet `release`."""
    return any(code in line and "pythonnet" in line.lower() and release in line
               for line in output.splitlines() for code in NUGET_NOT_FOUND_CODES)


def dotnet_root_of(dotnet: str, major: int) -> str:
    """The .NET root holding runtime `major`, as the SDK's own host reports it (Homebrew's libexec, say); "" if unknown."""
    try:
        listing = subprocess.run([dotnet, "--list-runtimes"], capture_output=True, text=True, errors="replace",
                                 timeout=60, **no_window_options())
    except (OSError, subprocess.TimeoutExpired) as error:
        say(f"could not ask {dotnet} where .NET is installed ({error}); the start-up searches the usual places")
        return ""
    roots = roots_from_list_runtimes(listing.stdout, major=major)
    return str(roots[0]) if roots else ""


def build_in_background(dotnet: str, release: str) -> int:
    """Start the build detached (or find the one under way), say so in one line, and return at once."""
    def spawn() -> build_under_way.Building:
        core = build_folders.new_core_folder()
        log = paths.BUILD_ROOT / build_under_way.log_name(core.folder.name)
        pid = start_detached([sys.executable, str(Path(__file__).resolve()), BUILD_INTO_FLAG, core.folder.name],
                             log, paths.EXTENSION_DIR)
        return build_under_way.Building(pid, core.folder.name, log.name, release,
                                        build_record.python_tag(sys.version_info), time.time())

    building, started = build_under_way.start(spawn)
    if started:
        say(f"building the .NET core in the background (first launch, or the sources or Python changed); the WebUI "
            f"starts meanwhile, untracked, and tracking joins when the build is done. Log: {building.log_path}")
    else:
        say(f"the .NET core is still being built in the background (pid {building.pid}, started "
            f"{time.time() - building.started:.0f} s ago); tracking joins when it is done. Log: {building.log_path}")
    return 0


def build_into(folder_name: str) -> int:
    """The background build (install.py --build-into core-<n>): build, then tell the record how it ended."""
    exit_code = 1  # what the record says if anything below raises (the traceback goes to the log)
    try:
        core = paths.CoreBuild(paths.BUILD_ROOT / folder_name)
        release = pythonnet_version(sys.version_info)
        dotnet = find_dotnet()
        if Path(folder_name).name != folder_name or not folder_name.startswith(paths.CORE_FOLDER_PREFIX):
            say(f"not a core folder: {folder_name!r}", stream=sys.stderr)
        elif release is None or dotnet is None:
            say(unsupported_message(sys.version_info) if release is None else f"the .NET SDK was not found: {SDK_HINT}",
                stream=sys.stderr)
        else:
            exit_code = build(dotnet, release, core)
            if exit_code == 0 and paths.current_core().folder != core.folder:
                exit_code = 1  # nothing built, though said in one line (NuGet lacks pythonnet): a failure to the WebUI
    finally:
        build_under_way.finish(folder_name, exit_code)
    return exit_code


def wait_for_the_build_under_way() -> None:
    """--wait while a background build runs: wait for it (two builds at once would share dotnet/'s obj/)."""
    building = build_under_way.running()
    if building is None:
        return
    say(f"waiting for the build under way (pid {building.pid}; log: {building.log_path})")
    try:
        build_wait.wait(building)
    except PreparationFailed as error:
        say(str(error))


def main(arguments: list[str]) -> int:
    safe_console()
    if arguments[:1] == [BUILD_INTO_FLAG] and len(arguments) == 2:
        return build_into(arguments[1])
    wait = WAIT_FLAG in arguments or os.environ.get(WAIT_VARIABLE, "") == "1"
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
    if not wait:
        return build_in_background(dotnet, release)
    wait_for_the_build_under_way()
    if build_is_current(release):
        return 0
    return build(dotnet, release, build_folders.new_core_folder())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
