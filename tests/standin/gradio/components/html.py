"""gr.HTML: a string inserted as HTML by the browser, passed through untouched."""
from .base import Component


class HTML(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "label", "every", "show_label", "visible", "elem_id", "elem_classes", "render",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset(["value", "label", "show_label", "visible"])
    GRADIO3_AND_4_EVENTS = ("change",)
    DEFAULT_VALUE = ""
