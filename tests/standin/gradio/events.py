"""Event listeners (`button.click(fn, inputs, outputs)`) and the dependencies they record.

A listener registers a Dependency on the Blocks being defined, as Gradio does; outside any
`with gr.Blocks()` it raises, in both Gradio 3.41 and 4.x. `.then()` and `.success()` chain a
dependency that runs after this one (always, or only when it raised no error).
"""
from . import context, portability

# Listener keywords both Gradio 3.41 and 4.x accept.
GRADIO3_AND_4_LISTENER_KWARGS = frozenset([
    "fn", "inputs", "outputs", "api_name", "scroll_to_output", "show_progress", "queue", "batch",
    "max_batch_size", "preprocess", "postprocess", "cancels", "every",
])
# Listener keywords only one of them accepts: passing one fails on the other version.
ONE_VERSION_LISTENER_KWARGS = {
    "_js": "Gradio 3.x only (Gradio 4 renamed it `js`)",
    "status_tracker": "Gradio 3.x only",
    "js": "Gradio 4.x only (Gradio 3.41 calls it `_js`)",
    "trigger_mode": "Gradio 4.x only",
    "concurrency_limit": "Gradio 4.x only",
    "concurrency_id": "Gradio 4.x only",
    "show_api": "Gradio 4.x only",
}
SHOW_PROGRESS_VALUES = ("full", "minimal", "hidden")


class Dependency:
    """One registered event: what triggers it, the handler, its inputs and outputs."""

    def __init__(self, target, event, fn, inputs, outputs, options, *, trigger_after=None, only_on_success=False):
        self.target = target
        self.event = event
        self.fn = fn
        self.inputs = inputs
        self.outputs = outputs
        self.options = options
        self.js = options.get("js", options.get("_js"))
        self.trigger_after = trigger_after
        self.only_on_success = only_on_success

    def then(self, fn, inputs=None, outputs=None, api_name=None, **options):
        """Runs after this dependency, whether it succeeded or not."""
        return listen(self.target, "then", fn, inputs, outputs, api_name, trigger_after=self, **options)

    def success(self, fn, inputs=None, outputs=None, api_name=None, **options):
        """Runs after this dependency only if it raised no error."""
        return listen(self.target, "success", fn, inputs, outputs, api_name, trigger_after=self,
                      only_on_success=True, **options)

    @property
    def fn_name(self):
        return getattr(self.fn, "__name__", repr(self.fn)) if self.fn is not None else None


def _as_list(blocks, what):
    if blocks is None:
        return []
    if isinstance(blocks, set):
        raise NotImplementedError(f"stand-in: a set of {what} (dict-style handlers) is not imitated; pass a list")
    if isinstance(blocks, (list, tuple)):
        return list(blocks)
    return [blocks]


def _check_options(target, options):
    for name in options:
        if name in ONE_VERSION_LISTENER_KWARGS:
            portability.warn(target, "listener_kwarg", f"event listener keyword `{name}` is "
                                                       f"{ONE_VERSION_LISTENER_KWARGS[name]}", name=name)
        elif name not in GRADIO3_AND_4_LISTENER_KWARGS:
            raise TypeError(f"event listener got an unexpected keyword argument {name!r}")
    show_progress = options.get("show_progress")
    if show_progress is not None and show_progress not in SHOW_PROGRESS_VALUES:
        portability.warn(target, "listener_kwarg", f"show_progress={show_progress!r}: only "
                                                   f"{SHOW_PROGRESS_VALUES} mean the same in both versions",
                         name="show_progress")


def listen(target, event, fn, inputs=None, outputs=None, api_name=None, *, trigger_after=None,
           only_on_success=False, **options):
    """Register a dependency on the Blocks being defined and return it."""
    root = context.root_block
    if root is None:
        raise AttributeError(f"Cannot call {event}() outside of a gradio.Blocks context.")
    if fn is not None and not callable(fn):
        raise TypeError(f"{event}() needs a callable (or None) as fn, got {fn!r}")
    _check_options(target, options)
    options["api_name"] = api_name
    inputs, outputs = _as_list(inputs, "inputs"), _as_list(outputs, "outputs")
    for component in inputs:
        component.warn_if_input_differs()
    dependency = Dependency(target, event, fn, inputs, outputs, options,
                            trigger_after=trigger_after, only_on_success=only_on_success)
    root.dependencies.append(dependency)
    return dependency


class EventListener:
    """`component.<event>(fn, inputs, outputs, ...)`; `note` says why it is not in both versions."""

    def __init__(self, name, note=None):
        self.name = name
        self.note = note

    def __get__(self, block, owner=None):
        if block is None:
            return self
        name, note = self.name, self.note

        def listener(fn, inputs=None, outputs=None, api_name=None, **options):
            if note:
                portability.warn(block, "event", f"{type(block).__name__}.{name}() is {note}", name=name)
            return listen(block, name, fn, inputs, outputs, api_name, **options)

        listener.__name__ = name
        return listener
