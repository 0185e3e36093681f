"""gr.Dropdown: one value (a list with multiselect=True) out of `choices`.

(name, value) pairs as choices came to Dropdown in Gradio 3.44, so A1111's 3.41 lacks them.
"""
from .. import portability
from . import choices
from .base import Component


class Dropdown(Component):
    POSITIONAL = ("choices",)
    GRADIO3_AND_4_KWARGS = frozenset([
        "choices", "value", "type", "multiselect", "allow_custom_value", "max_choices", "label", "info", "every",
        "show_label", "container", "scale", "min_width", "interactive", "visible", "elem_id", "elem_classes",
        "render",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset([
        "value", "choices", "label", "info", "show_label", "container", "scale", "min_width", "interactive",
        "visible",
    ])
    GRADIO3_AND_4_EVENTS = ("change", "input", "select", "blur")
    ONE_VERSION_EVENTS = {"focus": "not known in Gradio 3.41's Dropdown", "key_up": "Gradio 4.x only"}

    @property
    def choices(self):
        return self.props.get("choices") or []

    def configure(self):
        self._warn_if_pairs(self.choices)

    def _warn_if_pairs(self, given):
        if choices.has_pairs(given):
            portability.warn(self, "kwarg_value", "Dropdown choices as (name, value) pairs: Gradio 3.41 "
                                                  "has them for Radio only", name="choices")

    def apply_update(self, properties: dict):
        if "choices" in properties:
            self._warn_if_pairs(properties["choices"])
        super().apply_update(properties)

    def check_value(self, payload):
        if self.props.get("allow_custom_value"):
            return
        if self.props.get("multiselect"):
            for value in payload or []:
                choices.check_one(self, value, self.choices)
        else:
            choices.check_one(self, payload, self.choices)

    def preprocess(self, payload):
        if self.props.get("type", "value") != "index":
            return payload
        if self.props.get("multiselect"):
            return [choices.to_index(value, self.choices) for value in payload or []]
        return choices.to_index(payload, self.choices)
