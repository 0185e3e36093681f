"""gr.Blocks: the container an extension's tab is built in, and the recorder of its events.

Event listeners register on the outermost Blocks being defined. A1111 builds each on_ui_tabs
Blocks on its own, then calls `render()` inside a Tab of its demo: the children move into that
Tab and the dependencies (and the stand-in's warnings) move to the demo, as in Gradio.
"""
from . import context, events, portability
from .block import BlockContext, DuplicateBlockError


class Blocks(BlockContext):
    GRADIO3_AND_4_KWARGS = frozenset(["theme", "analytics_enabled", "mode", "title", "css"])

    def __init__(self, **kwargs):
        self.dependencies = []
        self.portability_warnings = []
        self.value_errors = []
        self._outer_root = None
        super().__init__(render=False)
        with portability.recording_into(self):
            self._record_kwargs(kwargs)

    def __enter__(self):
        self._outer_root = context.root_block
        if context.block is None:
            context.root_block = self
        return super().__enter__()

    def __exit__(self, exc_type, exc, tb):
        super().__exit__(exc_type, exc, tb)
        if context.root_block is self:
            if exc_type is None:
                self._attach_load_events()
            context.root_block = self._outer_root
        elif exc_type is None and context.block is not None:
            self.render()  # a Blocks nested in another one hands its children to the outer container
        return False

    def _attach_load_events(self):
        """A callable initial value also runs on every page load (both Gradio versions do this)."""
        for block in self.descendants():
            if getattr(block, "load_fn", None) is not None and not getattr(block, "_load_attached", False):
                block._load_attached = True
                events.listen(self, "load", block.load_fn, None, block, queue=False)

    def load(self, fn, inputs=None, outputs=None, api_name=None, **options):
        """Run `fn` when the page loads (an instance method in both versions; gr.load() is unrelated)."""
        return events.listen(self, "load", fn, inputs, outputs, api_name, **options)

    def render(self):
        root = context.root_block
        if any(child.parent is not self for child in self.children):
            raise DuplicateBlockError("At least one block in this Blocks has already been rendered.")
        if root is not None and root is not self:
            root.dependencies.extend(self.dependencies)
            root.portability_warnings.extend(self.portability_warnings)
            root.value_errors.extend(self.value_errors)
        if context.block is not None:
            for child in self.children:
                child.parent = context.block
            context.block.children.extend(self.children)
        return self

    def descendants(self):
        """Every block under this one, depth first."""
        pending = list(reversed(self.children))
        while pending:
            block = pending.pop()
            yield block
            pending.extend(reversed(getattr(block, "children", [])))

    def queue(self, *args, **kwargs):
        return self

    def close(self):
        pass
