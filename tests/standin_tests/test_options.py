"""/sdapi/v1/options, image formats, override_settings and the small read-only routes."""
import pytest

from .helpers import decode_image, txt2img_body


@pytest.fixture
def server(start_standin):
    return start_standin()


def test_default_options(server):
    with server.client() as client:
        options = client.get("/sdapi/v1/options").json()

    assert options["samples_format"] == "png" and options["jpeg_quality"] == 80
    assert options["enable_pnginfo"] is True and options["webp_lossless"] is False


def test_jpeg_format_returns_jpegs_with_the_infotext_in_exif(server):
    with server.client() as client:
        client.post("/sdapi/v1/options", json={"samples_format": "jpg"})
        image = decode_image(client.post("/sdapi/v1/txt2img", json=txt2img_body(seed=5)).json()["images"][0])

    assert image.format == "JPEG"
    comment = image.getexif().get_ifd(0x8769)[0x9286]
    assert comment.startswith(b"UNICODE\x00") and "Seed: 5" in comment[8:].decode("utf-16-be")


def test_unsupported_format_is_500_after_generating(server):
    with server.client() as client:
        client.post("/sdapi/v1/options", json={"samples_format": "avif"})
        response = client.post("/sdapi/v1/txt2img", json=txt2img_body())

        assert response.status_code == 500
        assert response.json()["detail"] == "Invalid image format"
        assert client.get("/standin/generations").json()["count"] == 1


def test_unknown_option_key_is_500_keyerror(server):
    with server.client() as client:
        response = client.post("/sdapi/v1/options", json={"no_such_option": 1})

    assert response.status_code == 500
    assert response.json()["error"] == "KeyError"


def test_override_settings_are_restored_before_encoding(server):
    with server.client() as client:
        body = client.post("/sdapi/v1/txt2img", json=txt2img_body(override_settings={"samples_format": "jpg"})).json()
        options = client.get("/sdapi/v1/options").json()

    assert decode_image(body["images"][0]).format == "PNG"  # A1111 encodes after restoring the settings
    assert options["samples_format"] == "png"


def test_cmd_flags_and_samplers(server):
    with server.client() as client:
        flags = client.get("/sdapi/v1/cmd-flags").json()
        samplers = [s["name"] for s in client.get("/sdapi/v1/samplers").json()]

    assert flags["api"] is True and flags["nowebui"] is True and flags["port"] == server.port
    assert flags["standin_step_seconds"] == 0.0
    assert {"Euler", "Euler a", "DPM++ 2M", "DPM++ SDE", "DDIM", "UniPC"} <= set(samplers)
