"""Component: a block with a value, event listeners, and Gradio's pre/post-processing.

`value` is kept in wire form, what Gradio would send to the browser (JSON-ready); `preprocess`
turns a wire value into what the handler receives, `postprocess` a handler's return into wire
form. A callable `value` is called once at construction and again on every page load, exactly
as Gradio 3.41 and 4.x do.
"""
from ..block import BLOCK_KWARGS, Block


class Component(Block):
    POSITIONAL = ("value",)
    DEFAULT_VALUE = None
    # State keeps Python objects server-side; everything else holds JSON-ready wire values.
    stateful = False
    # What an unset `interactive` means before Gradio infers it from the events (Button: True).
    DEFAULT_INTERACTIVE = None

    def __init__(self, *args, **kwargs):
        given = self._bind_positional(args, kwargs)
        super().__init__(**{k: given[k] for k in BLOCK_KWARGS if k in given})
        self._record_kwargs(given, known=BLOCK_KWARGS + ("value",))
        self.configure()
        value = given.get("value", self.DEFAULT_VALUE)
        self.load_fn = None
        if callable(value):
            self.load_fn, value = value, value()
        self.value = self.postprocess(value)
        self.check_value(self.value)

    def configure(self):
        """Hook: check or derive properties once they are recorded (choices, headers...)."""

    @property
    def label(self):
        return self.props.get("label")

    @property
    def interactive(self):
        return self.props.get("interactive")

    def check_value(self, payload):
        """Hook: record a value Gradio would not show as given (see portability.value_error)."""

    def preprocess(self, payload):
        return payload

    def postprocess(self, value):
        return value

    def apply_update(self, properties: dict):
        properties = dict(properties)
        value_changes = "value" in properties
        if value_changes:
            self.value = properties.pop("value")
        super().apply_update(properties)
        if value_changes or "choices" in properties:
            self.check_value(self.value)
