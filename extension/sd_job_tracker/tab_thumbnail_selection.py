"""Keeping a click on a thumbnail able to open its job.

Gradio's Gallery dispatches `select` only when its selected index changes, keeps that index when
its value is replaced by one at least as long, and forgets it only when the value is emptied
(gradio 3.41.2 js/gallery/static/Gallery.svelte:37-73,124-134; 4.40.0 js/gallery/shared/
Gallery.svelte:43-78,117-126). So after thumbnail A opened its job, opening job B another way, or a
refresh that moves the jobs, leaves A selected, and a click on A, or on whatever job now sits at
A's place, does nothing. Whenever that can happen the tab empties the gallery (which forgets the
selection) and a chained event puts the same thumbnails back from the page state.

Page state keys used here: "thumbs" ([[path or None, caption], ...] of the page shown),
"thumb_selected" (the index the gallery holds, or None) and "restore" (the gallery was emptied).
"""
from pathlib import Path

import gradio as gr

from . import thumbnails


def gallery(items):
    """The gallery value for [[thumbnail path or None, caption], ...]."""
    return [(thumbnails.load(Path(path) if path else None), caption) for path, caption in items]


def selected(state, index):
    """The page state once thumbnail `index` is selected in the browser."""
    return {**_as_dict(state), "thumb_selected": index if isinstance(index, int) else None}


def forget_selection(state, replacement=None):
    """(gallery output, page state) for an event after which the gallery's selection would be stale.

    `replacement` is the new gallery value, or None to keep the thumbnails shown (then nothing is
    sent unless a thumbnail is selected)."""
    state = _as_dict(state)
    if state.get("thumb_selected") is None:
        return (gr.update() if replacement is None else replacement), state
    return [], {**state, "thumb_selected": None, "restore": True}


def restore(state):
    """(gallery output, page state): the thumbnails back after forget_selection emptied the gallery."""
    state = _as_dict(state)
    if not state.get("restore"):
        return gr.update(), state
    return gallery(state.get("thumbs", [])), {**state, "restore": False}


def _as_dict(state):
    return dict(state) if isinstance(state, dict) else {}
