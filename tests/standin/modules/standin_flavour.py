"""Which WebUI the stand-in behaves like (--standin-flavour): "a1111" (v1.10.1, the default),
"forge" (lllyasviel/stable-diffusion-webui-forge main @ dfdcbab6, gradio 4.40) or "sdnext"
(vladmandic/sdnext master @ 058a7f0c). Each module that differs asks here and cites the source."""
from modules.shared_cmd_options import cmd_opts

A1111, FORGE, SDNEXT = "a1111", "forge", "sdnext"


def current() -> str:
    return cmd_opts.standin_flavour


def is_forge() -> bool:
    return current() == FORGE


def is_sdnext() -> bool:
    return current() == SDNEXT
