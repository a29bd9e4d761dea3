"""YAML read with the position of every key, so errors can say ``path:line:column``.

Every YAML the project reads (site.yml, front matter, the loader's lexicon) is composed here,
by one set of rules: YAML 1.2's core schema with numbers in decimal only. A plain value is
empty (``~``, ``null``), true or false (``true``, ``False``…), a decimal number (``12``, ``-3``,
``1.5``) or text: ``yes``, ``off``, ``1:30`` and ``2023-11-30`` are text, as in YAML 1.2 (YAML
1.1 read booleans, a base-60 number and a date), and so are ``0x10``, ``0o10`` and ``.inf``,
which YAML 1.2 reads as numbers but no editor writes for one. Tags (``!!python/object:…``,
``!!int``, ``!mine``) and anchors are refused where they stand.
"""

from __future__ import annotations

import difflib
import re
from typing import Protocol

import yaml

from .errors import Location, ReadoutError, line_column

# A double-quoted "\ud800" makes a lone surrogate, which no UTF-8 file can hold: every page,
# feed and JSON file the value reached would fail to be written.
SURROGATE = re.compile("[\ud800-\udfff]")


class Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the rules above: it resolves plain values as YAML 1.2 does
    (decimal numbers only) and reads every whole number in base 10 (``010`` is ten)."""

    # PyYAML keeps a class's resolvers in this class attribute; ours start empty.
    yaml_implicit_resolvers: dict = {}  # noqa: RUF012 - PyYAML's own (instance-typed) attribute


for _tag, _pattern, _first in (
        ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
        ("bool", r"true|True|TRUE|false|False|FALSE", list("tTfF")),
        ("int", r"[-+]?[0-9]+", list("-+0123456789")),
        ("float", r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?", list("-+.0123456789"))):
    Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(rf"^(?:{_pattern})$"), _first)


def decimal(loader: Loader, node: yaml.ScalarNode) -> int:
    return int(loader.construct_scalar(node), 10)


Loader.add_constructor("tag:yaml.org,2002:int", decimal)


def compose(text: str, path: str) -> yaml.Node | None:
    """The YAML node tree of ``text``; a syntax error becomes a ``ReadoutError`` at its place.
    Anchors and aliases are refused: settings never need them, and an alias bomb expands a few
    lines into gigabytes. Tags are refused: a value is what it reads as, never an object
    the tag names."""
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise ReadoutError("YAML anchors and aliases (& and *) are not allowed here",
                                   at(event.start_mark, path), "write the value out in full where it is needed")
            half = SURROGATE.search(event.value) if isinstance(event, yaml.ScalarEvent) else None
            if half:
                code = ord(half.group())
                raise ReadoutError(f"invalid YAML: the escape \\u{code:04X} is half of a UTF-16 pair, not a character",
                                   at(event.start_mark, path),
                                   "write the character itself, or its \\U0001XXXX escape")
            tag = getattr(event, "tag", None)  # scalars, sequences and mappings have one
            if tag is not None:
                raise ReadoutError(f"YAML tags are not allowed here: {shown_tag(tag)}",
                                   at(event.start_mark, path),
                                   "remove the tag; put the value in quotes if it is meant as text")
        return yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ReadoutError(
            f"invalid YAML: {error.problem or error.context}",
            at(mark, path) if mark else Location(path),
            "check the indentation and quoting on that line (values with ': ' need quotes)",
        ) from None
    except yaml.reader.ReaderError as error:
        line, column = line_column(text, error.position)
        raise ReadoutError(f"invalid YAML: character U+{error.character:04X} is not allowed", Location(path, line, column),
                           "remove it: YAML text holds no control characters but tabs and line breaks") from None
    except yaml.YAMLError as error:
        raise ReadoutError(f"invalid YAML: {error}", Location(path)) from None


def shown_tag(tag: str) -> str:
    """A tag as it is written: ``!!int`` for YAML's own, ``!mine`` for a local one."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


class Mark(Protocol):
    """Where PyYAML says something is (its pure-Python and its C marks both have these)."""

    line: int
    column: int
    index: int
    buffer: str | None


def at(mark: Mark | None, path: str) -> Location:
    """The 1-based location of a mark, with lines counted as the rest of readout counts them
    (PyYAML also breaks lines at U+0085, U+2028 and U+2029; editors do not); the file alone
    where PyYAML gives no mark."""
    if mark is None:
        return Location(path)
    if mark.buffer is None:
        return Location(path, mark.line + 1, mark.column + 1)
    return Location(path, *line_column(mark.buffer, mark.index))


def where(node: yaml.Node, path: str) -> Location:
    """The 1-based location of a node."""
    return at(node.start_mark, path)


def value(node: yaml.Node, path: str):
    """The plain Python value of a node: mappings, lists, text, numbers, true/false, None.
    A mapping with a mapping or a list as a key is an error at its place."""
    loader = Loader("")
    try:
        return loader.construct_object(node, deep=True)
    except yaml.MarkedYAMLError as error:
        raise ReadoutError(f"invalid YAML: {error.problem}", at(error.problem_mark, path),
                           "keys of a mapping are words or phrases") from None
    finally:
        loader.dispose()


def mapping_items(node: yaml.Node, path: str, what: str):
    """(key text, key node, value node) for each entry of a mapping node; an error otherwise."""
    if not isinstance(node, yaml.MappingNode):
        raise ReadoutError(f"{what} must be a mapping of keys to values", where(node, path),
                           "write it as 'key: value' lines")
    seen: dict[str, int | None] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in seen:
            raise ReadoutError(f"duplicate key '{key}' in {what}", where(key_node, path),
                               f"it was first given on line {seen[key]}; keep one")
        seen[key] = where(key_node, path).line
        yield key, key_node, value_node


def unknown_key(key: str, key_node: yaml.Node, known, path: str, what: str) -> ReadoutError:
    """The error for a key that is not one of ``known``, with a did-you-mean."""
    close = difflib.get_close_matches(key, list(known), n=1)
    hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(sorted(known))
    return ReadoutError(f"unknown key '{key}' in {what}", where(key_node, path), hint)
