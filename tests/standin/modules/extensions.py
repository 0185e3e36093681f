"""The extensions this WebUI loads: folders in <data-dir>/extensions plus each --extension PATH."""
import os

from modules import paths_internal


class Extension:
    def __init__(self, name, path, enabled=True, is_builtin=False):
        self.name = name
        self.canonical_name = name.lower().strip()
        self.path = path
        self.enabled = enabled
        self.is_builtin = is_builtin

    def __repr__(self):
        return f"Extension({self.name!r}, {self.path!r})"


extensions: list = []
extension_paths: dict = {}


def active():
    return [x for x in extensions if x.enabled]


def find_extension(filename):
    """The extension whose folder holds `filename`, or None (A1111 compares unresolved folder paths)."""
    parentdir = os.path.dirname(os.path.realpath(filename))
    while parentdir != filename:
        extension = extension_paths.get(parentdir)
        if extension is not None:
            return extension
        filename = parentdir
        parentdir = os.path.dirname(filename)
    return None


def list_extensions(extra_paths, *, disable_all=False):
    """Fill `extensions`: the folders under extensions_dir (sorted), then each extra path in order."""
    extensions.clear()
    extension_paths.clear()
    if disable_all:
        return extensions

    folders = []
    if os.path.isdir(paths_internal.extensions_dir):
        for name in sorted(os.listdir(paths_internal.extensions_dir)):
            path = os.path.join(paths_internal.extensions_dir, name)
            if os.path.isdir(path) and not name.startswith("."):
                folders.append(path)
    folders += [os.path.abspath(p) for p in extra_paths]

    for path in folders:
        extension = Extension(os.path.basename(os.path.normpath(path)), os.path.normpath(path))
        extensions.append(extension)
        extension_paths[extension.path] = extension
    return extensions
