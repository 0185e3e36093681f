"""gr.update(): the dict a handler returns to change an output's properties, not only its value.

Both Gradio 3.41 and 4.x have gr.update(). Component-specific `gr.Textbox.update(...)` is 3.x
only, so the stand-in's components have no `.update` and an extension using it fails here too.
"""


def update(**kwargs) -> dict:
    return {"__type__": "update", **kwargs}


def is_update(value) -> bool:
    # Gradio 3.41's own gr.update() is tagged "generic_update"; accept both spellings.
    return isinstance(value, dict) and value.get("__type__") in ("update", "generic_update")


def properties(update_dict: dict) -> dict:
    """The properties an update sets (without its __type__ tag)."""
    return {k: v for k, v in update_dict.items() if k != "__type__"}
