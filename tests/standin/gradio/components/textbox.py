"""gr.Textbox: a string in, a string out (any returned value is turned into one)."""
from .base import Component


class Textbox(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "lines", "max_lines", "placeholder", "label", "info", "every", "show_label", "container",
        "scale", "min_width", "interactive", "visible", "elem_id", "autofocus", "elem_classes", "render",
        "type", "text_align", "rtl", "show_copy_button",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset([
        "value", "lines", "max_lines", "placeholder", "label", "info", "show_label", "container", "scale",
        "min_width", "visible", "interactive", "type", "show_copy_button",
    ])
    GRADIO3_AND_4_EVENTS = ("change", "input", "select", "submit", "focus", "blur")
    DEFAULT_VALUE = ""

    def preprocess(self, payload):
        return None if payload is None else str(payload)

    def postprocess(self, value):
        return None if value is None else str(value)
