"""The arguments a handler receives: the preprocessed inputs, plus what Gradio slips in by signature.

Gradio looks at the handler's positional parameters: one annotated with an EventData class
(gr.SelectData) receives the event payload at that position, one defaulting to gr.Progress()
receives a tracker, and a trailing parameter with a default fills in when inputs run out.
"""
import inspect
import typing

from ..event_data import EventData
from ..progress import Progress


def _type_hints(fn):
    target = fn if inspect.isfunction(fn) or inspect.ismethod(fn) else getattr(fn, "__call__", fn)
    try:
        return typing.get_type_hints(target)
    except Exception:  # an annotation that does not resolve is simply not a special one
        return {}


def _positional_parameters(fn):
    positional = []
    for parameter in inspect.signature(fn).parameters.values():
        if parameter.kind not in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD):
            break
        positional.append(parameter)
    return positional


def build(fn, inputs, target, event_data):
    """The positional argument list for `fn`; event_data is the raw payload dict or None."""
    arguments = list(inputs)
    hints = _type_hints(fn)
    for index, parameter in enumerate(_positional_parameters(fn)):
        hint = hints.get(parameter.name)
        if isinstance(parameter.default, Progress):
            arguments.insert(index, Progress())
        elif inspect.isclass(hint) and issubclass(hint, EventData):
            if event_data is not None:
                arguments.insert(index, hint(target, event_data))
        elif parameter.default is not parameter.empty and len(arguments) <= index:
            arguments.insert(index, parameter.default)
    return arguments
