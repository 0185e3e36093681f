"""Start the real core through the real bridge under whatever Python runs this file, and make round trips into C#.

Standard library only, so that a bare interpreter (pyenv's, without FastAPI) can run it:
    python3 tests/support/bridge_driver.py <extension folder>
Prints one JSON line: the Python version, whether the core started, and what C# answered (the settings; a lookup
of a job that does not exist). The tracker's own log lines go to stderr as in a WebUI.
"""
import json
import platform
import sys
from pathlib import Path


def main(extension_dir: Path) -> int:
    sys.path.insert(0, str(extension_dir / "extension"))
    from sd_job_tracker import core  # noqa: E402 - by path, like install.py
    from sd_job_tracker.asgi_messages import Client  # noqa: E402
    from sd_job_tracker.live_state import Progress  # noqa: E402

    answer = {"python": platform.python_version(), "started": False}
    tracker = core.start(None)
    if tracker is not None:
        answer["started"] = True
        answer["settings"] = tracker.settings()
        # The typed records cross too: a connection, and A1111's progress with a missing start time.
        reply = tracker.get_job("AbCd1234", "", Client("127.0.0.1", 50000, None), [], Progress(-1, False, 0, 0, 0, 0, None))
        answer["missing_job"] = {"status": reply.status, "body": json.loads(reply.body)}
    print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve()))
