"""Draws the stand-in's "generated" pictures: the same (seed, prompt, size) always gives the same pixels.

A1111 v1.10.1 returns what the model draws (modules/processing.py); only the sizes and formats are imitated here."""
import hashlib

import random

from PIL import Image, ImageChops, ImageDraw, ImageOps


def paint(seed: int, prompt: str, width: int, height: int) -> Image.Image:
    """A two-colour gradient with a few ellipses and rectangles, all chosen by a hash of the inputs."""
    digest = hashlib.sha512(f"{seed}\x00{prompt}\x00{width}x{height}".encode("utf-8")).digest()
    gradient = Image.linear_gradient("L").resize((width, height))
    image = ImageOps.colorize(gradient, tuple(digest[0:3]), tuple(digest[3:6]))

    draw = ImageDraw.Draw(image)
    shape_count = 3 + digest[6] % 4
    smaller_side = min(width, height)
    for i in range(shape_count):
        b = digest[7 + i * 8: 15 + i * 8]
        x0, y0 = b[0] * width // 256, b[1] * height // 256
        w = max(2, (32 + b[2]) * smaller_side // 512)
        h = max(2, (32 + b[3]) * smaller_side // 512)
        box = [x0, y0, x0 + w, y0 + h]
        fill = tuple(b[4:7])
        if b[7] % 2:
            draw.ellipse(box, fill=fill)
        else:
            draw.rectangle(box, fill=fill)
    return image


def with_grain(image: Image.Image, seed: int, levels: int) -> Image.Image:
    """image plus per-pixel noise of 0..levels-1 drawn from the seed: PNG cannot shrink noise, so the file grows to
    the size a real model's picture has. levels 0 or 1 returns image unchanged."""
    if levels <= 1:
        return image
    noise = random.Random(seed).randbytes(image.width * image.height * 3)
    scaled = noise.translate(bytes(b * levels // 256 for b in range(256)))
    return ImageChops.add(image.convert("RGB"), Image.frombytes("RGB", image.size, scaled))


def blend_with_init(painted: Image.Image, init_image: Image.Image, denoising_strength: float) -> Image.Image:
    """img2img: keep (1 - strength) of the init image, as a real denoiser roughly would."""
    init = init_image.convert("RGB").resize(painted.size)
    return Image.blend(init, painted, alpha=max(0.0, min(1.0, denoising_strength)))
