"""install.py --wait (the foreground build): precompiled (ReadyToRun) first, the plain build when that fails, a readable error when both do.

install.py runs from a copy of the extension with a stand-in `dotnet` that records its arguments, so the real
build under build/ is never touched."""
import fcntl
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time

import pytest

from repo import REPO

FAKE_DOTNET = textwrap.dedent("""\
    #!/bin/sh
    if [ "$1" = "--list-runtimes" ]; then
        echo "Microsoft.NETCore.App 10.0.1 [$FAKE_DOTNET_ROOT/shared/Microsoft.NETCore.App]"
        exit 0
    fi
    echo "$*" >> "$FAKE_DOTNET_LOG"
    case "$*" in *PythonnetVersion=*) ;; *) echo "no PythonnetVersion passed" >&2; exit 9 ;; esac
    case "$*" in *PythonnetVersion=$FAKE_NUGET_LACKS*)
        [ -n "$FAKE_NUGET_LACKS" ] && {
            echo "JobTracker.csproj : error NU1102: Unable to find package pythonnet with version (= $FAKE_NUGET_LACKS)"
            exit 1
        } ;;
    esac
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


def current_stamp(copy):
    pointer = copy / "build" / "core.current"
    return copy / "build" / pointer.read_text().strip() / "build.stamp" if pointer.exists() else copy / "build" / "none"


def run_install(extension_copy, python=sys.executable, **flags):
    copy, dotnet_root = extension_copy
    log = copy / "dotnet-calls.log"
    env = {**os.environ, "DOTNET_ROOT": str(dotnet_root), "FAKE_DOTNET_ROOT": str(dotnet_root),
           "FAKE_DOTNET_LOG": str(log), **flags}
    result = subprocess.run([python, str(copy / "install.py"), "--wait"], capture_output=True, text=True, env=env)
    calls = log.read_text().splitlines() if log.exists() else []
    return result, calls, current_stamp(copy)


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


PYENV = "/root/.pyenv/versions"


def pyenv_python(version):
    python = f"{PYENV}/{version}/bin/python3"
    if not os.path.exists(python):
        pytest.skip(f"pyenv's CPython {version} is not installed here")
    return python


def stamp_record(stamp):
    return json.loads(stamp.read_text())


def test_the_build_asks_for_the_pythonnet_release_of_this_python_and_records_it(extension_copy):
    result, calls, stamp = run_install(extension_copy, python=sys.executable)
    assert result.returncode == 0, result.stderr
    expected = "3.1.0" if sys.version_info[:2] == (3, 10) else "3.2.1"
    assert f"-p:PythonnetVersion={expected}" in calls[0]
    _, dotnet_root = extension_copy
    assert stamp_record(stamp) == {"pythonnet": expected, "python": f"{sys.version_info[0]}.{sys.version_info[1]}",
                                   "dotnet_root": str(dotnet_root)}


def test_python_3_10_builds_with_pythonnet_3_1_0(extension_copy):
    result, calls, stamp = run_install(extension_copy, python=pyenv_python("3.10.13"))
    assert result.returncode == 0, result.stderr
    assert "-p:PythonnetVersion=3.1.0" in calls[0]
    assert stamp_record(stamp)["pythonnet"] == "3.1.0" and stamp_record(stamp)["python"] == "3.10"


def test_a_release_nuget_cannot_supply_is_one_line_and_exit_0(extension_copy):
    result, calls, stamp = run_install(extension_copy, python=pyenv_python("3.10.13"), FAKE_NUGET_LACKS="3.1.0")
    assert result.returncode == 0, "a non-zero exit makes A1111 print 'Error running install.py' at every launch"
    lines = [line for line in (result.stdout + result.stderr).splitlines() if "NuGet could not supply" in line]
    assert len(lines) == 1
    assert lines[0].startswith("[Job Tracker] Python 3.10.13 needs pythonnet 3.1.0")
    assert "nuget.org" in lines[0] and "3.11 to 3.15" in lines[0]
    assert "NU1102" not in result.stdout, "the NuGet output is replaced by the one line"
    assert len(calls) == 1, "the plain build is not tried: it would fail the same way"
    assert not stamp.exists()
    copy, _ = extension_copy
    assert [entry.name for entry in (copy / "build").iterdir()] == [], "the half-built folder is removed"


def test_a_change_of_python_rebuilds(extension_copy):
    run_install(extension_copy, python=sys.executable)
    other = pyenv_python("3.12.1") if sys.version_info[:2] != (3, 12) else pyenv_python("3.13.0")
    result, calls, stamp = run_install(extension_copy, python=other)
    assert result.returncode == 0, result.stderr
    assert len(calls) == 2, "the second Python must rebuild"
    result, calls, _ = run_install(extension_copy, python=other)
    assert len(calls) == 2 and result.stdout == "", "and then be current"


def test_a_rebuild_switches_folders_and_keeps_one_a_running_webui_uses(extension_copy):
    copy, _ = extension_copy
    run_install(extension_copy)
    first = current_stamp(copy).parent
    source = copy / "dotnet" / "JobTracker" / "JobTracker.csproj"
    with open(first / "in-use.lock", "a+b") as lock:  # what a running core holds (build_folders.hold)
        fcntl.flock(lock.fileno(), fcntl.LOCK_SH)
        os.utime(source, (time.time() + 5, time.time() + 5))
        result, calls, stamp = run_install(extension_copy)
        assert result.returncode == 0, result.stderr
        second = stamp.parent
        assert second != first and second.name == "core-2"
        assert f"[Job Tracker] kept {first.name}: a running WebUI still uses it" in result.stdout
        assert (first / "JobTracker.dll").is_file()
    os.utime(source, (time.time() + 10, time.time() + 10))
    result, _, stamp = run_install(extension_copy)
    assert stamp.parent.name == "core-3"
    assert not first.exists() and not second.exists(), "unused builds are removed"


def test_prints_a_path_the_console_code_page_cannot_encode(tmp_path, extension_copy):
    copy, dotnet_root = extension_copy
    polish = tmp_path / "Łukasz" / "sd-job-tracker"
    shutil.move(copy, polish)
    result, calls, stamp = run_install((polish, dotnet_root), PYTHONIOENCODING="cp1252")
    assert result.returncode == 0, result.stderr
    assert "\\u0141ukasz" in result.stdout and "built into" in result.stdout
    assert stamp.is_file()
