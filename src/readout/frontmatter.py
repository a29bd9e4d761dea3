"""Markdown files with YAML front matter: split them, and check the front matter against a
declared set of keys, collecting every problem with its line and column."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

import yaml

from .errors import Diagnostic, Location, ReadoutError, line_column
from .yamlnodes import compose, value, where

FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)
MAX_FRONT_MATTER = 64 * 1024  # characters; front matter is a few lines of settings


@dataclass
class Document:
    """A content file: its front matter (a YAML node, or None), its Markdown body, and the
    1-based line the body starts on (for locations of problems in it)."""

    path: str
    front: yaml.Node | None
    body: str
    body_line: int


def split_document(text: str, path: str) -> Document:
    """Front matter between ``---`` lines at the top, and the body after it. Lines may end in
    LF, CRLF or a lone CR; they are read as LF, so every line number is the editor's."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not re.match(r"---[ \t]*\n", text):
        return Document(path, None, text, 1)
    closing = FENCE.search(text, text.index("\n") + 1)
    if closing is None:
        raise ReadoutError("front matter is not closed", Location(path, 1, 1),
                           "end it with a line holding only '---'")
    yaml_text = text[text.index("\n") + 1:closing.start()]
    if len(yaml_text) > MAX_FRONT_MATTER:
        raise ReadoutError(f"front matter is too large: {len(yaml_text) // 1024} KB (the limit is "
                           f"{MAX_FRONT_MATTER // 1024} KB)", Location(path, 1, 1),
                           "front matter holds a few settings; put long text in the body below it")
    if "\t" in yaml_text:
        offset = text.index("\t", text.index("\n") + 1)
        raise ReadoutError("tab character in front matter", Location(path, *line_column(text, offset)),
                           "YAML indents with spaces; replace the tab with spaces")
    # Compose with the fence lines kept as blank lines, so node marks are lines of the file.
    node = compose("\n" + yaml_text, path)
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return Document(path, node, text[body_start:], text.count("\n", 0, body_start) + 1)


@dataclass
class Checked:
    """What a front matter check found: values by key (with the node of each), and problems."""

    values: dict = field(default_factory=dict)
    nodes: dict = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)

    def problem(self, node: yaml.Node | None, path: str, message: str, hint: str | None = None) -> None:
        self.problems.append(Diagnostic(where(node, path) if node is not None else Location(path), message, hint))


def did_you_mean(word: str, choices) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"did you mean '{close[0]}'?" if close else None


def check_mapping(doc: Document, keys: dict, what: str) -> Checked:
    """Check the front matter of ``doc`` against ``keys`` (name → checker); unknown keys and
    wrong values are problems. Checkers take (node, path, checked, key) and return a value."""
    checked = Checked()
    node = doc.front
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        return checked
    if not isinstance(node, yaml.MappingNode):
        checked.problem(node, doc.path, f"front matter must be a mapping of keys to values, not {kind_of(node)}",
                        "write it as 'key: value' lines between the '---' lines")
        return checked
    seen: dict[str, int | None] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in seen:
            checked.problem(key_node, doc.path, f"duplicate key '{key}' in {what}",
                            f"it was first given on line {seen[key]}; keep one")
            continue
        seen[key] = where(key_node, doc.path).line
        if key not in keys:
            checked.problem(key_node, doc.path, f"unknown key '{key}' in {what}",
                            did_you_mean(key, keys) or "known keys: " + ", ".join(sorted(keys)))
            continue
        value = keys[key](value_node, doc.path, checked, key)
        if value is not INVALID:
            checked.values[key] = value
            checked.nodes[key] = value_node
    return checked


INVALID = object()


def kind_of(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{node.value}'" if node.value != "" else "empty"


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def text_value(node, path, checked, key):
    """A checker: a piece of text (a number or date given as text is taken as its text)."""
    if not isinstance(node, yaml.ScalarNode) or is_null(node):
        checked.problem(node, path, f"'{key}' must be text, not {kind_of(node) if not is_null(node) else 'empty'}",
                        "write the value after the colon, in quotes if it holds a colon")
        return INVALID
    return node.value


def optional_text(node, path, checked, key):
    return None if is_null(node) else text_value(node, path, checked, key)


def date_value(node, path, checked, key):
    """A checker: a calendar date written YYYY-MM-DD (or empty for none)."""
    if is_null(node):
        return None
    if not isinstance(node, yaml.ScalarNode) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", node.value):
        checked.problem(node, path, f"'{key}' must be a date written YYYY-MM-DD, not {kind_of(node)}",
                        "for example: 2023-11-30")
        return INVALID
    try:
        return date.fromisoformat(node.value)
    except ValueError:
        checked.problem(node, path, f"'{key}' is not a real date: {node.value}",
                        "check the month and the day (a month has 28 to 31 days)")
        return INVALID


def int_value(node, path, checked, key):
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:int":
        checked.problem(node, path, f"'{key}' must be a whole number, not {kind_of(node)}", "for example: 10")
        return INVALID
    return int(node.value)


def text_list(node, path, checked, key):
    """A checker: a list of pieces of text."""
    if not isinstance(node, yaml.SequenceNode):
        checked.problem(node, path, f"'{key}' must be a list, not {kind_of(node)}",
                        f"for example: {key}: [first, second]")
        return INVALID
    values = []
    for item in node.value:
        value = text_value(item, path, checked, key)
        if value is INVALID:
            return INVALID
        values.append(value)
    return values


def any_mapping(node, path, checked, key):
    if not isinstance(node, yaml.MappingNode):
        checked.problem(node, path, f"'{key}' must be a mapping, not {kind_of(node)}", f"write '{key}:' then indented 'name: value' lines")
        return INVALID
    try:
        return value(node, path)
    except ReadoutError as error:
        checked.problems += error.diagnostics
        return INVALID


def one_of(*choices):
    def check(node, path, checked, key):
        if is_null(node) and None in choices:
            return None
        if not isinstance(node, yaml.ScalarNode) or node.value not in choices:
            checked.problem(node, path, f"'{key}' must be one of {', '.join(c for c in choices if c)}, not {kind_of(node)}",
                            did_you_mean(getattr(node, "value", ""), [c for c in choices if c]))
            return INVALID
        return node.value
    return check


def check_node(node, path, keys, what, outer: Checked) -> Checked:
    """Check a nested mapping node; its problems join ``outer``'s."""
    inner = check_mapping(Document(path, node, "", 1), keys, what)
    outer.problems += inner.problems
    return inner
