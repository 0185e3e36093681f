"""txt2img: images, determinism, the info string and the echoed parameters."""
import json

from .helpers import decode_image, txt2img_body


def test_batch_of_three_gives_three_pngs_of_the_requested_size(client):
    response = client.post("/sdapi/v1/txt2img", json=txt2img_body(batch_size=3, width=64, height=48))

    assert response.status_code == 200
    images = [decode_image(b64) for b64 in response.json()["images"]]
    assert len(images) == 3
    assert all(image.format == "PNG" and image.size == (64, 48) for image in images)


def test_same_seed_and_prompt_give_identical_bytes(client):
    first = client.post("/sdapi/v1/txt2img", json=txt2img_body(seed=42)).json()["images"]
    second = client.post("/sdapi/v1/txt2img", json=txt2img_body(seed=42)).json()["images"]

    assert first == second


def test_other_prompt_or_seed_gives_other_pixels(client):
    base = decode_image(client.post("/sdapi/v1/txt2img", json=txt2img_body(seed=42)).json()["images"][0])
    other_seed = decode_image(client.post("/sdapi/v1/txt2img", json=txt2img_body(seed=43)).json()["images"][0])
    other_prompt = decode_image(
        client.post("/sdapi/v1/txt2img", json=txt2img_body(seed=42, prompt="a blue whale")).json()["images"][0])

    assert base.tobytes() != other_seed.tobytes()
    assert base.tobytes() != other_prompt.tobytes()


def test_info_is_a_json_string_with_consecutive_seeds(client):
    body = client.post("/sdapi/v1/txt2img", json=txt2img_body(seed=100, batch_size=2, n_iter=2)).json()

    assert isinstance(body["info"], str)
    info = json.loads(body["info"])
    assert info["seed"] == 100
    assert info["all_seeds"] == [100, 101, 102, 103]
    assert info["prompt"] == "a red fox"
    assert info["index_of_first_image"] == 0
    assert len(info["infotexts"]) == 4 and "Seed: 101" in info["infotexts"][1]
    assert info["sampler_name"] == "Euler"  # sampler_index's default, as in A1111
    assert info["version"] == "standin"


def test_png_carries_the_infotext_as_parameters_chunk(client):
    image = decode_image(client.post("/sdapi/v1/txt2img", json=txt2img_body(seed=7)).json()["images"][0])

    assert image.info["parameters"].startswith("a red fox\n")
    assert "Seed: 7" in image.info["parameters"]


def test_seed_minus_one_draws_a_random_seed(client):
    info = json.loads(client.post("/sdapi/v1/txt2img", json=txt2img_body(seed=-1)).json()["info"])

    assert info["seed"] >= 0


def test_parameters_echo_the_request_including_defaults(client):
    body = client.post("/sdapi/v1/txt2img", json=txt2img_body(force_task_id="task(echo-1)", unknown_key=1)).json()

    parameters = body["parameters"]
    assert parameters["force_task_id"] == "task(echo-1)"
    assert parameters["cfg_scale"] == 7.0 and parameters["sampler_index"] == "Euler"
    assert parameters["send_images"] is True and parameters["save_images"] is False
    assert "unknown_key" not in parameters  # pydantic v1 drops unknown keys silently


def test_send_images_false_returns_no_images(client):
    body = client.post("/sdapi/v1/txt2img", json=txt2img_body(send_images=False)).json()

    assert body["images"] == []


def test_unknown_sampler_falls_back_to_the_default_like_a1111_1_10_1(client):
    response = client.post("/sdapi/v1/txt2img", json=txt2img_body(sampler_name="No Such Sampler"))

    assert response.status_code == 200
    assert json.loads(response.json()["info"])["sampler_name"] == "DPM++ 2M"


def test_sampler_with_scheduler_suffix_is_split(client):
    body = client.post("/sdapi/v1/txt2img", json=txt2img_body(sampler_name="Euler a Karras")).json()

    assert json.loads(body["info"])["sampler_name"] == "Euler a"
    assert body["parameters"]["sampler_name"] == "Euler a Karras"
