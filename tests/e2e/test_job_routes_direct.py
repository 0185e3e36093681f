"""The tracker's GET routes are answered by its outermost middleware, ahead of A1111's per-request layers
(logging, error handling, gzip): the same answers, sooner. Browser requests (with Origin) still go through
A1111's stack, so that its CORS layer can add its headers."""
import gzip
import http.client
import json

from api_client import payload, txt2img

# A1111's log_and_time middleware stamps every response it sees with this header.
A1111_STAMP = "x-process-time"
ORIGIN = "http://client.example"


class RawResponse:
    def __init__(self, response: http.client.HTTPResponse):
        self.status_code = response.status
        self.headers = {name.lower(): value for name, value in response.getheaders()}
        self.content = response.read()

    def json(self):
        return json.loads(self.content)


def raw_get(server, path: str, **headers) -> RawResponse:
    """A GET that shows the bytes on the wire: only the headers given, nothing decoded."""
    host, port = server.host_port()
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        return RawResponse(connection.getresponse())
    finally:
        connection.close()


def test_tracker_routes_are_answered_ahead_of_the_webui_stack(tracker):
    server = tracker()
    job_id = txt2img(server.base_url, payload("a quiet harbour")).headers["x-job-id"]
    for path in (f"/sdapi/v1/job/{job_id}", "/sdapi/v1/jobs?limit=5", f"/sdapi/v1/job/{job_id}/images/0",
                 "/sdapi/v1/job/unknown1", "/sdapi/v1/jobs?limit=oops"):
        response = raw_get(server, path)
        assert A1111_STAMP not in response.headers, path
        assert response.headers["content-length"] == str(len(response.content)), path
    assert raw_get(server, "/sdapi/v1/job/unknown1").status_code == 404
    assert raw_get(server, "/sdapi/v1/jobs?limit=oops").status_code == 400
    assert A1111_STAMP in raw_get(server, "/sdapi/v1/progress").headers, "the stand-in stamps its own routes"
    server.assert_no_tracker_errors()


def test_large_json_is_gzipped_for_clients_that_ask_and_only_for_them(tracker):
    server = tracker()
    job_id = txt2img(server.base_url, payload("a quiet harbour", batch_size=2)).headers["x-job-id"]
    path = f"/sdapi/v1/job/{job_id}"

    plain = raw_get(server, path)
    assert "content-encoding" not in plain.headers
    zipped = raw_get(server, path, **{"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["vary"] == "Accept-Encoding"
    assert int(zipped.headers["content-length"]) == len(zipped.content) < len(plain.content)
    assert json.loads(gzip.decompress(zipped.content)) == plain.json()

    image = raw_get(server, f"{path}/images/0", **{"Accept-Encoding": "gzip"})
    assert image.headers["content-type"] == "image/png" and "content-encoding" not in image.headers

    small = raw_get(server, "/sdapi/v1/job/unknown1", **{"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers


def test_browser_requests_get_the_same_answer_with_the_webuis_cors_headers(tracker):
    server = tracker("--cors-allow-origins", ORIGIN)
    job_id = txt2img(server.base_url, payload("a quiet harbour")).headers["x-job-id"]
    for path in (f"/sdapi/v1/job/{job_id}?images=false", "/sdapi/v1/jobs?limit=5"):
        direct = raw_get(server, path)
        browser = raw_get(server, path, Origin=ORIGIN)
        assert browser.status_code == direct.status_code == 200
        assert browser.headers["access-control-allow-origin"] == ORIGIN
        assert A1111_STAMP in browser.headers
        assert "access-control-allow-origin" not in direct.headers
        assert browser.json() == direct.json()


def test_routes_stay_listed_in_the_webui_api_docs(tracker):
    server = tracker()
    paths = server.get("/openapi.json").json()["paths"]
    assert {"/sdapi/v1/job/{job_id}", "/sdapi/v1/jobs", "/sdapi/v1/job/{job_id}/images/{index}"} <= set(paths)
