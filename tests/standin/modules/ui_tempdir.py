"""A1111's replacement for Gradio's image cache (A1111 v1.10.1 modules/ui_tempdir.py:34-61, installed
at start-up by modules/gradio_extensons.py:83; Forge main modules/ui_tempdir.py:45-68 is the same).

Every PIL image an event returns becomes a new PNG in the temp folder, every time, and nothing
removes them by default (shared_options.py:70-71, ui_tempdir.py:73-76); only an image that carries
`already_saved_as` (the path of an existing file) is served from that file, as "<path>?<mtime>".
"""
import os
import tempfile

from gradio import media
from PIL import PngImagePlugin

from modules import shared


def save_pil_to_file(pil_image, dir=None, format="png"):
    already_saved_as = getattr(pil_image, "already_saved_as", None)
    if already_saved_as and os.path.isfile(already_saved_as):
        # A1111 also adds the file to shared.demo's allowed temp files (register_tmp_file, :16-21), so
        # Gradio serves it; the stand-in serves no files.
        return f"{already_saved_as}?{os.path.getmtime(already_saved_as)}"

    if shared.opts.temp_dir != "":
        dir = shared.opts.temp_dir
    else:
        os.makedirs(dir, exist_ok=True)

    use_metadata = False
    metadata = PngImagePlugin.PngInfo()
    for key, value in pil_image.info.items():
        if isinstance(key, str) and isinstance(value, str):
            metadata.add_text(key, value)
            use_metadata = True

    file_obj = tempfile.NamedTemporaryFile(delete=False, suffix=".png", dir=dir)
    pil_image.save(file_obj, pnginfo=(metadata if use_metadata else None))
    file_obj.close()
    return file_obj.name


def install_ui_tempdir_override():
    media.pil_to_temp_file = save_pil_to_file
