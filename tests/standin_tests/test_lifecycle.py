"""Starting, stopping, crashing and restarting the stand-in through StandinServer."""
import pytest

from .helpers import txt2img_body


@pytest.mark.parametrize("nowebui", [True, False], ids=["nowebui", "ui"])
def test_sigterm_exits_zero(start_standin, nowebui):
    server = start_standin(nowebui=nowebui)

    assert server.stop() == 0


def test_kill9_then_restart_on_the_same_port(start_standin):
    server = start_standin()
    with server.client() as client:
        client.post("/sdapi/v1/txt2img", json=txt2img_body())

    assert server.kill9() == -9
    server.start()

    with server.client() as client:
        assert client.get("/standin/generations").json() == {"count": 0}  # a new process
    assert server.log_text().count("Running on local URL:  http://127.0.0.1:") == 2


def test_busy_port_fails_startup_with_the_log(start_standin):
    from support.standin_server import StandinStartupError

    first = start_standin()
    with pytest.raises(StandinStartupError, match="exited with code 1") as failure:
        start_standin(port=first.port, startup_timeout=20)
    assert "address already in use" in str(failure.value).lower()


def test_commandline_args_env_is_appended_like_a1111(start_standin):
    server = start_standin(env={"COMMANDLINE_ARGS": "--api-auth u:p"})

    with server.client() as client:
        assert client.post("/sdapi/v1/txt2img", json=txt2img_body()).status_code == 401


def test_unknown_flag_fails_fast(start_standin):
    from support.standin_server import StandinStartupError

    with pytest.raises(StandinStartupError, match="unrecognized arguments: --no-such-flag"):
        start_standin("--no-such-flag", startup_timeout=20)


def test_nowebui_binds_loopback_by_default(start_standin):
    server = start_standin()

    assert "Uvicorn running on http://127.0.0.1:" in server.log_text()
