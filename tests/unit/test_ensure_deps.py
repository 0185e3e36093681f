"""tests/ensure-deps.sh decides what to apt-get install: each missing JavaScript tool on its own.

A fresh machine of the project's kind carries NodeSource's nodejs (npm inside it) and no Chromium; Debian's npm
package conflicts with that nodejs, so asking apt for "chromium nodejs npm" together fails with "held broken
packages". The script runs here against fake tools on a PATH of its own: apt-get only records what it was asked.
"""
import itertools
import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "ensure-deps.sh"
REAL_TOOLS = ("bash", "id", "dirname")


def _fake(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


def _run(tmp_path: Path, chromium: bool, node: bool, npm: bool, modules_importable: bool = True):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in REAL_TOOLS:
        os.symlink(shutil.which(tool), bin_dir / tool)
    calls = tmp_path / "apt-calls"
    _fake(bin_dir, "apt-get", f'[ "$1" = update ] || echo "$*" >> {calls}')
    _fake(bin_dir, "dotnet", "exit 0")
    if node:
        _fake(bin_dir, "node", "exit 0")
    if npm:
        _fake(bin_dir, "npm", "exit 0")
    python = _fake(tmp_path, "python3", f"exit {0 if modules_importable else 1}")
    browser = tmp_path / "chromium"
    if chromium:
        _fake(tmp_path, "chromium", "exit 0")
    js_dir = tmp_path / "js"
    (js_dir / "node_modules" / "playwright-core").mkdir(parents=True)
    env = {"PATH": str(bin_dir), "ENSURE_DEPS_PYTHON": str(python), "ENSURE_DEPS_CHROMIUM": str(browser),
           "ENSURE_DEPS_JS_DIR": str(js_dir)}
    result = subprocess.run([shutil.which("bash"), str(SCRIPT), "--for-tests"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    installs = calls.read_text().splitlines() if calls.exists() else []
    return [line.split()[-1] for line in installs if line.startswith("install")], installs


@pytest.mark.skipif(os.geteuid() != 0, reason="the script installs only as root; as another user it prints the command")
@pytest.mark.parametrize("chromium, node, npm", list(itertools.product([True, False], repeat=3)))
def test_each_missing_javascript_tool_is_installed_on_its_own(tmp_path, chromium, node, npm):
    packages, installs = _run(tmp_path, chromium, node, npm)
    expected = [name for name, present in (("chromium", chromium), ("nodejs", node), ("npm", npm)) if not present]
    assert packages == expected
    assert all(len(line.split()) == len("install -y -qq x".split()) for line in installs), installs


@pytest.mark.skipif(os.geteuid() != 0, reason="the script installs only as root; as another user it prints the command")
def test_nodesource_nodejs_without_chromium_asks_apt_for_chromium_alone(tmp_path):
    packages, installs = _run(tmp_path, chromium=False, node=True, npm=True)
    assert installs == ["install -y -qq chromium"]


@pytest.mark.skipif(os.geteuid() != 0, reason="the script installs only as root; as another user it prints the command")
def test_missing_python_modules_are_installed_from_apt(tmp_path):
    _, installs = _run(tmp_path, chromium=True, node=True, npm=True, modules_importable=False)
    assert installs[0].startswith("install -y -qq python3 python3-fastapi")
    assert installs[1].startswith("install -y -qq python3-pytest python3-pytest-timeout")
