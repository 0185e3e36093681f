"""The core's reply headers arrive as name, value, name, value, ... and stay exactly as the core wrote them."""
from sd_job_tracker.http_reply import Reply, header_pairs


def test_alternating_names_and_values_become_pairs_in_order():
    assert header_pairs(["Content-Type", "application/json", "X-Job-ID", "AbCd1234"]) == [
        ("Content-Type", "application/json"), ("X-Job-ID", "AbCd1234")]


def test_a_value_is_never_split_or_trimmed():
    assert header_pairs(["Location", " /sdapi/v1/job/a: b "]) == [("Location", " /sdapi/v1/job/a: b ")]


def test_no_headers():
    assert header_pairs(None) == [] and header_pairs([]) == []


def test_asgi_headers_are_lower_case_latin_1_with_the_length():
    reply = Reply(200, header_pairs(["ETag", "\"e\""]), b"abc")
    assert reply.asgi_headers() == [(b"etag", b"\"e\""), (b"content-length", b"3")]
