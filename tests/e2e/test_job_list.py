"""GET /sdapi/v1/jobs: newest first, filters by status, ip, after and limit, strict parameters."""
import time

import httpx

from api_client import list_jobs, payload, txt2img


def _make_jobs(server, count, prompt="listed"):
    ids = []
    for n in range(count):
        ids.append(txt2img(server.base_url, payload(f"{prompt} {n}")).headers["x-job-id"])
    return ids


def test_list_is_newest_first_without_paths(tracker):
    server = tracker()
    ids = _make_jobs(server, 3)
    jobs = list_jobs(server.base_url).json()
    assert [job["id"] for job in jobs] == list(reversed(ids))
    for job in jobs:
        assert set(job) >= {"id", "prompt", "ip", "status", "timestamp"}
        assert "images" not in job
        assert server.data_dir not in str(job)


def test_status_filter_is_case_insensitive(tracker):
    server = tracker()
    ok = _make_jobs(server, 2)
    failed = txt2img(server.base_url, payload("STANDIN_RAISE")).headers["x-job-id"]
    assert {j["id"] for j in list_jobs(server.base_url, status="completed").json()} == set(ok)
    assert [j["id"] for j in list_jobs(server.base_url, status="FAILED").json()] == [failed]


def test_ip_filter(tracker):
    server = tracker()
    ids = _make_jobs(server, 2)
    assert {j["id"] for j in list_jobs(server.base_url, ip="127.0.0.1").json()} == set(ids)
    assert list_jobs(server.base_url, ip="10.9.8.7").json() == []


def test_after_and_limit(tracker):
    server = tracker()
    early = _make_jobs(server, 2, "early")
    time.sleep(1.1)
    boundary = int(time.time())
    time.sleep(1.1)
    late = _make_jobs(server, 3, "late")

    after = list_jobs(server.base_url, after=boundary).json()
    assert {j["id"] for j in after} == set(late)
    limited = list_jobs(server.base_url, limit=2).json()
    assert [j["id"] for j in limited] == [late[2], late[1]]
    assert len(list_jobs(server.base_url).json()) == len(early) + len(late)


def test_any_positive_limit_is_accepted_as_the_original_did(tracker):
    server = tracker()
    ids = _make_jobs(server, 3)
    for limit in (1000, 100000, 10**30):
        response = list_jobs(server.base_url, limit=limit)
        assert response.status_code == 200, (limit, response.text)
        assert [job["id"] for job in response.json()] == list(reversed(ids))
        assert "link" not in response.headers


def test_pages_follow_the_next_link_through_every_job(tracker):
    server = tracker()
    ids = _make_jobs(server, 7, "paged")
    failed = txt2img(server.base_url, payload("STANDIN_RAISE")).headers["x-job-id"]
    seen, pages = [], 0
    url = f"{server.base_url}/sdapi/v1/jobs?status=completed&limit=3"
    while url and pages < 10:
        pages += 1
        response = httpx.get(url, timeout=30, trust_env=False)
        assert response.status_code == 200, response.text
        seen += [job["id"] for job in response.json()]
        url = response.links.get("next", {}).get("url")
        if url:
            assert url.startswith("/sdapi/v1/jobs?") and "status=completed" in url and "limit=3" in url, url
            url = server.base_url + url
    assert seen == list(reversed(ids)) and failed not in seen
    assert pages == 3

    unknown = list_jobs(server.base_url, before="AAAAAAAA")
    assert unknown.status_code == 400 and "before" in unknown.json()["detail"]


def test_bad_parameters_are_400_json(tracker):
    server = tracker()
    for params in ({"limit": "lots"}, {"limit": 0}, {"limit": -3}, {"limit": "2.5"}, {"status": "done-ish"},
                   {"after": "yesterday"}, {"after": -5}, {"before": "../jobs"}):
        response = list_jobs(server.base_url, **params)
        assert response.status_code == 400, params
        assert response.json()["detail"], params
