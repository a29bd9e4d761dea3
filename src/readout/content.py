"""The editors' folder, ``content/``: readouts, corrections and commentary, people, pages.

``load_content`` reads it all — the readouts as events (``sources``), people and pages, and
every event's front matter checked against the event the loader read and merged into it
(``corrections``: the editor always wins). Every problem in the project is gathered first and
raised once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .config import Config
from .corrections import EventChecks, apply_corrections
from .errors import Diagnostic, Location, ReadoutError, decode_utf8, read_input
from .frontmatter import (
    INVALID,
    Checked,
    Document,
    any_mapping,
    check_mapping,
    check_node,
    date_value,
    did_you_mean,
    int_value,
    kind_of,
    optional_text,
    split_document,
    text_list,
    text_value,
)
from .incremental import Cache, ContentMemo
from .model import Event
from .slugs import slugify
from .sources import CACHE_VERSION, keyed_events, markdown_files, relative
from .urls import RESERVED, unsafe_slug


@dataclass
class Position:
    """A position a person held, with dates where the editor knows them."""

    title: str
    start: date | None = None
    end: date | None = None


@dataclass
class PersonFile:
    """``content/people/<id>.md``: canonical name, the names readouts print, positions, a bio."""

    id: str
    name: str
    path: str
    aliases: list[str] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    bio: str = ""
    body_line: int = 1


@dataclass
class PageFile:
    """``content/pages/<slug>.md``: a free page at ``/<slug>/``."""

    slug: str
    title: str
    path: str
    description: str = ""
    nav_order: int | None = None
    body: str = ""
    body_line: int = 1


@dataclass
class Commentary:
    """The Markdown body of ``content/events/<id>.md``."""

    path: str
    body: str
    body_line: int


@dataclass
class Content:
    """Everything under ``content/``, checked and merged."""

    events: list[Event]
    people: dict[str, PersonFile] = field(default_factory=dict)
    pages: list[PageFile] = field(default_factory=list)
    commentary: dict[str, Commentary] = field(default_factory=dict)
    memo: ContentMemo | None = None  # what the next build may reuse (see ``load_content``)


def read_document(path: Path, config: Config, problems: list[Diagnostic]) -> Document | None:
    shown = relative(path, config)
    try:
        return split_document(decode_utf8(read_input(path, shown), shown, "save the file as UTF-8"), shown)
    except ReadoutError as error:
        problems += error.diagnostics
    return None


def stem_slug(path: Path, config: Config, problems: list[Diagnostic], what: str) -> str | None:
    why = unsafe_slug(path.stem)
    if why is None:
        return path.stem
    problems.append(Diagnostic(Location(relative(path, config)), f"{what} file name: {why}",
                               f"rename it, e.g. to {(slugify(path.stem) or 'a-name') + ('-1' if slugify(path.stem) in RESERVED else '')}.md"))
    return None


# People -----------------------------------------------------------------------------------

def positions_value(node, path, checked: Checked, key):
    if not isinstance(node, yaml.SequenceNode):
        checked.problem(node, path, f"'positions' must be a list, not {kind_of(node)}",
                        "for example: positions: [{title: Premier of the State Council, from: 2023-03-11}]")
        return INVALID
    positions = []
    for item in node.value:
        inner = check_node(item, path, {"title": text_value, "from": date_value, "to": date_value},
                           "a position", checked)
        if "title" not in inner.values:
            if not inner.problems:
                checked.problem(item, path, "a position needs a 'title'", "for example: {title: Premier, from: 2023-03-11}")
            continue
        positions.append(Position(inner.values["title"], inner.values.get("from"), inner.values.get("to")))
    return positions


PERSON_KEYS = {"name": text_value, "aliases": text_list, "positions": positions_value, "extra": any_mapping}


def load_people(config: Config, problems: list[Diagnostic]) -> dict[str, PersonFile]:
    people = {}
    for path in markdown_files(config, "people"):
        doc = read_document(path, config, problems)
        person_id = stem_slug(path, config, problems, "person")
        if doc is None or person_id is None:
            continue
        checked = check_mapping(doc, PERSON_KEYS, "person front matter")
        problems += checked.problems
        if "name" not in checked.values and not checked.problems:
            problems.append(Diagnostic(Location(doc.path, 1, 1), "a person file needs a 'name'",
                                       "add 'name: …' (the canonical name) to the front matter"))
            continue
        if checked.problems:
            continue
        people[person_id] = PersonFile(person_id, checked.values["name"], doc.path,
                                       checked.values.get("aliases", []), checked.values.get("positions", []),
                                       doc.body, doc.body_line)
    return people


def apply_people(events: list[Event], people: dict[str, PersonFile]) -> None:
    """Give every person the readouts name their canonical id and name where a people file
    lists the printed name (its name, an alias, or its id); titles stay as printed."""
    by_name: dict[str, PersonFile] = {}
    for entry in people.values():
        for name in [entry.name, *entry.aliases]:
            by_name[name.lower()] = entry
    for event in events:
        renamed: dict[str, str] = {}
        for person in event.people():
            canonical = by_name.get(person.name.lower()) or people.get(person.id)
            if canonical and (canonical.id, canonical.name) != (person.id, person.name):
                renamed[person.id] = canonical.id
                person.id, person.name = canonical.id, canonical.name
        for statement in event.statements:
            if statement.speaker:
                statement.speaker = renamed.get(statement.speaker, statement.speaker)


# Pages ------------------------------------------------------------------------------------

PAGE_KEYS = {"title": text_value, "description": optional_text, "nav_order": int_value, "extra": any_mapping}
# The site's own top-level folders (and Material's, and those planned), which a free page
# would replace or mix its files into.
RESERVED_PAGES = {"events", "people", "topics", "themes", "places", "organizations", "timeline", "search",
                  "data", "static", "pagefind", "assets", "series", "page"}


def load_pages(config: Config, problems: list[Diagnostic]) -> list[PageFile]:

    pages = []
    for path in markdown_files(config, "pages"):
        doc = read_document(path, config, problems)
        slug = stem_slug(path, config, problems, "page")
        if doc is None or slug is None:
            continue
        if slug in RESERVED_PAGES:
            problems.append(Diagnostic(Location(doc.path), f"page '{slug}' would replace the site's own /{slug}/ pages",
                                       "rename the file"))
            continue
        checked = check_mapping(doc, PAGE_KEYS, "page front matter")
        problems += checked.problems
        if "title" not in checked.values:
            if not checked.problems:
                problems.append(Diagnostic(Location(doc.path, 1, 1), "a page needs a 'title'",
                                           "add 'title: …' to the front matter"))
            continue
        pages.append(PageFile(slug, checked.values["title"], doc.path, checked.values.get("description") or "",
                              checked.values.get("nav_order"), doc.body, doc.body_line))
    return pages


# Event corrections ------------------------------------------------------------------------

def load_content(config: Config, cache: Cache | None = None, last: ContentMemo | None = None) -> Content:
    """Read ``content/``, check it, and merge the editors' corrections into the events
    (``cache`` keeps parsed readouts between builds).

    Given ``last`` (the ``ContentMemo`` of the last build, kept by the preview; read, never
    changed), a readout no event file corrects that did not change is the very object of the
    last build, so later stages see at once that nothing about it changed; the result's
    ``memo`` is this build's, for the next."""
    problems: list[Diagnostic] = []
    event_files = markdown_files(config, "events")
    salt = memo_salt(config, event_files) if last is not None else None
    reuse = last.events if last is not None and last.salt == salt else {}
    try:
        read = keyed_events(config, cache, reuse, last.stats if last is not None else None)
        keyed, stats = read.events, read.stats
    except ReadoutError as error:
        problems += error.diagnostics
        keyed, stats = [], None
    events = [event for _, event in keyed]
    people = load_people(config, problems)
    pages = load_pages(config, problems)
    apply_people([event for key, event in keyed if reuse.get(key) is not event], people)
    by_id = {e.id: e for e in events}
    known_people = {p.id: p.name for e in events for p in e.people()}
    known_people.update({p.id: p.name for p in people.values()})
    themes = {t.slug for t in config.themes}
    commentary = {}

    for path in event_files:
        doc = read_document(path, config, problems)
        if doc is None:
            continue
        event = by_id.get(path.stem)
        if event is None:
            if events:
                problems.append(Diagnostic(Location(doc.path), f"no readout for event '{path.stem}'",
                                           did_you_mean(path.stem, by_id) or
                                           "an event file is named after its readout in content/sources/"))
            continue
        checked = check_mapping(doc, EventChecks(event, known_people, people, themes).keys(), "event front matter")
        problems += checked.problems
        if not checked.problems:
            apply_corrections(event, checked.values)
        commentary[event.id] = Commentary(doc.path, doc.body, doc.body_line)
    if problems:
        raise ReadoutError.collect(problems)
    memo = None
    if last is not None:
        corrected = {path.stem for path in event_files}
        memo = ContentMemo(salt, {key: event for key, event in keyed if event.id not in corrected}, stats or {})
    return Content(events, people, pages, commentary, memo)


def memo_salt(config: Config, event_files: list[Path]) -> str:
    """What a finished, uncorrected event depends on besides its source: the people files,
    site.yml, and which events have an editor's file."""
    import hashlib

    digest = hashlib.sha256(CACHE_VERSION.encode())
    for path in [config.root / "site.yml", *markdown_files(config, "people")]:
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            digest.update(b"-\0")
    digest.update("\0".join(path.stem for path in event_files).encode())
    return digest.hexdigest()
