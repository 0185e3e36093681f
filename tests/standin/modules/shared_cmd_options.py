"""The parsed command line of this process, as modules.shared.cmd_opts."""
from modules import cmd_args

# Lenient on purpose: install.py imports launch (and so this) with its own argv.
# webui.py validates the real command line strictly before importing anything else.
cmd_opts, _unknown = cmd_args.parser.parse_known_args()
