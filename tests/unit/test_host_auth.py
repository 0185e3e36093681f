"""Which credentials the core gets from the WebUI's flags, and when the job routes must refuse."""
from types import SimpleNamespace

from fastapi import Depends, FastAPI

from sd_job_tracker.host_auth import HostAuth, read, refusal_reason


def a1111(api_auth=None):
    return SimpleNamespace(api_auth=api_auth)


def sdnext(auth=None, auth_file=None):
    return SimpleNamespace(api_auth=None, auth=auth, auth_file=auth_file)


def test_a1111_and_forge_pass_api_auth_as_given():
    assert read(a1111("alice:pa:ss,bob:x")) == HostAuth("alice:pa:ss,bob:x")
    assert read(a1111()) == HostAuth(None)


def test_sdnext_reads_auth_and_auth_file_as_sdnext_does(tmp_path):
    users = tmp_path / "users.txt"
    users.write_text('"carol" : "p:w d" \nalice:override\n', encoding="utf8")
    auth = read(sdnext(auth=' alice : secret ,"bob":"hunter2"', auth_file=str(users)))
    assert auth == HostAuth("alice:override,bob:hunter2,carol:p:w d")
    assert read(sdnext()) == HostAuth(None)


def test_sdnext_credentials_the_core_cannot_carry_lock_the_routes(tmp_path):
    assert read(sdnext(auth_file=str(tmp_path / "missing.txt"))).unusable
    users = tmp_path / "users.txt"
    users.write_text("alice:a,b\n", encoding="utf8")
    assert "','" in read(sdnext(auth_file=str(users))).unusable


def _app(guarded: bool) -> FastAPI:
    app = FastAPI()
    app.add_api_route("/sdapi/v1/txt2img", lambda: {}, methods=["POST"],
                      dependencies=[Depends(lambda: True)] if guarded else [])
    return app


def test_a_guard_without_known_credentials_locks_the_routes():
    assert refusal_reason(_app(guarded=True), HostAuth(None))
    assert refusal_reason(_app(guarded=True), HostAuth("alice:x")) is None
    assert refusal_reason(_app(guarded=False), HostAuth(None)) is None
    assert refusal_reason(_app(guarded=False), HostAuth(None, "unreadable")) == "unreadable"
