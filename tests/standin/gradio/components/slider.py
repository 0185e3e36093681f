"""gr.Slider: a number between minimum and maximum (None becomes the minimum, as in Gradio)."""
from .base import Component


class Slider(Component):
    POSITIONAL = ("minimum", "maximum", "value")
    GRADIO3_AND_4_KWARGS = frozenset([
        "minimum", "maximum", "value", "step", "label", "info", "every", "show_label", "container", "scale",
        "min_width", "interactive", "visible", "elem_id", "elem_classes", "render", "randomize",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset([
        "value", "minimum", "maximum", "step", "label", "info", "show_label", "container", "scale", "min_width",
        "interactive", "visible",
    ])
    GRADIO3_AND_4_EVENTS = ("change", "input", "release")

    def postprocess(self, value):
        return self.props.get("minimum", 0) if value is None else value
