"""YAML read with the position of every key, so errors can say ``path:line:column``."""

from __future__ import annotations

import difflib

import yaml

from .errors import Location, ReadoutError


def compose(text: str, path: str) -> yaml.Node | None:
    """The YAML node tree of ``text``; a syntax error becomes a ``ReadoutError`` at its place.
    Anchors and aliases are refused: settings never need them, and an alias bomb expands a few
    lines into gigabytes."""
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                raise ReadoutError("YAML anchors and aliases (& and *) are not allowed here",
                                   Location(path, mark.line + 1, mark.column + 1),
                                   "write the value out in full where it is needed")
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ReadoutError(
            f"invalid YAML: {error.problem or error.context}",
            Location(path, mark.line + 1, mark.column + 1) if mark else Location(path),
            "check the indentation and quoting on that line (values with ': ' need quotes)",
        ) from None
    except yaml.YAMLError as error:
        raise ReadoutError(f"invalid YAML: {error}", Location(path)) from None


def where(node: yaml.Node, path: str) -> Location:
    """The 1-based location of a node."""
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


def value(node: yaml.Node):
    """The plain Python value of a node (safe types only)."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def mapping_items(node: yaml.Node, path: str, what: str):
    """(key text, key node, value node) for each entry of a mapping node; an error otherwise."""
    if not isinstance(node, yaml.MappingNode):
        raise ReadoutError(f"{what} must be a mapping of keys to values", where(node, path),
                           "write it as 'key: value' lines")
    seen = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in seen:
            raise ReadoutError(f"duplicate key '{key}' in {what}", where(key_node, path),
                               f"it was first given on line {seen[key]}; keep one")
        seen[key] = key_node.start_mark.line + 1
        yield key, key_node, value_node


def unknown_key(key: str, key_node: yaml.Node, known, path: str, what: str) -> ReadoutError:
    """The error for a key that is not one of ``known``, with a did-you-mean."""
    close = difflib.get_close_matches(key, list(known), n=1)
    hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(sorted(known))
    return ReadoutError(f"unknown key '{key}' in {what}", where(key_node, path), hint)
