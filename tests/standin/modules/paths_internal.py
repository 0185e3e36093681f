"""Folder locations, computed once at import, before the full command line is parsed."""
import argparse
import os
import shlex
import sys

# A1111 appends COMMANDLINE_ARGS here, so every later parse (including install.py's) sees them.
sys.argv += shlex.split(os.environ.get("COMMANDLINE_ARGS", ""))

modules_path = os.path.dirname(os.path.realpath(__file__))
script_path = os.path.dirname(modules_path)

_pre_parser = argparse.ArgumentParser(add_help=False)
_pre_parser.add_argument("--data-dir", type=str, default=script_path)
_pre_parser.add_argument("--models-dir", type=str, default=None)
_pre_opts, _ = _pre_parser.parse_known_args()

data_path = os.path.abspath(_pre_opts.data_dir)
models_path = _pre_opts.models_dir or os.path.join(data_path, "models")
extensions_dir = os.path.join(data_path, "extensions")
extensions_builtin_dir = os.path.join(script_path, "extensions-builtin")
default_output_dir = os.path.join(data_path, "outputs")
cwd = os.getcwd()
