"""Import one script file by path, as A1111 does: named after the file (".py" included), not in sys.modules."""
import importlib.util
import os


def load_module(path):
    spec = importlib.util.spec_from_file_location(os.path.basename(path), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
