"""--gradio-auth guards the UI's endpoints, independently of --api-auth; --nowebui builds the UI too."""
import pytest

from .fake_tab_extension import write_fake_tab_extension
from .helpers import txt2img_body

GRADIO_AUTH = "alice:pa:ss, bob:pw"  # split(':', 1) per entry, as A1111 does: the password is "pa:ss"
API_AUTH = "api:key"


@pytest.fixture(scope="module")
def guarded_server(tmp_path_factory):
    from support.standin_server import StandinServer

    folder = tmp_path_factory.mktemp("gradio-auth")
    extension = write_fake_tab_extension(folder / "sd-fake-tab")
    with StandinServer(["--gradio-auth", GRADIO_AUTH, "--api-auth", API_AUTH], extensions=[extension],
                       nowebui=False, log_path=folder / "webui.log") as server:
        yield server


@pytest.mark.parametrize("auth", [None, ("alice", "pa"), ("api", "key")], ids=["none", "wrong", "api-auth-user"])
@pytest.mark.parametrize("method,path", [("GET", "/standin/gradio/config"), ("POST", "/standin/gradio/load"),
                                         ("POST", "/standin/gradio/run")])
def test_ui_endpoints_demand_gradio_credentials(guarded_server, auth, method, path):
    with guarded_server.client(auth=auth) as client:
        response = client.request(method, path, json={"trigger": "jt_refresh"})

    assert response.status_code == 401


@pytest.mark.parametrize("user,password", [("alice", "pa:ss"), ("bob", "pw")])
def test_the_tab_works_with_gradio_credentials_while_api_auth_is_set(guarded_server, user, password):
    from support.gradio_client import GradioStandin

    with GradioStandin(guarded_server.base_url, auth=(user, password)) as ui:
        result = ui.run("jt_refresh", inputs=["failed"])

    assert result["error"] is None and result["outputs"][1] == "**1** job(s)"


def test_api_auth_still_guards_sdapi_only(guarded_server):
    with guarded_server.client(auth=("alice", "pa:ss")) as client:
        assert client.post("/sdapi/v1/txt2img", json=txt2img_body()).status_code == 401
    with guarded_server.client(auth=("api", "key")) as client:
        assert client.post("/sdapi/v1/txt2img", json=txt2img_body()).status_code == 200


def test_nowebui_builds_the_tab_and_serves_its_endpoints(start_standin, tmp_path):
    from support.gradio_client import GradioStandin

    extension = write_fake_tab_extension(tmp_path / "sd-fake-tab")
    server = start_standin(extensions=[extension])

    with GradioStandin(server.base_url) as ui:
        config = ui.config()
        result = ui.run("jt_refresh", inputs=["completed"])

    assert config["mode"] == "nowebui" and [t["title"] for t in config["tabs"]] == ["Job Tracker"]
    assert [row[0] for row in result["outputs"][0]["data"]] == ["A1", "C3", "D4"]


def test_a_gradio_auth_entry_without_password_fails_startup(start_standin):
    from support.standin_server import StandinStartupError

    with pytest.raises(StandinStartupError, match="ValueError: --gradio-auth"):
        start_standin("--gradio-auth", "alice", nowebui=False, startup_timeout=20)
