"""GET /sdapi/v1/jobs: newest first, filters by status, ip, after and limit, strict parameters."""
import time

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


def test_bad_parameters_are_400_json(tracker):
    server = tracker()
    for params in ({"limit": "lots"}, {"limit": 0}, {"limit": 100000}, {"status": "done-ish"},
                   {"after": "yesterday"}, {"after": -5}):
        response = list_jobs(server.base_url, **params)
        assert response.status_code == 400, params
        assert response.json()["detail"], params
