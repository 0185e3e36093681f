"""Gzip of the replies the middleware sends itself, matching A1111's GZipMiddleware(minimum_size=1000)."""
import gzip

from sd_job_tracker.http_reply import Reply
from sd_job_tracker.reply_encoding import MINIMUM_SIZE, encoded


def scope(accept_encoding: bytes | None) -> dict:
    headers = [] if accept_encoding is None else [(b"accept-encoding", accept_encoding)]
    return {"type": "http", "headers": headers}


def json_reply(size: int) -> Reply:
    return Reply(200, [("Content-Type", "application/json")], b"[" + b" " * (size - 2) + b"]")


def test_large_json_is_compressed_for_a_client_that_accepts_gzip():
    reply = json_reply(5000)
    headers, body = encoded(scope(b"gzip, deflate"), reply)
    named = dict(headers)
    assert named[b"content-encoding"] == b"gzip"
    assert named[b"vary"] == b"Accept-Encoding"
    assert named[b"content-length"] == str(len(body)).encode()
    assert [name for name, _ in headers].count(b"content-length") == 1
    assert gzip.decompress(body) == reply.body


def test_small_json_is_sent_as_is():
    reply = json_reply(MINIMUM_SIZE - 1)
    assert encoded(scope(b"gzip"), reply) == (reply.asgi_headers(), reply.body)


def test_client_without_gzip_gets_identity():
    reply = json_reply(5000)
    assert encoded(scope(None), reply) == (reply.asgi_headers(), reply.body)
    assert encoded(scope(b"br, deflate"), reply) == (reply.asgi_headers(), reply.body)


def test_images_are_never_recompressed():
    reply = Reply(200, [("Content-Type", "image/png")], b"\x89PNG" + b"\0" * 5000)
    assert encoded(scope(b"gzip"), reply) == (reply.asgi_headers(), reply.body)
