"""From a handler's return value to its outputs: Gradio's mapping, postprocessing and wire form.

One output takes the value as is; several take a tuple/list (too few values is an error, extra
ones are ignored); a dict keyed by components sets just those. A gr.update() dict changes
properties and postprocesses its "value". Returning a component instance as an update is Gradio
4 only, so it fails here.
"""
from ..block import Block
from ..components.base import Component
from ..jsonable import jsonable
from ..updates import is_update, properties, update


def as_list(dependency, result) -> list:
    outputs = dependency.outputs
    if isinstance(result, dict) and result and any(isinstance(key, Block) for key in result):
        if not all(isinstance(key, Block) for key in result):
            raise ValueError("Returned dictionary included some keys as Components. Either all keys must be "
                             "Components to assign Component values, or return a List of values.")
        values = [update() for _ in outputs]
        for block, value in result.items():
            if block not in outputs:
                raise ValueError(f"Returned component {block!r} not specified as output of function.")
            values[outputs.index(block)] = value
        return values
    if len(outputs) <= 1:
        return [result][:len(outputs)]
    if not isinstance(result, (list, tuple)) or len(result) < len(outputs):
        received = len(result) if isinstance(result, (list, tuple)) else 1
        raise ValueError(f"An event handler ({dependency.fn_name}) didn't receive enough output values "
                         f"(needed: {len(outputs)}, received: {received}).")
    return list(result[:len(outputs)])


def process(block, value, postprocess=True):
    """(kind, payload) for one output: ("update", properties), ("value", wire value) or ("skip", None)."""
    if isinstance(value, Block):
        raise TypeError(f"the handler returned the component {value!r} for {block!r}: returning components as "
                        "updates is Gradio 4 only; return gr.update(...) instead")
    if is_update(value):
        changes = properties(value)
        block.warn_update_kwargs(changes)
        if getattr(block, "stateful", False):
            return "skip", None  # Gradio 3.41 ignores an update sent to a State
        if "value" in changes and postprocess:
            changes["value"] = block.postprocess(changes["value"])
        return "update", changes
    if not isinstance(block, Component):
        raise ValueError(f"{block!r} is not a valid output component; a layout only takes gr.update(...)")
    return "value", (block.postprocess(value) if postprocess else value)


def apply(block, kind, payload):
    if kind == "update":
        block.apply_update(payload)
    elif kind == "value":
        block.apply_update({"value": payload})


def to_wire(block, kind, payload):
    """What the browser would receive for this output (nothing for a State)."""
    if kind == "skip" or getattr(block, "stateful", False):
        return None
    if kind == "update":
        return {"__type__": "update", **jsonable(payload)}
    return jsonable(payload)
