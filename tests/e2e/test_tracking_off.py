"""With tracking off, the extension is invisible: responses equal those of a bare stand-in."""
from api_client import payload, txt2img

# Both servers stamp the same job time, and seeds are fixed, so answers compare byte for byte.
FROZEN = ("--standin-job-timestamp", "20260101120000")
IDENTITY = {"Accept-Encoding": "identity"}
VOLATILE_HEADERS = {"date", "x-process-time"}


def _comparable(response):
    headers = {k: v for k, v in response.headers.items() if k not in VOLATILE_HEADERS}
    return response.status_code, headers, response.content


def test_responses_are_byte_identical_to_the_bare_webui(tracker):
    with_extension = tracker(*FROZEN, env={"TRACKER_ENABLED": "0"})
    bare = tracker(*FROZEN, extension=False)
    requests = [payload(batch_size=2, subseed=7), payload(steps="bad"), payload("STANDIN_RAISE", subseed=7)]

    for body in requests:
        ours = txt2img(with_extension.base_url, body, headers=IDENTITY)
        theirs = txt2img(bare.base_url, body, headers=IDENTITY)
        assert _comparable(ours) == _comparable(theirs)
    assert with_extension.get("/sdapi/v1/jobs").json() == []


def test_gzip_responses_carry_the_same_content(tracker):
    with_extension = tracker(*FROZEN, env={"TRACKER_ENABLED": "0"})
    bare = tracker(*FROZEN, extension=False)
    # Raw bytes differ only by gzip's own time stamp; what they decompress to is identical.
    ours = txt2img(with_extension.base_url, payload(batch_size=2, subseed=7), headers={"Accept-Encoding": "gzip"})
    theirs = txt2img(bare.base_url, payload(batch_size=2, subseed=7), headers={"Accept-Encoding": "gzip"})
    assert ours.headers["content-encoding"] == theirs.headers["content-encoding"] == "gzip"
    assert ours.content == theirs.content  # httpx has decompressed both
