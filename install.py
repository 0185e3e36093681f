"""Run by the WebUI at every launch: build the .NET core when it is missing or out of date.

A no-op (a directory walk, well under a second) when the build is current. Needs the .NET
SDK only when a build is due; without one it exits at once (the WebUI process fetches what
the prebuilt core needs, see runtime_download).
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "extension"))
from sd_job_tracker import paths  # noqa: E402 - the package's single source of paths
from sd_job_tracker.no_sdk import no_sdk_notice  # noqa: E402

SOURCE_SUFFIXES = {".cs", ".csproj", ".props", ".targets", ".json"}
SKIPPED_DIRS = {"bin", "obj"}
SDK_HINT = ("install the .NET 10 SDK (https://dot.net, or your package manager's dotnet-sdk-10.0), "
            "then restart the WebUI; until then it runs without tracking")


def newest_source_time() -> float:
    newest = 0.0
    for folder, subfolders, files in os.walk(paths.DOTNET_SOURCE_DIR):
        subfolders[:] = [d for d in subfolders
                         if d not in SKIPPED_DIRS and not d.endswith((".Tests", ".Benchmarks"))]
        for name in files:
            if Path(name).suffix in SOURCE_SUFFIXES:
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime)
    return newest


def build_is_current() -> bool:
    outputs = (paths.BUILD_STAMP, paths.CORE_ASSEMBLY, paths.CORE_RUNTIME_CONFIG, paths.PYTHON_RUNTIME_ASSEMBLY)
    if not all(path.is_file() for path in outputs):
        return False
    return paths.BUILD_STAMP.stat().st_mtime >= newest_source_time()


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


def build(dotnet: str) -> int:
    print("[Job Tracker] building the .NET core (first launch or sources changed)...", flush=True)
    command = [dotnet, "publish", str(paths.CORE_PROJECT), "-c", "Release", "-o", str(paths.BUILD_DIR),
               "--nologo", "-v", "quiet"]
    result = publish(command + READY_TO_RUN)
    if result.returncode != 0:
        print(f"[Job Tracker] the precompiled build failed (exit {result.returncode}); building without precompilation",
              flush=True)
        result = publish(command)
    if result.returncode != 0:
        print(f"[Job Tracker] the build failed (exit {result.returncode}); the output above says why. "
              f"Command: {' '.join(command)}", file=sys.stderr, flush=True)
        return result.returncode
    paths.BUILD_STAMP.write_text("built from the sources in dotnet/\n", encoding="utf-8")
    print(f"[Job Tracker] built into {paths.BUILD_DIR}", flush=True)
    return 0


def publish(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=paths.DOTNET_SOURCE_DIR, env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"})


def main() -> int:
    if build_is_current():
        return 0
    dotnet = find_dotnet()
    if dotnet is None:
        # A1111 v1.10.1 prints install.py's captured stdout once it exits 0, and an error block otherwise
        # (modules/launch_utils.py:89-118, 240-241), at every launch.
        notice = no_sdk_notice(SDK_HINT)
        if notice:
            print(f"[Job Tracker] {notice}", flush=True)
        return 0
    return build(dotnet)


if __name__ == "__main__":
    sys.exit(main())
