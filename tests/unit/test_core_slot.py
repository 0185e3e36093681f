"""The slot the middleware and routes take the core from: empty until the fetched core is ready."""
import json

from sd_job_tracker.core_slot import CoreSlot
from sd_job_tracker.http_reply import Reply


class FakeCore:
    def is_enabled(self):
        return True

    def list_jobs(self, query, ip, headers):
        return Reply(200, [], f"jobs {query}".encode())

    def begin(self, *args):
        return "plan"


def test_an_empty_slot_passes_requests_through_and_asks_job_clients_to_retry():
    slot = CoreSlot()
    assert slot.is_enabled() is False
    for reply in (slot.list_jobs("", "1.2.3.4", ""), slot.get_job("A", "", "", "", None),
                  slot.get_image("A", "0", "", "")):
        assert reply.status == 503 and ("Retry-After", "5") in reply.headers
        assert json.loads(reply.body)["error"] == "TrackerUnavailable"


def test_a_failed_fetch_answers_503_without_retry_after():
    slot = CoreSlot()
    slot.fail()
    reply = slot.list_jobs("", "", "")
    assert reply.status == 503 and all(name != "Retry-After" for name, _ in reply.headers)
    assert "restarts" in json.loads(reply.body)["detail"]


def test_a_filled_slot_is_the_core():
    slot = CoreSlot()
    slot.fill(FakeCore())
    assert slot.is_enabled() is True
    assert slot.list_jobs("limit=1", "", "").body == b"jobs limit=1"
    assert slot.begin("txt2img") == "plan"


def test_an_empty_slot_opens_no_event_stream():
    reply, stream = CoreSlot().open_events("A", "1.2.3.4", [])
    assert stream is None
    assert reply.status == 503 and json.loads(reply.body)["error"] == "TrackerUnavailable"
