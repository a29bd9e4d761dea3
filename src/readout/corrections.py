"""Editors' corrections in an event's front matter (``content/events/<id>.md``): every key
checked against the event the loader read, with the place of each problem, then applied (the
editor always wins)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol

import yaml

from .frontmatter import (
    INVALID,
    Checked,
    any_mapping,
    check_node,
    date_value,
    did_you_mean,
    is_null,
    kind_of,
    one_of,
    optional_text,
    text_list,
    text_value,
)
from .load import paragraph_sections
from .load.segment import Span
from .model import ROLE_FIELDS, SECTIONS, Event, Person
from .slugs import slugify
from .urls import is_web_address, unsafe_slug
from .yamlnodes import where


class PersonNames(Protocol):
    """A person as a people file names them (``content.PersonFile``)."""

    id: str
    name: str
    aliases: list[str]

class EventChecks:
    """The checkers for one event's front matter: they know its statements and the people."""

    def __init__(self, event: Event, known_people: dict[str, str], people_files: Mapping[str, PersonNames],
                 themes: set[str]):
        self.event, self.known_people, self.people_files, self.themes = event, known_people, people_files, themes

    def keys(self) -> dict:
        return {
            "title": text_value, "date": date_value, "time_of_day": one_of("morning", "afternoon", "evening", None),
            "kind": optional_text, "location": optional_text, "subject": optional_text,
            "host": self.person_or_none, "main_speaker": self.person_or_none, "attendees": self.people,
            "speakers": self.people, "statements": self.statements,
            "themes": self.theme_list, "extra": any_mapping, "source": source_value, "series": series_value,
            "matches": self.matches,
        }

    def person(self, node, path, checked: Checked, key) -> Person | object:
        """A person: an id the project knows, or ``{name, titles, as_printed, id}``; what is not
        given (titles, the name as printed) is what the readout gives them at this event."""
        if isinstance(node, yaml.ScalarNode) and not is_null(node):
            if node.value not in self.known_people:
                checked.problem(node, path, f"unknown person '{node.value}'",
                                did_you_mean(node.value, self.known_people) or
                                "give {name: …, titles: […]} for someone the readouts do not name")
                return INVALID
            read = self.as_read(node.value)
            return Person(node.value, self.known_people[node.value], list(read.titles), read.as_printed)
        inner = check_node(node, path, {"name": text_value, "titles": text_list, "as_printed": optional_text,
                                        "id": text_value}, f"'{key}'", checked) if isinstance(node, yaml.MappingNode) else None
        if inner is None:
            checked.problem(node, path, f"'{key}' must be a person id or {{name: …, titles: […]}}, not {kind_of(node)}",
                            "for example: {name: Li Qiang, titles: [Premier of the State Council]}")
            return INVALID
        if inner.problems:
            return INVALID
        if "name" not in inner.values:
            checked.problem(node, path, f"'{key}' needs a 'name'", "for example: {name: Li Qiang}")
            return INVALID
        name = inner.values["name"]
        person_id = inner.values.get("id") or self.id_for(name)
        why = unsafe_slug(person_id)
        if why:
            checked.problem(node, path, f"person id {why}", "use lower-case letters, digits and hyphens")
            return INVALID
        read = self.as_read(person_id)
        titles = inner.values.get("titles")
        return Person(person_id, name, titles if titles is not None else list(read.titles),
                      inner.values.get("as_printed", read.as_printed))

    def id_for(self, name: str) -> str:
        for person in self.people_files.values():
            if name.lower() in {person.name.lower(), *(a.lower() for a in person.aliases)}:
                return person.id
        return slugify(name)

    def as_read(self, person_id: str) -> Person:
        """The person as the readout names them at this event (no titles if it does not)."""
        return next((p for p in self.event.people() if p.id == person_id), Person(person_id, ""))

    def person_or_none(self, node, path, checked, key):
        return None if is_null(node) else self.person(node, path, checked, key)

    def people(self, node, path, checked, key):
        if not isinstance(node, yaml.SequenceNode):
            checked.problem(node, path, f"'{key}' must be a list, not {kind_of(node)}",
                            "write one '- name-or-id' line per person")
            return INVALID
        people = [self.person(item, path, checked, key) for item in node.value]
        return INVALID if any(p is INVALID for p in people) else people

    def statements(self, node, path, checked, key):
        if not isinstance(node, yaml.MappingNode):
            checked.problem(node, path, f"'statements' must be a mapping of statement ids, not {kind_of(node)}",
                            "for example: statements: {s5: {section: problems}}")
            return INVALID
        ids = [s.id for s in self.event.statements]
        changes = {}
        for id_node, change_node in node.value:
            statement_id = str(id_node.value)
            if statement_id not in ids:
                checked.problem(id_node, path, f"unknown statement '{statement_id}' in event '{self.event.id}'",
                                did_you_mean(statement_id, ids) or f"its statements are {ids[0]} to {ids[-1]}" if ids else None)
                continue
            inner = check_node(change_node, path, {
                "section": one_of(*SECTIONS), "hidden": bool_value, "speaker": self.speaker,
                "themes": self.theme_list}, f"statement '{statement_id}'", checked) \
                if isinstance(change_node, yaml.MappingNode) else None
            if inner is None:
                checked.problem(change_node, path, f"statement '{statement_id}' takes a mapping, not {kind_of(change_node)}",
                                "for example: {section: problems} or {hidden: true}")
                continue
            changes[statement_id] = inner.values
        return changes

    def matches(self, node, path, checked, key):
        """A checker: the editor's matches with the event before this one in its series —
        ``{s12: s7}`` (s12 here sets again s7 there), ``{s14: null}`` (s14 sets again nothing,
        whatever its words). The ids of the event before are checked when the series is known."""
        if not isinstance(node, yaml.MappingNode):
            checked.problem(node, path, f"'matches' must be a mapping of statement ids, not {kind_of(node)}",
                            "for example: matches: {s12: s7, s14: null}")
            return INVALID
        ids, found = [s.id for s in self.event.statements], {}
        for id_node, other in node.value:
            statement_id = str(id_node.value)
            if statement_id not in ids:
                checked.problem(id_node, path, f"unknown statement '{statement_id}' in event '{self.event.id}'",
                                did_you_mean(statement_id, ids) or f"its statements are {ids[0]} to {ids[-1]}" if ids else None)
            elif not is_null(other) and not (isinstance(other, yaml.ScalarNode) and re.fullmatch(r"s\d+", other.value)):
                checked.problem(other, path, f"statement '{statement_id}' is matched with a statement id or null, not {kind_of(other)}",
                                "for example: s7 (a statement of the event before it in its series)")
            else:
                found[statement_id] = (None if is_null(other) else other.value, where(other, path))
        return found

    def speaker(self, node, path, checked, key):
        if is_null(node):
            return None
        if not isinstance(node, yaml.ScalarNode) or node.value not in self.known_people:
            checked.problem(node, path, f"unknown person '{getattr(node, 'value', '')}' as speaker",
                            did_you_mean(str(getattr(node, "value", "")), self.known_people))
            return INVALID
        return node.value

    def theme_list(self, node, path, checked, key):
        values = text_list(node, path, checked, key)
        if values is INVALID:
            return INVALID
        for item, value in zip(node.value, values):
            if value not in self.themes:
                checked.problem(item, path, f"unknown theme '{value}'",
                                did_you_mean(value, self.themes) or "themes are declared under 'themes:' in site.yml")
                return INVALID
        return values


