"""Block and BlockContext: what every component and layout shares in Gradio.

A block gets an id, may carry an elem_id, and is appended to the container being defined when
it is created (unless render=False). Containers are context managers, as in Gradio.
"""
from . import context, portability
from .events import EventListener

BLOCK_KWARGS = ("elem_id", "elem_classes", "visible", "render")


class DuplicateBlockError(ValueError):
    """A block rendered twice, which Gradio refuses."""


class Block:
    POSITIONAL = ()
    # The constructor keywords Gradio 3.41 and Gradio 4.x both accept (overridden per class).
    GRADIO3_AND_4_KWARGS = frozenset()
    # The properties gr.update() may set on this block in both versions.
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset(["visible"])
    # Events both Gradio 3.41 and 4.x offer on this block, and those only one offers (name -> why).
    GRADIO3_AND_4_EVENTS = ()
    ONE_VERSION_EVENTS = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in cls.GRADIO3_AND_4_EVENTS:
            setattr(cls, name, EventListener(name))
        for name, note in cls.ONE_VERSION_EVENTS.items():
            setattr(cls, name, EventListener(name, note))

    def __init__(self, *, elem_id=None, elem_classes=None, visible=True, render=True):
        self.id = context.next_id()
        self.elem_id = elem_id
        self.elem_classes = [elem_classes] if isinstance(elem_classes, str) else list(elem_classes or [])
        self.visible = visible
        self.parent = None
        self.props = {}
        if render:
            self.render()

    def _bind_positional(self, args, kwargs):
        """All arguments by name; the positional ones in POSITIONAL order, as Gradio's signatures have them."""
        if len(args) > len(self.POSITIONAL):
            raise TypeError(f"{type(self).__name__}() takes {len(self.POSITIONAL)} positional arguments "
                            f"({', '.join(self.POSITIONAL)}) but {len(args)} were given")
        given = dict(kwargs)
        for name, value in zip(self.POSITIONAL, args):
            if name in given:
                raise TypeError(f"{type(self).__name__}() got multiple values for argument {name!r}")
            given[name] = value
        return given

    def _record_kwargs(self, given: dict, known=()):
        """Keep every keyword as a property and warn for the ones outside the common set."""
        portability.check_kwargs(self, given, self.GRADIO3_AND_4_KWARGS)
        for name, value in given.items():
            if name not in known:
                self.props[name] = value

    def render(self):
        """Append this block to the container being defined (what `render=True` does at creation)."""
        if context.block is not None:
            if self.parent is not None:
                raise DuplicateBlockError(f"{portability.describe(self)} has already been rendered.")
            context.block.children.append(self)
            self.parent = context.block
        return self

    def warn_if_input_differs(self):
        """Hook: warn when this block, used as an event input, reaches handlers differently per version."""

    def unrender(self):
        if self.parent is not None:
            self.parent.children.remove(self)
            self.parent = None
        return self

    def apply_update(self, properties: dict):
        """Set the properties a gr.update() carried (value handling is the components' business)."""
        for name, value in properties.items():
            if name in ("visible", "elem_id"):
                setattr(self, name, value)
            elif name == "elem_classes":
                self.elem_classes = [value] if isinstance(value, str) else list(value or [])
            else:
                self.props[name] = value

    def warn_update_kwargs(self, properties: dict):
        for name in properties:
            if name not in self.GRADIO3_AND_4_UPDATE_KWARGS:
                portability.warn(self, "update_kwarg", f"gr.update({name}=...) for a {type(self).__name__}: "
                                                       f"Gradio 3.41 and 4.x do not both accept it", name=name)

    def __repr__(self):
        return portability.describe(self)


class BlockContext(Block):
    """A container: children created inside its `with` block become its children."""

    def __init__(self, **kwargs):
        self.children = []
        self._outer_block = None
        super().__init__(**kwargs)

    def __enter__(self):
        self._outer_block = context.block
        context.block = self
        return self

    def __exit__(self, exc_type, exc, tb):
        context.block = self._outer_block
        return False
