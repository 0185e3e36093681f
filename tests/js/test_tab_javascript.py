"""The tab's JavaScript (javascript/job_tracker.js) in headless Chromium: see auto_refresh.test.mjs.

Node's own test runner runs it (`node --test`, TAP output): the runner's exit status and its per-test lines decide,
so a page shape that stops being tested, or a file that fails to load, fails here.
"""
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHAPES = ("gradio3", "gradio4", "shadow")


def tap_results(output: str) -> dict[str, bool]:
    """Each top-level test's name and whether it passed, from node's TAP report."""
    return {match["name"]: not match["failed"] for match in re.finditer(r"^(?P<failed>not )?ok \d+ - (?P<name>.+)$", output, re.M)}


def test_auto_refresh_runs_only_while_the_tab_is_visible_and_keeps_the_filter():
    assert (HERE / "node_modules" / "playwright-core").is_dir(), "run tests/ensure-deps.sh (npm ci in tests/js)"
    result = subprocess.run(["node", "--test", "--test-reporter=tap", str(HERE / "auto_refresh.test.mjs")], cwd=HERE,
                            capture_output=True, text=True, timeout=180)
    report = f"{result.stdout}\n{result.stderr}"
    assert result.returncode == 0, report
    assert tap_results(result.stdout) == {f"auto-refresh in a {shape} page": True for shape in SHAPES}, report
    assert re.search(r"^# pass 3$", result.stdout, re.M) and re.search(r"^# fail 0$", result.stdout, re.M), report


def test_a_failing_or_missing_case_is_seen_in_the_report():
    report = "ok 1 - auto-refresh in a gradio3 page\nnot ok 2 - auto-refresh in a gradio4 page\n# tests 2\n"
    assert tap_results(report) == {"auto-refresh in a gradio3 page": True, "auto-refresh in a gradio4 page": False}
