"""gr.Button: its value is its label; `click` is its event."""
from .. import portability
from .base import Component

VARIANTS = ("primary", "secondary", "stop")
SIZES = (None, "sm", "lg")


class Button(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "variant", "size", "icon", "link", "visible", "interactive", "elem_id", "elem_classes",
        "render", "scale", "min_width",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset([
        "value", "variant", "size", "icon", "link", "visible", "interactive", "scale", "min_width",
    ])
    GRADIO3_AND_4_EVENTS = ("click",)
    DEFAULT_VALUE = "Run"
    DEFAULT_INTERACTIVE = True

    def configure(self):
        if self.props.get("variant", "secondary") not in VARIANTS:
            portability.warn(self, "kwarg_value", f"variant={self.props['variant']!r}: only {VARIANTS} exist "
                                                  "in both versions", name="variant")
        if self.props.get("size") not in SIZES:
            portability.warn(self, "kwarg_value", f"size={self.props['size']!r}: only 'sm' and 'lg' exist in "
                                                  "both versions", name="size")

    def postprocess(self, value):
        return None if value is None else str(value)
