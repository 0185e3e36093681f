"""Layout containers: Row, Column, Group, Tabs, Tab (alias TabItem) and Accordion.

Their common keyword sets are short: in Gradio 3.41 most layout options (elem_classes,
equal_height, a Tab's visible...) only pass through **kwargs or have no effect.
"""
from .block import BLOCK_KWARGS, BlockContext


class Layout(BlockContext):
    REQUIRED = ()

    def __init__(self, *args, **kwargs):
        given = self._bind_positional(args, kwargs)
        missing = [name for name in self.REQUIRED if name not in given]
        if missing:
            raise TypeError(f"{type(self).__name__}() missing required argument {missing[0]!r}")
        super().__init__(**{k: given[k] for k in BLOCK_KWARGS if k in given})
        self._record_kwargs(given, known=BLOCK_KWARGS)

    @property
    def label(self):
        return self.props.get("label")


class Row(Layout):
    GRADIO3_AND_4_KWARGS = frozenset(["variant", "visible", "elem_id"])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset(["visible"])


class Column(Layout):
    GRADIO3_AND_4_KWARGS = frozenset(["scale", "min_width", "variant", "visible", "elem_id"])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset(["variant", "visible"])


class Group(Layout):
    GRADIO3_AND_4_KWARGS = frozenset(["visible", "elem_id"])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset(["visible"])


class Tabs(Layout):
    GRADIO3_AND_4_KWARGS = frozenset(["selected", "visible", "elem_id"])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset(["selected"])
    GRADIO3_AND_4_EVENTS = ("change", "select")


class Tab(Layout):
    POSITIONAL = ("label",)
    REQUIRED = ("label",)  # optional only since Gradio 4
    GRADIO3_AND_4_KWARGS = frozenset(["label", "id", "elem_id"])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset()  # Tab became updatable in Gradio 3.45
    GRADIO3_AND_4_EVENTS = ("select",)


TabItem = Tab


class Accordion(Layout):
    POSITIONAL = ("label",)
    REQUIRED = ("label",)
    GRADIO3_AND_4_KWARGS = frozenset(["label", "open", "visible", "elem_id"])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset(["open", "label", "visible"])
    ONE_VERSION_EVENTS = {"expand": "Gradio 4.x only", "collapse": "Gradio 4.x only"}
