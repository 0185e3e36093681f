"""GET /sdapi/v1/job/{id}/images/{n}: the stored file itself, with content type, ETag and caching headers."""
from api_client import decoded, get_job, payload, txt2img


def test_image_urls_serve_bytes_identical_to_the_base64_images(tracker):
    server = tracker()
    job_id = txt2img(server.base_url, payload("two boats", batch_size=2)).headers["x-job-id"]
    job = get_job(server.base_url, job_id).json()
    assert job["image_urls"] == [f"/sdapi/v1/job/{job_id}/images/0", f"/sdapi/v1/job/{job_id}/images/1"]

    light = get_job(server.base_url, job_id, params={"images": "false"}).json()
    assert "images" not in light and light["image_urls"] == job["image_urls"]

    for url, expected in zip(job["image_urls"], decoded(job["images"])):
        response = server.get(url)
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/png"
        assert response.content == expected
        etag = response.headers["etag"]
        assert etag.startswith('"') and etag.endswith('"')
        assert "max-age" in response.headers["cache-control"]

        cached = server.get(url, headers={"If-None-Match": etag})
        assert cached.status_code == 304
        assert cached.content == b""
        assert server.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200

    first, second = (server.get(url).headers["etag"] for url in job["image_urls"])
    assert first != second


def test_bad_image_indexes_are_json_errors_and_never_leave_the_output_folder(tracker):
    server = tracker()
    job_id = txt2img(server.base_url, payload()).headers["x-job-id"]
    assert server.get(f"/sdapi/v1/job/{job_id}/images/1").status_code == 404
    assert server.get(f"/sdapi/v1/job/{job_id}/images/99999999999").status_code == 404  # canonical, past the last image
    for bad in ("-1", "abc", "1.0", "%2e%2e", "0x1", "00", "0%00"):
        response = server.get(f"/sdapi/v1/job/{job_id}/images/{bad}")
        assert response.status_code == 400, bad
        assert response.json()["error"] == "BadRequest"
    assert server.get("/sdapi/v1/job/NoSuchJb/images/0").status_code == 404
    assert server.get("/sdapi/v1/job/..%2F..%2F/images/0").status_code == 404
    server.assert_no_tracker_errors()


def test_image_route_sits_behind_api_auth(tracker):
    server = tracker("--api-auth", "me:secret")
    response = txt2img(server.base_url, payload(), auth=("me", "secret"))
    url = f"/sdapi/v1/job/{response.headers['x-job-id']}/images/0"
    refused = server.get(url)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == "Basic"
    assert server.get(url, auth=("me", "secret")).status_code == 200