def series_value(node, path, checked, key):
    """A checker: the slug of the event's series, or null for none (see series.py)."""
    if is_null(node):
        return ""
    value = text_value(node, path, checked, key)
    why = unsafe_slug(value) if isinstance(value, str) else None
    if why:
        checked.problem(node, path, f"series {why}", "use lower-case letters, digits and hyphens, e.g. 'yrd-symposiums'")
        return INVALID
    return value


def bool_value(node, path, checked, key):
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
        checked.problem(node, path, f"'{key}' must be true or false, not {kind_of(node)}", None)
        return INVALID
    return node.value.lower() == "true"


def source_value(node, path, checked, key):
    """A checker: where the readout was published — ``{url, publisher, published, retrieved}``
    (``readout new URL`` writes it; an editor may add or correct it)."""
    if not isinstance(node, yaml.MappingNode):
        checked.problem(node, path, f"'source' must be a mapping, not {kind_of(node)}",
                        "for example: source: {url: https://…, publisher: Xinhua, published: 2023-11-30}")
        return INVALID
    inner = check_node(node, path, {"url": web_address, "publisher": optional_text, "published": date_value,
                                    "retrieved": date_value, "author": optional_text}, "'source'", checked)
    return INVALID if inner.problems else inner.values


def web_address(node, path, checked, key):
    """A checker: an http or https address (anything else is never linked to)."""
    value = optional_text(node, path, checked, key)
    if value and value is not INVALID and not is_web_address(value):
        checked.problem(node, path, f"'{key}' must be an http or https address", "for example: https://example.org/story.html")
        return INVALID
    return value


# The roles people have at an event, as Event fields: a person has one of them only.
ROLES = tuple(name for _, name in ROLE_FIELDS)
FIELDS = ("title", "date", "time_of_day", "kind", "location", "subject", *ROLES)


def apply_corrections(event: Event, values: dict) -> None:
    """The editor's values over the loader's; what changed is listed in ``event.corrected``."""
    for key in FIELDS:
        if key in values:
            setattr(event, key, values[key])
            event.corrected.append(key)
    given = [role for role in ROLES if role in values]
    if given:
        event.corrected += [role for role in one_role_each(event, given) if role not in given]
    event.themes = list(values.get("themes", []))
    event.series = values.get("series", event.series)  # where it belongs, not a correction of the reading
    event.matches = values.get("matches", {})
    for key, value in values.get("source", {}).items():  # provenance, not a correction of the reading
        if key != "author":
            setattr(event.source, key, value)
    hidden = set()
    for statement in event.statements:
        change = values.get("statements", {}).get(statement.id, {})
        for key in ("section", "speaker"):
            if key in change and change[key] != getattr(statement, key):
                setattr(statement, key, change[key])
                event.corrected.append(f"{statement.id}.{key}")
        for theme in change.get("themes", []):
            if theme not in statement.themes:
                statement.themes.append(theme)
        if change.get("hidden"):
            hidden.add(statement.id)
            event.corrected.append(f"{statement.id}.hidden")
    event.statements = [s for s in event.statements if s.id not in hidden]
    event.paragraphs = paragraph_sections([Span(p.start, p.end) for p in event.paragraphs], event.statements)


def one_role_each(event: Event, given: list[str]) -> list[str]:
    """Leave each person in one role at ``event``, the first that names them: the roles an
    editor gave (``given``) before the loader's, each in the order of ``ROLES`` — so naming
    someone in a role moves them out of the others, and the host is never also an attendee.
    Returns the roles that lost someone."""
    seen, changed = set(), []
    for role in given + [role for role in ROLES if role not in given]:
        value = getattr(event, role)
        people = value if isinstance(value, list) else [value] if value else []
        kept = []
        for person in people:
            if person.id not in seen:
                seen.add(person.id)
                kept.append(person)
        if len(kept) < len(people):
            setattr(event, role, kept if isinstance(value, list) else None)
            changed.append(role)
    return changed
