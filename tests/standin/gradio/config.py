"""The recorded UI as JSON, standing in for what Gradio serves at /config.

Every block once, in tree order, with its parent and children ids; every dependency with ids for
trigger, inputs and outputs; and what the stand-in noticed (portability warnings, value errors).
"""
from . import portability
from .components.base import Component
from .jsonable import jsonable

_TOP_LEVEL = ("label", "choices", "headers")


def _interactive(block, input_ids):
    if isinstance(block, Component):
        explicit = block.interactive if block.interactive is not None else block.DEFAULT_INTERACTIVE
        return explicit if explicit is not None else block.id in input_ids  # Gradio's inference
    return None


def block_entry(block, input_ids) -> dict:
    entry = {
        "id": block.id,
        "type": type(block).__name__.lower(),
        "elem_id": block.elem_id,
        "elem_classes": block.elem_classes,
        "visible": block.visible,
        "interactive": _interactive(block, input_ids),
        "parent": block.parent.id if block.parent is not None else None,
        "children": [child.id for child in getattr(block, "children", [])],
        "props": jsonable(block.props),
    }
    for name in _TOP_LEVEL:
        entry[name] = jsonable(block.props.get(name))
    if hasattr(block, "headers"):
        entry["headers"] = jsonable(block.headers)
    if isinstance(block, Component):
        entry["value"] = jsonable(block.value)
    return entry


def dependency_entry(index, dependency, all_dependencies) -> dict:
    after = dependency.trigger_after
    return {
        "index": index,
        "trigger": {"id": dependency.target.id, "elem_id": dependency.target.elem_id},
        "event": dependency.event,
        "fn": dependency.fn_name,
        "inputs": [block.id for block in dependency.inputs],
        "outputs": [block.id for block in dependency.outputs],
        "js": dependency.js,
        "trigger_after": all_dependencies.index(after) if after is not None else None,
        "trigger_only_on_success": dependency.only_on_success,
        "options": jsonable({k: v for k, v in dependency.options.items() if k not in ("js", "_js")}),
    }


def describe_blocks(blocks, *, extension_tabs=(), mode=None) -> dict:
    dependencies = blocks.dependencies
    input_ids = {block.id for dependency in dependencies for block in dependency.inputs}
    return {
        "mode": mode,
        "root": blocks.id,
        "tabs": [{"title": title, "elem_id": elem_id, "tab_id": tab.id} for tab, title, elem_id in extension_tabs],
        "components": [block_entry(block, input_ids) for block in blocks.descendants()],
        "dependencies": [dependency_entry(i, d, dependencies) for i, d in enumerate(dependencies)],
        "portability_warnings": blocks.portability_warnings + portability.unattached.portability_warnings,
        "value_errors": blocks.value_errors + portability.unattached.value_errors,
    }
