"""Fixtures for the end-to-end suites: the real extension, built once, inside the stand-in WebUI."""
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from repo import REPO  # noqa: E402

TESTS_DIR = REPO / "tests"
if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))

from support.standin_server import StandinServer  # noqa: E402

TRACKER_ERROR_MARKERS = ("[Job Tracker] could not", "[Job Tracker] disabled", "Traceback")


@pytest.fixture(scope="session")
def built_extension():
    """Build the .NET core as the WebUI's install.py step does, in the foreground (--wait): the tests need it built."""
    result = subprocess.run([sys.executable, str(REPO / "install.py"), "--wait"], capture_output=True, text=True)
    assert result.returncode == 0, f"install.py failed:\n{result.stdout}\n{result.stderr}"
    return REPO


class TrackerServer:
    """A running stand-in WebUI (optionally with Job Tracker) and the data folder it tracks into."""

    def __init__(self, webui: StandinServer, data_dir: Path):
        self.webui = webui
        self.data_dir = str(data_dir)

    @property
    def base_url(self) -> str:
        return self.webui.base_url

    def host_port(self) -> tuple[str, int]:
        return "127.0.0.1", self.webui.port

    def get(self, path: str, **kwargs) -> httpx.Response:
        return httpx.get(self.webui.url(path), timeout=30, trust_env=False, **kwargs)

    def post(self, path: str, **kwargs) -> httpx.Response:
        return httpx.post(self.webui.url(path), timeout=60, trust_env=False, **kwargs)

    def log_text(self) -> str:
        return self.webui.log_text()

    def assert_no_tracker_errors(self) -> None:
        log = self.log_text()
        for marker in TRACKER_ERROR_MARKERS:
            assert marker not in log, f"{marker!r} in the WebUI log:\n{log}"

    def stop(self):
        return self.webui.stop()

    def kill9(self):
        return self.webui.kill9()


@pytest.fixture
def tracker(built_extension, tmp_path):
    """tracker(*flags, env=, data_dir=, extension=True, nowebui=True, more_extensions=()) -> a running
    TrackerServer; more_extensions are loaded after Job Tracker."""
    started: list[TrackerServer] = []

    def start(*args, env=None, data_dir=None, extension=True, nowebui=True, more_extensions=()) -> TrackerServer:
        number = len(started)
        data = Path(data_dir) if data_dir else tmp_path / f"data-{number}"
        environment = {"TRACKER_ENABLED": "1", "TRACKER_RETENTION": None, "TRACKER_DATA_DIR": str(data)}
        environment.update(env or {})
        extensions = ([built_extension] if extension else []) + list(more_extensions)
        webui = StandinServer(args, extensions=extensions, env=environment,
                              nowebui=nowebui, log_path=tmp_path / f"webui-{number}.log")
        server = TrackerServer(webui.start(), data)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
