"""Running the dependencies of a Blocks as Gradio does when its front end triggers an event.

For one event: read the inputs (given, or the components' current values), preprocess them, call
the handler, map and postprocess its return, store the new values on the components so the next
event sees them, then run the `.then()`/`.success()` chain. A gr.Error becomes the event's
`error`; any other exception propagates to the caller (a bug in the handler, or in the request).
"""
import asyncio
import inspect
import threading

from .. import notices, portability
from ..exceptions import Error
from . import handler_args, outputs


class BadEventRequest(ValueError):
    """The request does not fit the recorded event (unknown trigger, wrong number of inputs...)."""


def _call(fn, arguments):
    if inspect.iscoroutinefunction(fn):
        return asyncio.run(fn(*arguments))
    result = fn(*arguments)
    if inspect.isgenerator(result):  # a streaming handler: the browser ends up with the last update
        last = None
        for last in result:
            pass
        return last
    return result


class EventRunner:
    def __init__(self, blocks):
        self.blocks = blocks
        self._values_lock = threading.Lock()  # handlers run concurrently, as with A1111's queue(64)

    def _starting(self, target, event):
        return [d for d in self.blocks.dependencies
                if d.trigger_after is None and d.event == event and (target is None or d.target is target)]

    def run_event(self, target, event, inputs=None, event_data=None) -> list:
        """Results of every dependency `event` on `target` starts, chains included, in run order."""
        starting = self._starting(target, event)
        if not starting:
            raise BadEventRequest(f"no {event!r} event is registered on {target!r}")
        # A Gallery's front end sends `select` only when the selected index changes (gradio@3.41.2
        # js/gallery/static/Gallery.svelte:124-134, gradio@4.40.0 js/gallery/shared/Gallery.svelte:117-126).
        if event == "select" and hasattr(target, "front_end_selects"):
            index = (event_data or {}).get("index")
            with self._values_lock:
                if not target.front_end_selects(index[0] if isinstance(index, list) else index):
                    return []  # the browser sends nothing
        results = []
        for index, dependency in enumerate(starting):
            self._run_chain(dependency, inputs if index == 0 else None, event_data, results)
        return results

    def run_page_load(self) -> list:
        """What opening the page does: every Blocks.load() event and callable initial value."""
        results = []
        for dependency in self._starting(None, "load"):
            self._run_chain(dependency, None, None, results)
        return results

    def _run_chain(self, dependency, inputs, event_data, results):
        result = self.run_one(dependency, inputs, event_data)
        results.append(result)
        for follower in [d for d in self.blocks.dependencies if d.trigger_after is dependency]:
            if not (follower.only_on_success and result["error"] is not None):
                self._run_chain(follower, None, None, results)

    def run_one(self, dependency, inputs=None, event_data=None) -> dict:
        with portability.recording_into(self.blocks, dependency.fn), notices.collecting() as notes:
            try:
                wire_outputs, error = self._execute(dependency, inputs, event_data), None
            except Error as e:
                wire_outputs, error = None, e.message
        return {
            "fn": dependency.fn_name,
            "event": dependency.event,
            "trigger": {"id": dependency.target.id, "elem_id": dependency.target.elem_id},
            "outputs": wire_outputs,
            "error": error,
            "info": notes["info"],
            "warning": notes["warning"],
        }

    def _execute(self, dependency, inputs, event_data):
        if dependency.options.get("batch"):
            raise NotImplementedError("stand-in: batch=True events are not imitated")
        if inputs is not None and len(inputs) != len(dependency.inputs):
            raise BadEventRequest(f"{dependency.fn_name} takes {len(dependency.inputs)} inputs, got {len(inputs)}")
        with self._values_lock:
            if inputs is not None:  # what the user set in the browser before triggering the event
                for block, payload in zip(dependency.inputs, inputs):
                    block.apply_update({"value": payload})
            payloads = [block.value for block in dependency.inputs]
        if dependency.fn is None:
            return []
        if dependency.options.get("preprocess", True):
            payloads = [block.preprocess(payload) for block, payload in zip(dependency.inputs, payloads)]
        arguments = handler_args.build(dependency.fn, payloads, dependency.target, event_data)
        returned = outputs.as_list(dependency, _call(dependency.fn, arguments))
        postprocess = dependency.options.get("postprocess", True)
        processed = [outputs.process(block, value, postprocess) for block, value in zip(dependency.outputs, returned)]
        with self._values_lock:
            for block, (kind, payload) in zip(dependency.outputs, processed):
                outputs.apply(block, kind, payload)
        return [outputs.to_wire(block, kind, payload) for block, (kind, payload) in zip(dependency.outputs, processed)]
