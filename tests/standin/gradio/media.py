"""Images and files between handlers and the wire: a PIL image is written to a file (pil_to_temp_file),
and goes, like a returned file, by path.

Gradio copies a returned file into its cache and fails when it does not exist; Gradio 4.x also
refuses a file outside the working directory (the WebUI root), the temp dir and allowed_paths.
"""
import base64
import io
import os
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from . import portability

# gradio 3.41.2 components/base.py DEFAULT_TEMP_DIR: where returned PIL images are written.
DEFAULT_TEMP_DIR = os.environ.get("GRADIO_TEMP_DIR") or str(Path(tempfile.gettempdir()) / "gradio")


def _hashed_pil_to_temp_file(image, dir, format="png") -> str:
    """Gradio's own way (gradio 3.41.2 components/base.py:310-316): one file per distinct picture,
    named after the hash of its PNG bytes, so the same image returned again adds nothing."""
    import hashlib

    buffer = io.BytesIO()
    image.save(buffer, format=format)
    folder = Path(dir) / hashlib.sha1(buffer.getvalue()).hexdigest()
    folder.mkdir(parents=True, exist_ok=True)
    filename = folder / f"image.{format}"
    filename.write_bytes(buffer.getvalue())
    return str(filename)


# What turns a returned PIL image into a served file; A1111 and Forge replace it (see the stand-in's
# modules/ui_tempdir.py), as they replace IOComponent.pil_to_temp_file / save_pil_to_cache.
pil_to_temp_file = _hashed_pil_to_temp_file

# Folders to count as inside the WebUI folder: the stand-in loads extensions from anywhere, while
# a real WebUI keeps them under <webui>/extensions, inside the working directory Gradio 4 serves.
roots_inside_webui = []


def _is_url(text: str) -> bool:
    return urlparse(text).scheme in ("http", "https", "data")


def _is_under(path: str, folder: str) -> bool:
    folder = os.path.realpath(folder)
    return os.path.commonpath([path, folder]) == folder


def existing_file(block, path) -> str:
    """The absolute path of a returned file; FileNotFoundError when it is missing, as in Gradio."""
    absolute = os.path.realpath(os.fspath(path))
    if not os.path.isfile(absolute):
        raise FileNotFoundError(f"{portability.describe(block)}: no such file: {os.fspath(path)}")
    served = [os.getcwd(), tempfile.gettempdir(), *roots_inside_webui]
    if not any(_is_under(absolute, folder) for folder in served):
        portability.warn(block, "gradio4_path", f"{absolute} is outside the WebUI folder and the temp dir: "
                                                "Gradio 4.x refuses to serve it unless it is in allowed_paths",
                         name="value")
    return absolute


def image_to_wire(block, image) -> dict:
    """{"path", "url"} for a PIL image, a file path or a URL, as one gallery/image item."""
    from PIL import Image

    if isinstance(image, Image.Image):
        return {"path": pil_to_temp_file(image, dir=DEFAULT_TEMP_DIR, format="png"), "url": None}
    if isinstance(image, str) and _is_url(image):
        return {"path": None, "url": image}
    if isinstance(image, (str, Path)):
        return {"path": existing_file(block, image), "url": None}
    if hasattr(image, "__array_interface__"):
        raise NotImplementedError("stand-in: numpy images are not imitated (no numpy here); return a PIL image")
    raise ValueError(f"Cannot process type as image: {type(image)}")


def wire_to_pil(payload):
    """A PIL image from a wire item, a file path or a data URL."""
    from PIL import Image

    source = payload.get("path") or payload.get("url") if isinstance(payload, dict) else payload
    if isinstance(source, str) and source.startswith("data:"):
        data = base64.b64decode(source.split(",", 1)[1])
        image = Image.open(io.BytesIO(data))
    else:
        image = Image.open(served_file(os.fspath(source)))
    image.load()
    return image


def served_file(path: str) -> str:
    """The file behind a served path: A1111's saved-image paths end in "?<mtime>" (ui_tempdir.py:38)."""
    return path if os.path.exists(path) else path.split("?", 1)[0]


def wire_to_path(payload) -> str:
    """A file path for a wire item; an inline image is written to a temporary PNG first."""
    source = payload.get("path") or payload.get("url") if isinstance(payload, dict) else payload
    if isinstance(source, str) and source.startswith("data:"):
        handle, path = tempfile.mkstemp(prefix="standin-gradio-", suffix=".png")
        with os.fdopen(handle, "wb") as f:
            f.write(base64.b64decode(source.split(",", 1)[1]))
        return path
    return os.fspath(source)
