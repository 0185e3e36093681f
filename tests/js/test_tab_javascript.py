"""The tab's JavaScript (javascript/job_tracker.js) in headless Chromium: see auto_refresh.test.mjs."""
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_auto_refresh_runs_only_while_the_tab_is_visible_and_keeps_the_filter():
    assert (HERE / "node_modules" / "playwright-core").is_dir(), "run tests/ensure-deps.sh (npm ci in tests/js)"
    result = subprocess.run(["node", str(HERE / "auto_refresh.test.mjs")], cwd=HERE, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert "3 passed" in result.stdout
