"""Start the stand-in WebUI (tests/standin/webui.py) as a subprocess for a test, and stop it.

    with StandinServer(extensions=[repo_root], args=["--standin-step-seconds", "0.05"]) as webui:
        httpx.post(webui.url("/sdapi/v1/txt2img"), json={...})
        assert "[Job Tracker]" in webui.log_text()
"""
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STANDIN_ROOT = Path(__file__).resolve().parents[1] / "standin"
WEBUI_SCRIPT = STANDIN_ROOT / "webui.py"
# Debian's interpreter has the apt-installed FastAPI/uvicorn/Pillow; another python3 on PATH may not.
DEFAULT_PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
READY_LINE = re.compile(r"^Running on local URL:  (http://\S+)$", re.MULTILINE)


class StandinStartupError(RuntimeError):
    """The stand-in exited or never printed its ready line; the message carries its log."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StandinServer:
    """One stand-in WebUI process.

    args:            extra command-line flags, appended after the defaults.
    extensions:      extension folders, each passed as --extension PATH.
    env:             variables set on top of this process's environment (None values remove one).
    nowebui / api / skip_install: add --nowebui / --api / --skip-install (all True by default).
    port:            fixed port, or None for free_port().
    log_path:        where stdout+stderr go (default: a new temporary file, kept after stop()).
    startup_timeout: seconds to wait for the ready line.
    python:          interpreter to run webui.py with.
    """

    def __init__(self, args=(), *, extensions=(), env=None, nowebui=True, api=True, skip_install=True,
                 port=None, log_path=None, startup_timeout=60.0, python=DEFAULT_PYTHON):
        if isinstance(args, str):
            raise TypeError("args must be a list of flags, e.g. ['--api-auth', 'u:p']")
        self.port = port or free_port()
        self.extra_args = list(args)
        self.extensions = [str(Path(e).resolve()) for e in extensions]
        self.env_overrides = dict(env or {})
        self.nowebui, self.api, self.skip_install = nowebui, api, skip_install
        self.startup_timeout = startup_timeout
        self.python = python
        if log_path is None:
            fd, log_path = tempfile.mkstemp(prefix="standin-webui-", suffix=".log")
            os.close(fd)
        self.log_path = Path(log_path)
        # Where Gradio (and A1111's ui_tempdir) write the images the UI returns: one folder per server.
        self.gradio_temp_dir = Path(f"{self.log_path}.gradio-temp")
        self.process = None
        self.base_url = None

    @property
    def pid(self):
        return self.process.pid if self.process else None

    @property
    def returncode(self):
        return self.process.poll() if self.process else None

    def command(self):
        cmd = [self.python, str(WEBUI_SCRIPT)]
        cmd += ["--api"] if self.api else []
        cmd += ["--nowebui"] if self.nowebui else []
        cmd += ["--skip-install"] if self.skip_install else []
        cmd += ["--port", str(self.port)]
        for extension in self.extensions:
            cmd += ["--extension", extension]
        return cmd + self.extra_args

    def _environment(self):
        env = dict(os.environ)
        env["PYTHONUNBUFFERED"] = "1"
        env.pop("COMMANDLINE_ARGS", None)  # A1111 appends it to argv: a stray one would change the flags
        env["GRADIO_TEMP_DIR"] = str(self.gradio_temp_dir)
        for key, value in self.env_overrides.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = str(value)
        return env

    def start(self):
        """Launch the process and wait for its ready line. Can be called again after stop()/kill9()."""
        if self.process is not None and self.process.poll() is None:
            raise RuntimeError(f"stand-in already running (pid {self.process.pid})")
        log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(self.command(), cwd=str(STANDIN_ROOT), env=self._environment(),
                                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        self.base_url = self._wait_until_ready(log_offset)
        return self

    def _wait_until_ready(self, log_offset):
        deadline = time.monotonic() + self.startup_timeout
        while True:
            match = READY_LINE.search(self._read_log(log_offset))
            if match:
                return f"http://127.0.0.1:{self.port}"
            if self.process.poll() is not None:
                raise StandinStartupError(
                    f"stand-in exited with code {self.process.returncode} before it was ready.\n"
                    f"command: {self.command()}\n--- log {self.log_path} ---\n{self.log_text()}")
            if time.monotonic() > deadline:
                self.kill9()
                raise StandinStartupError(
                    f"stand-in not ready after {self.startup_timeout} s.\n"
                    f"command: {self.command()}\n--- log {self.log_path} ---\n{self.log_text()}")
            time.sleep(0.05)

    def _read_log(self, offset=0):
        with open(self.log_path, "rb") as f:
            f.seek(offset)
            return f.read().decode("utf-8", errors="replace")

    def log_text(self) -> str:
        """Everything the process (all its runs) wrote to stdout and stderr so far."""
        return self._read_log() if self.log_path.exists() else ""

    def wait_for_log(self, pattern, timeout=10.0) -> re.Match:
        """Wait until the log matches a regex (str or compiled); AssertionError with the log on timeout."""
        regex = re.compile(pattern, re.MULTILINE) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.log_text())
            if match:
                return match
            if time.monotonic() > deadline:
                raise AssertionError(f"log never matched {regex.pattern!r} within {timeout} s:\n{self.log_text()}")
            time.sleep(0.05)

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def client(self, **kwargs):
        """An httpx.Client on base_url that ignores proxy variables (the stand-in is on loopback)."""
        import httpx

        kwargs.setdefault("timeout", 30.0)
        return httpx.Client(base_url=self.base_url, trust_env=False, **kwargs)

    def stop(self, timeout=10.0):
        """SIGTERM (the stand-in runs on_script_unloaded and exits 0), SIGKILL after `timeout` s. Returns the exit code."""
        if self.process is None or self.process.poll() is not None:
            return self.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()

    def kill9(self):
        """SIGKILL: no callbacks, no cleanup, as after a crash or an OOM kill. Returns the exit code."""
        if self.process is None or self.process.poll() is not None:
            return self.returncode
        self.process.kill()
        return self.process.wait()

    def __enter__(self):
        if self.process is None or self.process.poll() is not None:
            self.start()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.stop()
