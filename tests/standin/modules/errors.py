"""Error reporting in A1111's format: '*** ' before each message line, the traceback indented."""
import sys
import textwrap
import traceback


def report(message: str, *, exc_info: bool = False) -> None:
    """Print a message to stderr and, inside an `except` block, the current traceback."""
    for line in message.splitlines():
        print("***", line, file=sys.stderr)
    if exc_info:
        print(textwrap.indent(traceback.format_exc(), "    "), file=sys.stderr)
        print("---", file=sys.stderr)
    sys.stderr.flush()


def display(e: Exception, task: str, *, full_traceback: bool = False) -> None:
    """Print an exception raised while doing `task`, with its traceback."""
    print(f"{task or 'error'}: {type(e).__name__}", file=sys.stderr)
    stack = traceback.format_exception(type(e), e, e.__traceback__)
    print("".join(stack), file=sys.stderr)
    sys.stderr.flush()


def print_error_explanation(message: str) -> None:
    """Print a multi-line explanation framed by rules of '=' as wide as its longest line."""
    lines = message.strip().split("\n")
    width = max(len(line) for line in lines)
    print("=" * width, file=sys.stderr)
    for line in lines:
        print(line, file=sys.stderr)
    print("=" * width, file=sys.stderr)
    sys.stderr.flush()
