"""create_ui(): the callback order of A1111's UI construction, with the stand-in's recording gradio.

The demo holds only the extensions' tabs, each rendered inside `gr.TabItem(title, id=elem_id,
elem_id=f"tab_{elem_id}")` as A1111 does; nothing is drawn (see gradio/ and standin_ui_api.py).
"""
import gradio as gr
from gradio import media

from modules import extensions, script_callbacks, scripts

# A1111 throws create_ui()'s result away under --nowebui (its Api builds the UI only to set up the
# scripts); the stand-in keeps the last demo built so /standin/gradio can show it in both modes.
last_built_demo = None


def _extension_tabs():
    tabs = []
    for tab in script_callbacks.ui_tabs_callback():
        if isinstance(tab, (tuple, list)) and len(tab) == 3:
            tabs.append(tuple(tab))
    return tabs


def create_ui():
    global last_built_demo

    script_callbacks.ui_settings_callback()

    scripts.scripts_current = scripts.scripts_txt2img
    scripts.scripts_txt2img.initialize_scripts(is_img2img=False)
    scripts.scripts_current = scripts.scripts_img2img
    scripts.scripts_img2img.initialize_scripts(is_img2img=True)
    scripts.scripts_current = None

    media.roots_inside_webui[:] = [extension.path for extension in extensions.active()]
    interfaces = _extension_tabs()  # built before the demo, outside any Blocks, as in A1111
    with gr.Blocks(analytics_enabled=False, title="Stable Diffusion") as demo:
        demo.extension_tabs = interfaces
        demo.extension_tab_items = []
        with gr.Tabs(elem_id="tabs"):
            for interface, label, ifid in interfaces:
                with gr.TabItem(label, id=ifid, elem_id=f"tab_{ifid}") as tab:
                    interface.render()
                demo.extension_tab_items.append((tab, label, ifid))

    last_built_demo = demo
    return demo
