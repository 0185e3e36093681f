"""gr.Radio: one value out of `choices` (plain values or (name, value) pairs in both versions)."""
from . import choices
from .base import Component


class Radio(Component):
    POSITIONAL = ("choices",)
    GRADIO3_AND_4_KWARGS = frozenset([
        "choices", "value", "type", "label", "info", "every", "show_label", "container", "scale", "min_width",
        "interactive", "visible", "elem_id", "elem_classes", "render",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset([
        "value", "choices", "label", "info", "show_label", "container", "scale", "min_width", "interactive",
        "visible",
    ])
    GRADIO3_AND_4_EVENTS = ("change", "input", "select")

    @property
    def choices(self):
        return self.props.get("choices") or []

    def check_value(self, payload):
        choices.check_one(self, payload, self.choices)

    def preprocess(self, payload):
        if self.props.get("type", "value") == "index":
            return choices.to_index(payload, self.choices)
        return payload
