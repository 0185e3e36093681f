"""The extension's log lines: one prefix, stderr, flushed (the .NET side writes the same way)."""
import sys

PREFIX = "[Job Tracker]"


def log(message: str) -> None:
    print(f"{PREFIX} {message}", file=sys.stderr, flush=True)
