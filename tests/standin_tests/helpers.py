"""Small request bodies and image decoding shared by the stand-in tests."""
import base64
import io
import threading
import time

from PIL import Image


def txt2img_body(**fields):
    """A fast txt2img request (64x64, 2 steps) with any field overridden."""
    return {"prompt": "a red fox", "seed": 1234, "steps": 2, "width": 64, "height": 64, **fields}


def png_b64(width=32, height=32, colour=(0, 128, 255)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def decode_image(b64: str) -> Image.Image:
    image = Image.open(io.BytesIO(base64.b64decode(b64)))
    image.load()
    return image


class Timed:
    """A request run in a thread, remembering when its response came back."""

    def __init__(self, send):
        self.response = None
        self.finished_at = None
        self.error = None
        self._thread = threading.Thread(target=self._run, args=(send,), daemon=True)
        self._thread.start()

    def _run(self, send):
        try:
            self.response = send()
        except Exception as e:  # surfaced by join()
            self.error = e
        self.finished_at = time.monotonic()

    def join(self, timeout=30.0):
        self._thread.join(timeout)
        if self.error is not None:
            raise self.error
        assert self.response is not None, "request did not finish in time"
        return self.response


def wait_until(predicate, timeout=10.0, interval=0.02):
    """Poll predicate() until it returns something truthy, and return that; AssertionError on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("condition not met in time")
