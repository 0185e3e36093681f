"""gr.Markdown: text the browser renders as Markdown; the server only dedents it."""
import inspect

from .base import Component


class Markdown(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "rtl", "latex_delimiters", "visible", "elem_id", "elem_classes", "render",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset(["value", "visible"])
    GRADIO3_AND_4_EVENTS = ("change",)
    DEFAULT_VALUE = ""

    def postprocess(self, value):
        if value is None:
            return None
        if not isinstance(value, str):
            raise TypeError(f"{self!r} expects a str, got {type(value).__name__}")
        return inspect.cleandoc(value)  # what both Gradio versions do before sending it
