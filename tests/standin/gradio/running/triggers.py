"""Finding the block an event request names: by elem_id, or by id (an int, or a string of digits)."""
from .event_runner import BadEventRequest


def known_blocks(blocks):
    """The demo, every block in its tree, and any block a dependency names (even if never rendered)."""
    found = {blocks.id: blocks}
    for block in blocks.descendants():
        found.setdefault(block.id, block)
    for dependency in blocks.dependencies:
        for block in [dependency.target, *dependency.inputs, *dependency.outputs]:
            found.setdefault(block.id, block)
    return list(found.values())


def find_block(blocks, trigger):
    candidates = known_blocks(blocks)
    matches = [b for b in candidates if isinstance(trigger, str) and b.elem_id == trigger]
    if not matches and (isinstance(trigger, int) or (isinstance(trigger, str) and trigger.isdigit())):
        matches = [b for b in candidates if b.id == int(trigger)]
    if not matches:
        raise BadEventRequest(f"no component with elem_id or id {trigger!r}")
    if len(matches) > 1:
        raise BadEventRequest(f"elem_id {trigger!r} is not unique: {matches!r}; use an id")
    return matches[0]
