"""gr.Checkbox: a bool."""
from .base import Component


class Checkbox(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "label", "info", "every", "show_label", "container", "scale", "min_width", "interactive",
        "visible", "elem_id", "elem_classes", "render",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset([
        "value", "label", "info", "show_label", "container", "scale", "min_width", "interactive", "visible",
    ])
    GRADIO3_AND_4_EVENTS = ("change", "input", "select")
    DEFAULT_VALUE = False

    def preprocess(self, payload):
        return None if payload is None else bool(payload)

    def postprocess(self, value):
        return None if value is None else bool(value)
