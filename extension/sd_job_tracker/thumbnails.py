"""Thumbnails for the tab's jobs table: made once per image with Pillow, kept where the core says.

The core names the file (output/thumbs/<id>-<n>.jpg) and deletes it when it purges the job; this
module only draws it, the first time the table shows the job.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .log import log

BOX = 128  # the longest side, in pixels
QUALITY = 80  # JPEG quality: a 128 px thumbnail stays at a few KB
PLACEHOLDER_GREY = (72, 72, 72)


def ensure(image_path: str | None, thumbnail_path: str | None) -> Path | None:
    """The thumbnail's path, drawing it first if it does not exist yet; None if there is no image."""
    if not image_path or not thumbnail_path:
        return None
    target = Path(thumbnail_path)
    if _is_regular_file(target):
        return target
    try:
        _draw(Path(image_path), target)
    except _unreadable_image_errors() as error:  # a missing, truncated or unreadable image, a full disk: no thumbnail
        log(f"could not make a thumbnail of {Path(image_path).name}: {error}")
        return None
    return target


def _unreadable_image_errors():
    from PIL import Image

    # Pillow reports some broken files with SyntaxError, and oversized ones with DecompressionBombError.
    return (OSError, ValueError, SyntaxError, Image.DecompressionBombError)


def load(path: Path | None):
    """The thumbnail as a PIL image that names its file (see stored_image), or a grey placeholder."""
    if path is not None:
        image = stored_image(path)
        if image is not None:
            return image
    return stored_image(_placeholder_file()) or _placeholder()


def stored_image(path) -> "Image.Image | None":
    """The image in `path`, marked with the file it came from; None (logged) if it cannot be read.

    A1111 and Forge write every PIL image an event returns to a new PNG in their temp folder and
    never clean it up, unless the image has `already_saved_as`: then the file itself is served, as
    is (A1111 v1.10.1 modules/ui_tempdir.py:34-40, Forge modules/ui_tempdir.py:45-51). Other
    Gradio hosts ignore the mark and cache the image by content, once per distinct picture.
    """
    from PIL import Image

    try:
        # O_NOFOLLOW: a link planted in place of a stored file is refused, never read through.
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb") as file, \
                Image.open(file) as image:
            image.load()
            loaded = image.copy()
    except _unreadable_image_errors() as error:
        log(f"could not read the image {Path(path).name}: {error}")
        return None
    loaded.already_saved_as = os.path.abspath(path)
    return loaded


def _placeholder():
    from PIL import Image

    return Image.new("RGB", (BOX, BOX), PLACEHOLDER_GREY)


def _placeholder_file() -> Path:
    """One grey placeholder file per machine, so a missing thumbnail adds nothing to the temp folder."""
    target = Path(tempfile.gettempdir()) / f"job-tracker-placeholder-{BOX}.jpg"
    if not target.is_file():
        try:
            _write_jpeg(_placeholder(), target)
        except OSError as error:  # a full or read-only temp folder: the host writes its own copy
            log(f"could not write the thumbnail placeholder: {error}")
    return target


def _draw(source: Path, target: Path) -> None:
    from PIL import Image

    with Image.open(source) as image:
        image.thumbnail((BOX, BOX))
        flat = _without_alpha(image)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    _write_jpeg(flat, target)


def _write_jpeg(image, target: Path) -> None:
    # A unique temporary name: two refreshes may draw the same thumbnail at once. mkstemp creates it 0600 and
    # exclusively, and os.replace puts it over whatever entry has the name (a planted link is replaced, not followed).
    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            image.save(file, format="JPEG", quality=QUALITY, optimize=True)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _is_regular_file(path: Path) -> bool:
    """A regular file of its own: a symbolic link (which could lead out of the data folder) is not one."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _without_alpha(image):
    from PIL import Image

    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
