"""gr.Image: one image; to a handler as a PIL image (type="pil") or a file path (type="filepath").

Returned values are serialized like a Gallery item: {"path", "url"}.
"""
from .. import media
from .base import Component


class Image(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "height", "width", "image_mode", "type", "label", "every", "show_label",
        "show_download_button", "container", "scale", "min_width", "interactive", "visible", "elem_id",
        "elem_classes", "render",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset([
        "value", "height", "width", "label", "show_label", "show_download_button", "container", "scale",
        "min_width", "interactive", "visible",
    ])
    GRADIO3_AND_4_EVENTS = ("change", "clear", "upload", "select", "stream")
    ONE_VERSION_EVENTS = {"edit": "Gradio 3.x only"}

    def postprocess(self, value):
        return None if value is None else media.image_to_wire(self, value)

    def preprocess(self, payload):
        if payload is None:
            return None
        kind = self.props.get("type", "numpy")
        if kind == "pil":
            return media.wire_to_pil(payload)
        if kind == "filepath":
            return media.wire_to_path(payload)
        raise NotImplementedError(f"stand-in: {self!r} has type={kind!r}; the stand-in has no numpy. "
                                  "Use type='pil' or type='filepath'.")
