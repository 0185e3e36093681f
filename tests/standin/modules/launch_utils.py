"""What A1111's launch.py offers install.py scripts, minus any real installing."""
import importlib.metadata
import importlib.util
import os
import subprocess
import sys

from modules import errors
from modules.paths_internal import script_path
from modules.shared_cmd_options import cmd_opts as args

python = sys.executable
git = os.environ.get("GIT", "git")
index_url = os.environ.get("INDEX_URL", "")
dir_repos = "repositories"


def is_installed(package):
    """True if a distribution of that name is installed, or else a module of that name can be found."""
    try:
        importlib.metadata.distribution(package)
        return True
    except importlib.metadata.PackageNotFoundError:
        try:
            return importlib.util.find_spec(package) is not None
        except (ModuleNotFoundError, ValueError):
            return False


def run(command, desc=None, errdesc=None, custom_env=None, live=False, cwd=None):
    """Run a command (a string goes through the shell), return its stdout; on failure raise RuntimeError."""
    if desc is not None:
        print(desc, flush=True)
    result = subprocess.run(command, shell=isinstance(command, str), capture_output=not live, text=True,
                            env=os.environ if custom_env is None else custom_env, cwd=cwd)
    if result.returncode != 0:
        message = [f"{errdesc or 'Error running command'}.", f"Command: {command}", f"Error code: {result.returncode}"]
        if not live:
            message.append(f"stdout: {result.stdout or '<empty>'}")
            message.append(f"stderr: {result.stderr or '<empty>'}")
        raise RuntimeError("\n".join(message))
    return result.stdout or ""


def run_pip(command, desc=None, live=False):
    """The stand-in never installs: it says what A1111 would have run, and returns."""
    if args.skip_install:
        return ""
    index_url_line = f" --index-url {index_url}" if index_url != "" else ""
    print(f"Installing {desc}", flush=True)
    print(f"[stand-in] would run: \"{python}\" -m pip {command} --prefer-binary{index_url_line}", flush=True)
    return ""


def run_extension_installer(extension_dir):
    """Run <extension>/install.py in a child Python with the WebUI root as cwd and on PYTHONPATH."""
    path_installer = os.path.join(extension_dir, "install.py")
    if not os.path.isfile(path_installer):
        return
    try:
        env = os.environ.copy()
        env["PYTHONPATH"] = f"{script_path}{os.pathsep}{env.get('PYTHONPATH', '')}"
        stdout = run([python, path_installer], errdesc=f"Error running install.py for extension {extension_dir}",
                     custom_env=env, cwd=script_path).strip()
        if stdout:
            print(stdout, flush=True)
    except Exception as e:
        errors.report(str(e))
