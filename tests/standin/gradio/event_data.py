"""The event payloads Gradio hands to a handler whose parameter is annotated with their class."""


class EventData:
    """Base of every payload; `target` is the component the event happened on."""

    def __init__(self, target, data):
        self.target = target
        self._data = data


class SelectData(EventData):
    """A select event: `index` (int, or [row, col] in a Dataframe), `value`, `selected`.

    What `value` holds differs by component and version: for a Gallery, Gradio 3.41 sends the
    caption and Gradio 4.x a dict with the image; rely on `index` there.
    """

    def __init__(self, target, data):
        super().__init__(target, data)
        self.index = data["index"]
        self.value = data.get("value")
        self.selected = data.get("selected", True)
