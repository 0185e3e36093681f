"""The README's recovering client is this repository's tests/e2e/recovering_client.py, and it works."""
import re

from api_client import decoded, get_job, payload
from repo import REPO

import recovering_client

CLIENT_FILE = REPO / "tests" / "e2e" / "recovering_client.py"
SECTION = "### A client that survives dropped connections"


def test_the_readme_shows_exactly_the_tested_client():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(SECTION):]
    block = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert block is not None
    assert block.group(1) == CLIENT_FILE.read_text(encoding="utf-8")


def test_the_client_submits_async_polls_and_downloads_the_images(tracker, monkeypatch):
    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    server = tracker("--standin-step-seconds", "0.1")
    job, images = recovering_client.generate(server.base_url, payload("a lighthouse at dusk", steps=12, batch_size=2),
                                              give_up_after=120)

    assert job["status"] == "Completed", job["error"]
    assert len(images) == 2
    stored = get_job(server.base_url, job["id"]).json()
    assert images == decoded(stored["images"])
    assert server.get("/standin/generations").json()["count"] == 1
    server.assert_no_tracker_errors()
