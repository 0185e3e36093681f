"""img2img: init images in, images of the requested size out, A1111's errors."""
from .helpers import decode_image, png_b64, txt2img_body


def img2img_body(**fields):
    return txt2img_body(**{"init_images": [png_b64()], **fields})


def test_img2img_returns_images_at_the_requested_size(client):
    response = client.post("/sdapi/v1/img2img", json=img2img_body(width=64, height=40, batch_size=2))

    assert response.status_code == 200
    images = [decode_image(b64) for b64 in response.json()["images"]]
    assert [image.size for image in images] == [(64, 40), (64, 40)]


def test_init_image_shapes_the_result(client):
    red = client.post("/sdapi/v1/img2img", json=img2img_body(init_images=[png_b64(colour=(255, 0, 0))])).json()
    green = client.post("/sdapi/v1/img2img", json=img2img_body(init_images=[png_b64(colour=(0, 255, 0))])).json()

    assert red["images"] != green["images"]


def test_data_url_init_image_is_accepted(client):
    response = client.post("/sdapi/v1/img2img", json=img2img_body(init_images=["data:image/png;base64," + png_b64()]))

    assert response.status_code == 200


def test_missing_init_images_is_404_before_queueing(client):
    response = client.post("/sdapi/v1/img2img", json=txt2img_body())

    assert response.status_code == 404
    assert response.json() == {"error": "HTTPException", "detail": "Init image not found", "body": "", "errors": ""}


def test_undecodable_init_image_is_500(client):
    response = client.post("/sdapi/v1/img2img", json=img2img_body(init_images=["bm90IGFuIGltYWdl"]))

    assert response.status_code == 500
    assert response.json()["detail"] == "Invalid encoded image"


def test_init_images_are_not_echoed_unless_asked(client):
    plain = client.post("/sdapi/v1/img2img", json=img2img_body()).json()["parameters"]
    echoed = client.post("/sdapi/v1/img2img", json=img2img_body(include_init_images=True)).json()["parameters"]

    assert plain["init_images"] is None and plain["mask"] is None
    assert echoed["init_images"] == [png_b64()]
