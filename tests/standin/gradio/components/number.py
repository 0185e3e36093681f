"""gr.Number: a float, or an int when precision=0, rounded to `precision` digits."""
from .base import Component


class Number(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "label", "info", "every", "show_label", "container", "scale", "min_width", "interactive",
        "visible", "elem_id", "elem_classes", "render", "precision", "minimum", "maximum",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset([
        "value", "label", "info", "show_label", "container", "scale", "min_width", "interactive", "visible",
    ])
    GRADIO3_AND_4_EVENTS = ("change", "input", "submit", "focus", "blur")

    def _round(self, number):
        if number is None:
            return None
        precision = self.props.get("precision")
        if precision is None:
            return float(number)
        if precision == 0:
            return int(round(float(number), 0))
        return round(float(number), precision)

    def preprocess(self, payload):
        return self._round(payload)

    def postprocess(self, value):
        return self._round(value)
