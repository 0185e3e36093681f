"""gr.JSON: any JSON-ready value; a returned str is parsed as JSON first, as Gradio does."""
import json

from .base import Component


class JSON(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "label", "every", "show_label", "container", "scale", "min_width", "visible", "elem_id",
        "elem_classes", "render",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset(["value", "label", "show_label", "container", "scale", "min_width",
                                             "visible"])
    GRADIO3_AND_4_EVENTS = ("change",)

    def postprocess(self, value):
        if isinstance(value, str):
            return json.loads(value)
        json.dumps(value)  # fails here, not in the browser, on what JSON cannot carry
        return value
