"""The README's code examples, read the way the tests compare them with the code they run."""
import re

from repo import REPO


def first_python_block(section_heading: str) -> str | None:
    """The first ```python block after the README heading section_heading, or None when there is none."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(section_heading):]
    block = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    return block.group(1) if block else None
