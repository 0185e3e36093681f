"""gr.Error: raised in a handler, it reaches the user as a message instead of a crash."""


class Error(Exception):
    """Shown by Gradio as an error toast with this message (both 3.41 and 4.x)."""

    def __init__(self, message: str = "Error raised."):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return repr(self.message)
