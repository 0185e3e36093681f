"""Callback registry with A1111's names and semantics.

Each dispatcher runs every callback of its kind, reports a failing one with its traceback and
goes on with the next, so one broken extension never stops the WebUI.
"""
import inspect
import os
from collections import namedtuple

from modules import errors

ScriptCallback = namedtuple("ScriptCallback", ["script", "callback", "name"])


class ImageSaveParams:
    def __init__(self, image, p, filename, pnginfo):
        self.image = image
        self.p = p
        self.filename = filename
        self.pnginfo = pnginfo


callback_map = dict(
    callbacks_app_started=[],
    callbacks_model_loaded=[],
    callbacks_ui_tabs=[],
    callbacks_ui_settings=[],
    callbacks_before_image_saved=[],
    callbacks_image_saved=[],
    callbacks_script_unloaded=[],
    callbacks_before_ui=[],
    callbacks_on_reload=[],
)


def clear_callbacks():
    for callback_list in callback_map.values():
        callback_list.clear()


def _registering_file():
    frame = inspect.currentframe()
    while frame is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back
    return frame.f_code.co_filename if frame is not None else "unknown file"


def _add_callback(callbacks, fun, *, name, category):
    from modules import extensions

    filename = _registering_file()
    extension = extensions.find_extension(filename)
    base_name = f"{extension.canonical_name if extension else 'base'}/{os.path.basename(filename)}/{category}"
    if name is not None:
        base_name += f"/{name}"
    unique_name, index = base_name, 0
    while any(c.name == unique_name for c in callbacks):
        index += 1
        unique_name = f"{base_name}-{index}"
    callbacks.append(ScriptCallback(filename, fun, unique_name))


def _report(callback, job):
    errors.report(f"Error executing callback {job} for {callback.script}", exc_info=True)


def _run_all(key, job, *args, reverse=False):
    callbacks = callback_map[key]
    for c in (reversed(callbacks) if reverse else list(callbacks)):
        try:
            c.callback(*args)
        except Exception:
            _report(c, job)


def app_started_callback(demo, app):
    _run_all("callbacks_app_started", "app_started_callback", demo, app)


def app_reload_callback():
    _run_all("callbacks_on_reload", "callbacks_on_reload")


def model_loaded_callback(sd_model):
    _run_all("callbacks_model_loaded", "model_loaded_callback", sd_model)


def ui_tabs_callback():
    res = []
    for c in callback_map["callbacks_ui_tabs"]:
        try:
            res += c.callback() or []
        except Exception:
            _report(c, "ui_tabs_callback")
    return res


def ui_settings_callback():
    _run_all("callbacks_ui_settings", "ui_settings_callback")


def before_image_saved_callback(params: ImageSaveParams):
    _run_all("callbacks_before_image_saved", "before_image_saved_callback", params)


def image_saved_callback(params: ImageSaveParams):
    _run_all("callbacks_image_saved", "image_saved_callback", params)


def script_unloaded_callback():
    _run_all("callbacks_script_unloaded", "script_unloaded", reverse=True)


def before_ui_callback():
    _run_all("callbacks_before_ui", "before_ui", reverse=True)


def remove_current_script_callbacks():
    filename = _registering_file()
    for callback_list in callback_map.values():
        for c in [c for c in callback_list if c.script == filename]:
            callback_list.remove(c)


def remove_callbacks_for_function(callback_func):
    for callback_list in callback_map.values():
        for c in [c for c in callback_list if c.callback == callback_func]:
            callback_list.remove(c)


def on_app_started(callback, *, name=None):
    """callback(demo: gr.Blocks | None, app: FastAPI), after the API is set up; demo is None with --nowebui."""
    _add_callback(callback_map["callbacks_app_started"], callback, name=name, category="app_started")


def on_before_reload(callback, *, name=None):
    """callback(), before Reload UI."""
    _add_callback(callback_map["callbacks_on_reload"], callback, name=name, category="on_reload")


def on_model_loaded(callback, *, name=None):
    """callback(sd_model), when the checkpoint is (re)loaded."""
    _add_callback(callback_map["callbacks_model_loaded"], callback, name=name, category="model_loaded")


def on_ui_tabs(callback, *, name=None):
    """callback() -> None or a list of (component, title, elem_id); runs in ui.create_ui()."""
    _add_callback(callback_map["callbacks_ui_tabs"], callback, name=name, category="ui_tabs")


def on_ui_settings(callback, *, name=None):
    """callback(), where shared.opts.add_option(...) belongs; runs in ui.create_ui()."""
    _add_callback(callback_map["callbacks_ui_settings"], callback, name=name, category="ui_settings")


def on_before_image_saved(callback, *, name=None):
    """callback(ImageSaveParams), only when an image is saved to disk."""
    _add_callback(callback_map["callbacks_before_image_saved"], callback, name=name, category="before_image_saved")


def on_image_saved(callback, *, name=None):
    """callback(ImageSaveParams), after an image is saved to disk (never for default API calls)."""
    _add_callback(callback_map["callbacks_image_saved"], callback, name=name, category="image_saved")


def on_script_unloaded(callback, *, name=None):
    """callback(), before scripts are reloaded (the stand-in also calls it on SIGTERM/SIGINT)."""
    _add_callback(callback_map["callbacks_script_unloaded"], callback, name=name, category="script_unloaded")


def on_before_ui(callback, *, name=None):
    """callback(), before the UI is created."""
    _add_callback(callback_map["callbacks_before_ui"], callback, name=name, category="before_ui")
