"""--api-auth: HTTP Basic on the /sdapi routes, A1111's error JSON on failure."""
import pytest

from .helpers import txt2img_body


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory):
    from support.standin_server import StandinServer

    with StandinServer(["--api-auth", "alice:secret,bob:hunter2"],
                       log_path=tmp_path_factory.mktemp("auth") / "webui.log") as server:
        yield server


def test_no_credentials_is_401(auth_server):
    with auth_server.client() as client:
        response = client.post("/sdapi/v1/txt2img", json=txt2img_body())

    assert response.status_code == 401
    assert response.json() == {"error": "HTTPException", "detail": "Not authenticated", "body": "", "errors": ""}


def test_wrong_password_is_401(auth_server):
    with auth_server.client(auth=("alice", "wrong")) as client:
        response = client.post("/sdapi/v1/txt2img", json=txt2img_body())

    assert response.status_code == 401
    assert response.json()["detail"] == "Incorrect username or password"
    assert "www-authenticate" not in response.headers  # A1111's handler drops it


@pytest.mark.parametrize("user,password", [("alice", "secret"), ("bob", "hunter2")])
def test_right_credentials_generate(auth_server, user, password):
    with auth_server.client(auth=(user, password)) as client:
        response = client.post("/sdapi/v1/txt2img", json=txt2img_body())

    assert response.status_code == 200
    assert len(response.json()["images"]) == 1


def test_stand_in_counter_is_not_behind_auth(auth_server):
    with auth_server.client() as client:
        assert client.get("/standin/generations").status_code == 200


def test_password_with_colon_fails_startup_as_in_a1111(start_standin):
    from support.standin_server import StandinStartupError

    with pytest.raises(StandinStartupError, match="ValueError"):
        start_standin("--api-auth", "alice:se:cret", startup_timeout=20)
