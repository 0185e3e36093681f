"""The recorded client IP is the connection's; forwarding headers count only from TRACKER_TRUSTED_PROXIES.

Linux routes all of 127.0.0.0/8 to loopback, so binding the client socket to 127.0.0.2 or 127.0.0.3
gives the server a connection from a different address than 127.0.0.1 (the address uvicorn itself
trusts for X-Forwarded-For, which the tracker must see through).
"""
import httpx

from api_client import get_job, list_jobs, payload

SPOOF = {"X-Forwarded-For": "203.0.113.66", "Forwarded": "for=203.0.113.67"}


def _generate_from(server, local_address: str, headers: dict) -> str:
    transport = httpx.HTTPTransport(local_address=local_address)
    with httpx.Client(transport=transport, timeout=60, trust_env=False) as client:
        response = client.post(f"{server.base_url}/sdapi/v1/txt2img", json=payload(), headers=headers)
    assert response.status_code == 200, response.text
    return response.headers["x-job-id"]


def _recorded_ip(server, job_id: str) -> str:
    get_job(server.base_url, job_id)  # the job exists
    return next(j["ip"] for j in list_jobs(server.base_url, limit=500).json() if j["id"] == job_id)


def test_spoofed_forwarding_headers_from_an_untrusted_client_change_nothing(tracker):
    server = tracker()
    assert _recorded_ip(server, _generate_from(server, "127.0.0.2", SPOOF)) == "127.0.0.2"
    # From 127.0.0.1 uvicorn has already swapped the client for the header's address: the tracker undoes it.
    assert _recorded_ip(server, _generate_from(server, "127.0.0.1", SPOOF)) == "127.0.0.1"
    assert list_jobs(server.base_url, ip="203.0.113.66").json() == []


def test_a_trusted_proxy_is_believed_and_only_it(tracker):
    server = tracker(env={"TRACKER_TRUSTED_PROXIES": "127.0.0.3, 10.0.0.0/8, fd00::/8, not-an-ip"})
    forwarded_by_proxy = {"X-Forwarded-For": "6.6.6.6, 198.51.100.23"}
    assert _recorded_ip(server, _generate_from(server, "127.0.0.3", forwarded_by_proxy)) == "198.51.100.23"
    assert _recorded_ip(server, _generate_from(server, "127.0.0.3", {"Forwarded": 'for="[2001:db8::23]:4711"'})) == "2001:db8::23"
    assert _recorded_ip(server, _generate_from(server, "127.0.0.2", forwarded_by_proxy)) == "127.0.0.2"
    assert [j["ip"] for j in list_jobs(server.base_url, ip="198.51.100.23").json()] == ["198.51.100.23"]
    log = server.log_text()
    assert log.count('TRACKER_TRUSTED_PROXIES: "not-an-ip" is neither an IP address nor a CIDR range; ignored') == 1


def test_a_proxy_on_the_same_machine_can_be_trusted(tracker):
    server = tracker(env={"TRACKER_TRUSTED_PROXIES": "127.0.0.1"})
    assert _recorded_ip(server, _generate_from(server, "127.0.0.1", {"X-Forwarded-For": "198.51.100.9"})) == "198.51.100.9"
    assert _recorded_ip(server, _generate_from(server, "127.0.0.1", {})) == "127.0.0.1"


def test_uvicorn_trusting_several_hosts_leaves_the_ip_unknown_rather_than_spoofed(tracker):
    # uvicorn rewrote the client from X-Forwarded-For; which of its trusted hosts connected is unknowable.
    server = tracker(env={"FORWARDED_ALLOW_IPS": "127.0.0.1,127.0.0.3"})
    assert _recorded_ip(server, _generate_from(server, "127.0.0.1", SPOOF)) == ""
    assert _recorded_ip(server, _generate_from(server, "127.0.0.2", SPOOF)) == "127.0.0.2"
