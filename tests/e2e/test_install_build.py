"""install.py's build: precompiled (ReadyToRun) first, the plain build when that fails, a readable error when both do.

install.py runs from a copy of the extension with a stand-in `dotnet` that records its arguments, so the real
build under build/core is never touched."""
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from repo import REPO

FAKE_DOTNET = textwrap.dedent("""\
    #!/bin/sh
    echo "$*" >> "$FAKE_DOTNET_LOG"
    case "$*" in *PublishReadyToRun=true*) [ -n "$FAKE_PRECOMPILED_FAILS" ] && exit 3 ;; esac
    [ -n "$FAKE_EVERY_BUILD_FAILS" ] && exit 4
    previous=""
    for argument in "$@"; do
        [ "$previous" = "-o" ] && out="$argument"
        previous="$argument"
    done
    mkdir -p "$out"
    for name in JobTracker.dll JobTracker.runtimeconfig.json Python.Runtime.dll; do echo built > "$out/$name"; done
    """)


@pytest.fixture()
def extension_copy(tmp_path):
    copy = tmp_path / "extension-copy"
    (copy / "dotnet" / "JobTracker").mkdir(parents=True)
    shutil.copy(REPO / "install.py", copy / "install.py")
    shutil.copytree(REPO / "extension" / "sd_job_tracker", copy / "extension" / "sd_job_tracker",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "dotnet" / "JobTracker" / "JobTracker.csproj").write_text("<Project />\n")
    dotnet_root = tmp_path / "dotnet-root"
    dotnet_root.mkdir()
    (dotnet_root / "dotnet").write_text(FAKE_DOTNET)
    (dotnet_root / "dotnet").chmod(0o755)
    return copy, dotnet_root


def run_install(extension_copy, **flags):
    copy, dotnet_root = extension_copy
    log = copy / "dotnet-calls.log"
    env = {**os.environ, "DOTNET_ROOT": str(dotnet_root), "FAKE_DOTNET_LOG": str(log), **flags}
    result = subprocess.run([sys.executable, str(copy / "install.py")], capture_output=True, text=True, env=env)
    calls = log.read_text().splitlines() if log.exists() else []
    return result, calls, copy / "build" / "core" / "build.stamp"


def test_builds_precompiled_for_this_machine(extension_copy):
    result, calls, stamp = run_install(extension_copy)
    assert result.returncode == 0, result.stderr
    assert len(calls) == 1
    assert "publish" in calls[0] and "--use-current-runtime" in calls[0] and "-p:PublishReadyToRun=true" in calls[0]
    assert stamp.is_file()


def test_falls_back_to_the_plain_build_when_precompiling_fails(extension_copy):
    result, calls, stamp = run_install(extension_copy, FAKE_PRECOMPILED_FAILS="1")
    assert result.returncode == 0, result.stderr
    assert len(calls) == 2
    assert "PublishReadyToRun" not in calls[1] and "--use-current-runtime" not in calls[1]
    assert "[Job Tracker] the precompiled build failed (exit 3); building without precompilation" in result.stdout
    assert stamp.is_file()


def test_reports_a_failed_build_and_leaves_no_stamp(extension_copy):
    result, calls, stamp = run_install(extension_copy, FAKE_EVERY_BUILD_FAILS="1")
    assert result.returncode == 4
    assert len(calls) == 2
    assert "[Job Tracker] the build failed (exit 4)" in result.stderr
    assert not stamp.exists()


def test_a_current_build_is_not_rebuilt(extension_copy):
    run_install(extension_copy)
    result, calls, _ = run_install(extension_copy)
    assert result.returncode == 0 and result.stdout == ""
    assert len(calls) == 1, "the second run must not call dotnet"
