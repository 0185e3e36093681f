"""The WebUI command line: the A1111 flags extensions read, plus two stand-in-only ones."""
import argparse

from modules.paths_internal import data_path

parser = argparse.ArgumentParser(description="Stand-in for the AUTOMATIC1111 Stable Diffusion WebUI")

parser.add_argument("--api", action="store_true", help="UI mode: also serve /sdapi/v1 (always on with --nowebui)")
parser.add_argument("--nowebui", action="store_true", help="API only: plain FastAPI app, default port 7861")
parser.add_argument("--api-auth", type=str, default=None, help='HTTP Basic for /sdapi routes: "user:pass,user2:pass2"')
parser.add_argument("--gradio-auth", type=str, default=None,
                    help='Gradio login for the UI: "user:pass,user2:pass2" (the stand-in guards /standin/gradio with it)')
parser.add_argument("--api-log", action="store_true", help="print one line per /sdapi request")
parser.add_argument("--port", type=int, default=None, help="default 7860 (UI) or 7861 (--nowebui)")
parser.add_argument("--listen", action="store_true", help="bind 0.0.0.0 instead of 127.0.0.1")
parser.add_argument("--server-name", type=str, default=None, help="explicit host to bind")
parser.add_argument("--data-dir", type=str, default=data_path, help="where extensions/ and outputs live")
parser.add_argument("--models-dir", type=str, default=None, help="models folder (default <data-dir>/models)")
parser.add_argument("--skip-install", action="store_true", help="do not run extensions' install.py")
parser.add_argument("--cors-allow-origins", type=str, default=None, help="comma-separated origins for CORS")
parser.add_argument("--cors-allow-origins-regex", type=str, default=None, help="origin regex for CORS")
parser.add_argument("--timeout-keep-alive", type=int, default=30, help="uvicorn keep-alive seconds")
parser.add_argument("--disable-all-extensions", action="store_true", help="load no extension at all")

# Stand-in only.
parser.add_argument("--standin-flavour", choices=("a1111", "forge", "sdnext"), default="a1111",
                    help="which WebUI to behave like (see standin_flavour.py)")
parser.add_argument("--standin-api-guard", type=str, default=None, metavar="KEY",
                    help="protect the /sdapi routes with an X-API-Key header, as a fork might (not --api-auth)")
if parser.parse_known_args()[0].standin_flavour == "sdnext":
    # SD.Next's credentials for UI and API (SD.Next modules/cmd_args.py:62-63, master 058a7f0c); its
    # --api-auth is a hidden compatibility flag its API never reads (cmd_args.py:154).
    parser.add_argument("--auth", type=str, default=None, help='"user:pwd,user2:pwd2" for UI and API')
    parser.add_argument("--auth-file", type=str, default=None, help="a file of user:pwd lines")
parser.add_argument("--extension", action="append", default=[], metavar="PATH",
                    help="load this extension folder as if it sat in extensions/ (repeatable)")
parser.add_argument("--standin-step-seconds", type=float, default=0.0, metavar="SECONDS",
                    help="how long each fake sampling step sleeps")
parser.add_argument("--standin-hold-admission", action="store_true",
                    help="hold every generation request after it is validated, before its task is queued, until "
                         "POST /standin/admission/open (see standin_admission.py)")
parser.add_argument("--standin-grain", type=int, default=0, metavar="LEVELS",
                    help="add deterministic per-pixel noise of 0..LEVELS-1 to every picture, so PNGs are as large as "
                         "real ones (about 1.9 MB at 1024x1024 with 16); 0 (default) draws smooth, small pictures")
parser.add_argument("--standin-no-queue-lock", action="store_true",
                    help="let API generations run side by side (benchmarks only: time requests while a long job runs)")
parser.add_argument("--standin-job-timestamp", default=None, metavar="YYYYMMDDHHMMSS",
                    help="freeze state.job_timestamp, so two runs give byte-identical responses")
