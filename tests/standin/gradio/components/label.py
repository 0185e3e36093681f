"""gr.Label: a class name, or {name: confidence} shown as the top classes."""
from .base import Component


class Label(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "num_top_classes", "label", "every", "show_label", "container", "scale", "min_width", "visible",
        "elem_id", "elem_classes", "render", "color",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset(["value", "label", "show_label", "container", "scale", "min_width",
                                             "visible", "color"])
    GRADIO3_AND_4_EVENTS = ("change", "select")

    def postprocess(self, value):
        if value is None or value == {}:
            return {}
        if isinstance(value, (str, int, float)):
            return {"label": str(value)}
        if isinstance(value, dict):
            ranked = sorted(value.items(), key=lambda item: item[1], reverse=True)
            top = self.props.get("num_top_classes")
            ranked = ranked[:top] if top is not None else ranked
            return {"label": ranked[0][0],
                    "confidences": [{"label": name, "confidence": confidence} for name, confidence in ranked]}
        raise ValueError(f"{self!r}: a Label takes a str, a number or a {{class: confidence}} dict")
