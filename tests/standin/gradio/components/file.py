"""gr.File: files by path on the wire ({"path", "orig_name", "size"}); a returned file must exist.

As an input, what the handler gets depends on `type`, whose values differ by version: "file" (a
temporary-file object, Gradio 3.x default), "filepath" (a str, Gradio 4.x default), and "binary"
(bytes), the only one both share.
"""
import os
from pathlib import Path

from .. import media, portability
from .base import Component

TYPES = ("file", "filepath", "binary")


class TemporaryFileLike:
    """What Gradio 3.x hands a handler for type="file": something with `.name` (the path)."""

    def __init__(self, path):
        self.name = path
        self.orig_name = os.path.basename(path)


class File(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "file_count", "file_types", "type", "label", "every", "show_label", "container", "scale",
        "min_width", "height", "interactive", "visible", "elem_id", "elem_classes", "render",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset(["value", "label", "show_label", "container", "scale", "min_width",
                                             "height", "interactive", "visible"])
    GRADIO3_AND_4_EVENTS = ("change", "clear", "upload", "select")
    ONE_VERSION_EVENTS = {"delete": "Gradio 4.x only"}

    def configure(self):
        if self.props.get("type", "file") not in TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {self.props['type']}. Choose from {list(TYPES)}")

    def _one(self, path):
        absolute = media.existing_file(self, path)
        return {"path": absolute, "orig_name": os.path.basename(absolute), "size": os.path.getsize(absolute)}

    def postprocess(self, value):
        if value is None:
            return None
        if isinstance(value, (str, Path)):
            return self._one(value)
        return [self._one(path) for path in value]

    def _read(self, payload):
        path = payload["path"] if isinstance(payload, dict) else os.fspath(payload)
        kind = self.props.get("type", "file")
        if kind == "binary":
            with open(path, "rb") as f:
                return f.read()
        return path if kind == "filepath" else TemporaryFileLike(path)

    def preprocess(self, payload):
        if payload is None:
            return None
        if isinstance(payload, list):
            return [self._read(item) for item in payload]
        return self._read(payload)

    def warn_if_input_differs(self):
        if self.props.get("type") != "binary":
            portability.warn(self, "version_difference", "a File input without type='binary' reaches the handler "
                                                         "as a temp-file object in Gradio 3.41 and as a path str "
                                                         "in 4.x", name="type")
