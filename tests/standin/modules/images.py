"""Image <-> base64 for the API, following opts.samples_format like A1111's api.py."""
import base64
import io

from fastapi.exceptions import HTTPException
from PIL import Image, PngImagePlugin

from modules.shared import opts

_EXIF_IFD = 0x8769
_USER_COMMENT = 0x9286
_UNICODE_PREFIX = b"UNICODE\x00"


def _exif_with_user_comment(text):
    exif = Image.Exif()
    exif[_EXIF_IFD] = {_USER_COMMENT: _UNICODE_PREFIX + text.encode("utf-16-be")}
    return exif.tobytes()


def encode_pil_to_base64(image):
    """base64 *bytes* of the image in opts.samples_format; the infotext travels as PNG text or EXIF comment."""
    if isinstance(image, str):
        return image
    fmt = opts.samples_format.lower()
    with io.BytesIO() as output:
        if fmt == "png":
            metadata = PngImagePlugin.PngInfo()
            use_metadata = False
            for key, value in image.info.items():
                if isinstance(key, str) and isinstance(value, str):
                    metadata.add_text(key, value)
                    use_metadata = True
            image.save(output, format="PNG", pnginfo=(metadata if use_metadata else None), quality=opts.jpeg_quality)
        elif fmt in ("jpg", "jpeg", "webp"):
            if image.mode == "RGBA":
                image = image.convert("RGB")
            exif = _exif_with_user_comment(image.info.get("parameters", None) or "")
            if fmt in ("jpg", "jpeg"):
                image.save(output, format="JPEG", exif=exif, quality=opts.jpeg_quality)
            else:
                image.save(output, format="WEBP", exif=exif, quality=opts.jpeg_quality, lossless=opts.webp_lossless)
        else:
            raise HTTPException(status_code=500, detail="Invalid image format")
        return base64.b64encode(output.getvalue())


def decode_base64_to_image(encoding):
    """A PIL image from raw base64 or a data:image/...;base64, URI; HTTPException 500 otherwise."""
    if encoding.startswith("http://") or encoding.startswith("https://"):
        # The stand-in never fetches URLs; A1111 would, subject to opts.api_enable_requests.
        raise HTTPException(status_code=500, detail="Invalid image url")
    if encoding.startswith("data:image/"):
        encoding = encoding.split(";")[1].split(",")[1]
    try:
        image = Image.open(io.BytesIO(base64.b64decode(encoding)))
        image.load()
        return image
    except Exception as e:
        raise HTTPException(status_code=500, detail="Invalid encoded image") from e
