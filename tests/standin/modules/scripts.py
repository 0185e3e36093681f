"""Extension scripts: the Script base class, the runners, and load_scripts() importing scripts/*.py.

The stand-in calls no Script.ui() (there is no real Gradio), so scripts get no UI arguments:
args_from == args_to == 1 and always-on hooks receive only `p` (plus `processed` for postprocess).
"""
import inspect
import os
import sys
from collections import namedtuple

from modules import errors, extensions, paths, script_callbacks, script_loading

AlwaysVisible = object()

ScriptClassData = namedtuple("ScriptClassData", ["script_class", "path", "basedir", "module"])
ScriptFile = namedtuple("ScriptFile", ["basedir", "filename", "path"])

scripts_data = []
current_basedir = paths.script_path


def basedir():
    """The folder of the extension whose script is being imported right now (only valid during import)."""
    return current_basedir


class Script:
    name = None
    section = None
    filename = None
    args_from = None
    args_to = None
    alwayson = False
    is_txt2img = False
    is_img2img = False
    tabname = None
    group = None
    create_group = True
    api_info = None
    infotext_fields = None
    paste_field_names = None
    sorting_priority = 0

    def title(self):
        raise NotImplementedError()

    def ui(self, is_img2img):
        pass

    def show(self, is_img2img):
        return True

    def run(self, p, *args):
        pass

    def setup(self, p, *args):
        pass

    def before_process(self, p, *args):
        pass

    def process(self, p, *args):
        pass

    def postprocess(self, p, processed, *args):
        pass

    def describe(self):
        return ""

    def elem_id(self, item_id):
        return f"script_{self.tabname}_{item_id}"


class ScriptRunner:
    def __init__(self):
        self.scripts = []
        self.selectable_scripts = []
        self.alwayson_scripts = []
        self.inputs = [None]
        self.initialized = False

    def initialize_scripts(self, is_img2img):
        self.initialized = True
        self.scripts.clear()
        self.alwayson_scripts.clear()
        self.selectable_scripts.clear()
        for data in scripts_data:
            try:
                script = data.script_class()
            except Exception:
                errors.report(f"Error # failed to initialize Script {data.module}: ", exc_info=True)
                continue
            script.filename = data.path
            script.is_txt2img = not is_img2img
            script.is_img2img = is_img2img
            script.tabname = "img2img" if is_img2img else "txt2img"
            script.args_from = script.args_to = 1
            visibility = script.show(script.is_img2img)
            if visibility is AlwaysVisible:
                script.alwayson = True
                self.scripts.append(script)
                self.alwayson_scripts.append(script)
            elif visibility:
                self.scripts.append(script)
                self.selectable_scripts.append(script)

    def _each_alwayson(self, hook, p, *extra):
        for script in self.alwayson_scripts:
            try:
                script_args = (p.script_args or ())[script.args_from:script.args_to]
                getattr(script, hook)(p, *extra, *script_args)
            except Exception:
                errors.report(f"Error running {hook}: {script.filename}", exc_info=True)

    def setup_scrips(self, p, *, is_ui=True):
        self._each_alwayson("setup", p)

    def before_process(self, p):
        self._each_alwayson("before_process", p)

    def process(self, p):
        self._each_alwayson("process", p)

    def postprocess(self, p, processed):
        self._each_alwayson("postprocess", p, processed)

    def run(self, p, *args):
        script_index = args[0]
        if script_index == 0 or script_index is None:
            return None
        script = self.selectable_scripts[script_index - 1]
        return script.run(p, *args[script.args_from:script.args_to])


scripts_txt2img = ScriptRunner()
scripts_img2img = ScriptRunner()
scripts_current = None


def list_scripts(extension_dirs):
    """scripts/*.py of each extension folder, sorted by file name within each."""
    found = []
    for ext_dir in extension_dirs:
        folder = os.path.join(ext_dir, "scripts")
        if not os.path.isdir(folder):
            continue
        for filename in sorted(os.listdir(folder)):
            path = os.path.join(folder, filename)
            if filename.endswith(".py") and os.path.isfile(path):
                found.append(ScriptFile(ext_dir, filename, path))
    return found


def _register_scripts_from_module(module, scriptfile):
    for value in module.__dict__.values():
        if inspect.isclass(value) and issubclass(value, Script) and value is not Script:
            scripts_data.append(ScriptClassData(value, scriptfile.path, scriptfile.basedir, module))


def load_scripts(extension_dirs=None):
    """Import every extension's scripts/*.py with its folder first on sys.path during the import only."""
    global current_basedir
    if extension_dirs is None:
        extension_dirs = [e.path for e in extensions.active()]
    scripts_data.clear()
    script_callbacks.clear_callbacks()

    syspath = sys.path
    for scriptfile in list_scripts(extension_dirs):
        try:
            if scriptfile.basedir != paths.script_path:
                sys.path = [scriptfile.basedir] + sys.path
            current_basedir = scriptfile.basedir
            module = script_loading.load_module(scriptfile.path)
            _register_scripts_from_module(module, scriptfile)
        except Exception:
            errors.report(f"Error loading script: {scriptfile.filename}", exc_info=True)
        finally:
            sys.path = syspath
            current_basedir = paths.script_path
