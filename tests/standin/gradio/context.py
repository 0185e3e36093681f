"""Where the Blocks being defined right now is, as Gradio's Context tracks it.

`root_block` receives every event listener, so listeners attached outside any `with gr.Blocks()`
fail, exactly as in Gradio 3.41 and 4.x. `block` is the container new children go into.
"""
import itertools

root_block = None
block = None

_ids = itertools.count(1)


def next_id() -> int:
    """Process-wide, increasing component ids, as Gradio numbers its blocks."""
    return next(_ids)
