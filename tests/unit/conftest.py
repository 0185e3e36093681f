"""Unit tests of the Python side's pure modules (no server, no .NET): the package is imported by path."""
import sys
from pathlib import Path

EXTENSION = Path(__file__).resolve().parents[2] / "extension"
if str(EXTENSION) not in sys.path:
    sys.path.insert(0, str(EXTENSION))
