"""gr.State: a Python object kept on the server for the session, never sent to the browser.

Event results show None for a State output, as Gradio sends nothing for it.
"""
from .. import portability
from .base import Component


class State(Component):
    GRADIO3_AND_4_KWARGS = frozenset(["value"])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset()
    ONE_VERSION_EVENTS = {"change": "Gradio 4.x only"}
    stateful = True

    def warn_update_kwargs(self, properties: dict):
        portability.warn(self, "update_kwarg", "gr.update() on a State: Gradio 3.41 ignores it", name="value")
