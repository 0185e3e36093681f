"""Fixtures for the stand-in's own tests: servers started per test or per module."""
import sys
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parents[1]
if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))

from support.standin_server import StandinServer  # noqa: E402

from .fake_extension import write_fake_extension  # noqa: E402


@pytest.fixture
def start_standin(tmp_path):
    """start_standin(*flags, **StandinServer kwargs) -> a running server, stopped after the test."""
    started = []

    def start(*args, **kwargs):
        kwargs.setdefault("log_path", tmp_path / f"standin-{len(started)}.log")
        server = StandinServer(args, **kwargs).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="module")
def api_server(tmp_path_factory):
    """One --api --nowebui stand-in shared by a test module (steps take no time)."""
    log_path = tmp_path_factory.mktemp("standin") / "webui.log"
    with StandinServer(log_path=log_path) as server:
        yield server


@pytest.fixture
def client(api_server):
    with api_server.client() as c:
        yield c


@pytest.fixture
def fake_extension(tmp_path):
    """A tiny extension folder (install.py, scripts/, a helper module) made for this test."""
    return write_fake_extension(tmp_path / "sd-fake-ext")
