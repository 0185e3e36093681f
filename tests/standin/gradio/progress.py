"""gr.Progress: a handler's `progress=gr.Progress()` default, which Gradio replaces with a tracker.

The stand-in's tracker records the fractions it is given and draws nothing.
"""


class Progress:
    def __init__(self, track_tqdm: bool = False):
        self.track_tqdm = track_tqdm
        self.updates = []

    def __call__(self, progress, desc=None, total=None, unit="steps"):
        self.updates.append((progress, desc))
        return progress

    def tqdm(self, iterable, desc=None, total=None, unit="steps", *args, **kwargs):
        return iterable
