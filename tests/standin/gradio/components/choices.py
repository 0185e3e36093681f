"""Choices of a Radio or Dropdown: plain values, or (display name, value) pairs."""
from .. import portability


def as_pairs(choices) -> list:
    """[(name, value), ...] for choices given as values or as (name, value) pairs."""
    pairs = []
    for choice in choices or []:
        if isinstance(choice, (tuple, list)):
            name, value = choice
            pairs.append((name, value))
        else:
            pairs.append((choice, choice))
    return pairs


def values(choices) -> list:
    return [value for _, value in as_pairs(choices)]


def has_pairs(choices) -> bool:
    return any(isinstance(choice, (tuple, list)) for choice in choices or [])


def check_one(block, value, choices):
    if value is not None and value not in values(choices):
        portability.value_error(block, f"{value!r} is not one of the choices {values(choices)!r}")


def to_index(value, choices):
    """What type='index' hands the handler: the position of the value among the choices."""
    options = values(choices)
    return options.index(value) if value in options else None
