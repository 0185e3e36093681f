"""create_ui(): the callback order of A1111's UI construction, without drawing anything.

Gradio is not required here; an extension whose on_ui_tabs imports gradio must cope with its
absence itself (the dispatcher reports the failure and the WebUI goes on).
"""
from modules import script_callbacks, scripts


class StandinDemo:
    """What create_ui() returns in place of gr.Blocks: the tabs the extensions contributed."""

    def __init__(self, extension_tabs):
        self.extension_tabs = extension_tabs  # [(component, title, elem_id), ...]

    def queue(self, *args, **kwargs):
        return self

    def close(self):
        pass

    def __repr__(self):
        return f"StandinDemo(tabs={[title for _, title, _ in self.extension_tabs]!r})"


def create_ui():
    script_callbacks.ui_settings_callback()

    scripts.scripts_current = scripts.scripts_txt2img
    scripts.scripts_txt2img.initialize_scripts(is_img2img=False)
    scripts.scripts_current = scripts.scripts_img2img
    scripts.scripts_img2img.initialize_scripts(is_img2img=True)
    scripts.scripts_current = None

    extension_tabs = []
    for tab in script_callbacks.ui_tabs_callback():
        if isinstance(tab, (tuple, list)) and len(tab) == 3:
            extension_tabs.append(tuple(tab))
    return StandinDemo(extension_tabs)
