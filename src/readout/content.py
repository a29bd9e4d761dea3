"""The editors' folder, ``content/``: readouts, corrections and commentary, people, pages.

``load_content`` reads it all, checks every front matter against the events the loader read,
and merges the editors' corrections in (the editor always wins). Every problem in the project
is gathered first and raised once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .config import Config
from .errors import Diagnostic, Location, ReadoutError, decode_utf8, read_input
from .forks import Workers
from .frontmatter import (
    INVALID,
    Checked,
    Document,
    any_mapping,
    check_mapping,
    date_value,
    did_you_mean,
    int_value,
    is_null,
    kind_of,
    one_of,
    optional_text,
    split_document,
    text_list,
    text_value,
)
from .load import Lexicon, decode_source, default_lexicon, paragraph_sections, parse_source, slugify
from .load.segment import Span
from .model import ROLE_FIELDS, SECTIONS, Event, Person
from .urls import RESERVED, is_web_address, unsafe_slug


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


def project_lexicon(config: Config) -> Lexicon:
    """The loader's lexicon with the project's additions from ``site.yml``."""
    return default_lexicon().extended(config.lexicon) if config.lexicon else default_lexicon()


def relative(path: Path, config: Config) -> str:
    return path.relative_to(config.root).as_posix()


def files_in(folder: Path, suffix: str, config: Config) -> list[Path]:
    """The files ending in ``suffix`` directly in ``folder``, sorted by name; a symbolic link
    that leads outside the project is an error: a build reads nothing the project does not
    hold. Hidden files (``.DS_Store``, macOS's ``._x.txt``, an editor's ``.#x.md`` lock) are
    no one's content and are passed over. (One directory read: the archive's thousands of
    sources cost no call each.)"""
    try:
        with os.scandir(folder) as listing:
            entries = sorted((entry for entry in listing if entry.name.endswith(suffix) and not is_hidden(entry.name)),
                             key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    root = config.root.resolve()
    kept, problems = [], []
    for entry in entries:
        path = folder / entry.name
        if entry.is_symlink() and not path.resolve().is_relative_to(root):
            problems.append(Diagnostic(Location(relative(path, config)),
                                       f"symbolic link leads outside the project (to {path.resolve()})",
                                       "copy the file into the project instead of linking to it"))
        elif entry.is_file():
            kept.append(path)
    if problems:
        raise ReadoutError.collect(problems)
    return kept


def is_hidden(name: str) -> bool:
    """Whether a file name is hidden, as the shell and file managers hide it."""
    return name.startswith(".")


def markdown_files(config: Config, folder: str) -> list[Path]:
    return files_in(config.content_dir / folder, ".md", config)


def source_paths(config: Config) -> list[Path]:
    """The readouts under ``content/sources/``, sorted."""
    return files_in(config.content_dir / "sources", ".txt", config)


CACHE_VERSION = "1"


# Readouts are parsed in two forked processes when at least this many need parsing.
PARALLEL_PARSE_FROM = 200


def parse_bytes(data: bytes, shown: str, lexicon: Lexicon) -> Event:
    return parse_source(decode_source(data, shown), shown, lexicon)


@dataclass(frozen=True)
class ParseJob:
    """One readout to parse: its bytes, the path shown in messages, the lexicon."""

    data: bytes
    shown: str
    lexicon: Lexicon

    def __call__(self) -> bytes | list[Diagnostic]:
        """The event, pickled (it may cross from a worker), or the problems found."""
        import pickle

        try:
            return pickle.dumps(parse_bytes(self.data, self.shown, self.lexicon), protocol=pickle.HIGHEST_PROTOCOL)
        except ReadoutError as error:
            return error.diagnostics


def parse_many(jobs: list[ParseJob]) -> list[bytes | list[Diagnostic]]:
    """Each job's result, in order; many jobs are parsed in two processes."""
    with Workers(jobs, parallel=len(jobs) >= PARALLEL_PARSE_FROM) as workers:
        return list(workers.map(range(len(jobs)), chunksize=32))


def load_events(config: Config, cache=None) -> list[Event]:
    """Every source parsed into an event — taken from ``cache`` (``get(key)``/``put(key,
    bytes)``/``save()``, given by the build) when its bytes and the lexicon are as they were;
    all problems are gathered and raised together."""
    return [event for _, event in keyed_events(config, cache)]


def source_key(data: bytes, shown: str, lexicon: Lexicon) -> str:
    """What a source's event is parsed from — its bytes, its path, the lexicon, the cache's
    version — as one hash: the key of the event in the parse cache."""
    import hashlib

    return hashlib.sha256(b"\0".join([data, shown.encode(), lexicon.digest.encode(), CACHE_VERSION.encode()])).hexdigest()


def cached_event(key: str, cache, reuse: dict[str, Event] | None) -> Event | None:
    """The event of ``key`` as the preview's last build left it, else from the parse cache
    (a damaged entry is parsed again, not trusted)."""
    import pickle

    if reuse and key in reuse:
        return reuse[key]
    stored = cache.get(key) if cache is not None else None
    if stored is None:
        return None
    try:
        return pickle.loads(stored)
    except (pickle.PickleError, EOFError, AttributeError, ValueError):
        return None


def unchanged_key(path: Path, shown: str, stats: dict | None, reuse: dict[str, Event] | None) -> str | None:
    """The key a source had at the last build, where its size and modification time are as
    they were and its event is at hand: the preview does not read a thousand readouts to find
    the one edited. ``stats`` remembers (modification time, size, key) of each source."""
    if stats is None or not reuse:
        return None
    status = path.stat()
    seen = stats.get(shown)
    return seen[2] if seen and seen[:2] == (status.st_mtime_ns, status.st_size) and seen[2] in reuse else None


def keyed_events(config: Config, cache=None, reuse: dict[str, Event] | None = None,
                 stats: dict | None = None) -> list[tuple[str, Event]]:
    """``load_events`` with each event's cache key; an event whose key is in ``reuse`` is
    taken from it as it is (the preview server's finished events of the last build).
    ``stats`` remembers each source's size, modification time and key between builds."""
    import pickle

    lexicon = project_lexicon(config)
    problems = []
    paths = source_paths(config)
    if not paths:
        raise ReadoutError("no readouts to build: content/sources/ holds no .txt file",
                           Location("content/sources/"),
                           "add one with `readout new PATH.txt`, or copy a UTF-8 text file there")
    found: dict[int, Event] = {}
    keys: dict[int, str] = {}
    missing: list[tuple[int, str, bytes, str]] = []
    prefix = relative(config.content_dir / "sources", config)
    for index, path in enumerate(paths):
        shown = f"{prefix}/{path.name}"
        key = unchanged_key(path, shown, stats, reuse)
        if key is not None and reuse is not None:
            keys[index], found[index] = key, reuse[key]
            continue
        try:
            data = read_input(path, shown)
        except ReadoutError as error:
            problems += error.diagnostics
            continue
        keys[index] = key = source_key(data, shown, lexicon)
        if stats is not None:
            status = path.stat()
            stats[shown] = (status.st_mtime_ns, status.st_size, key)
        event = cached_event(key, cache, reuse)
        if event is not None:
            found[index] = event
        else:
            missing.append((index, key, data, shown))
    results = parse_many([ParseJob(data, shown, lexicon) for _, _, data, shown in missing])
    for (index, key, _, _), result in zip(missing, results):
        if isinstance(result, list):
            problems += result
            continue
        found[index] = pickle.loads(result)
        if cache is not None:
            cache.put(key, result)
    if cache is not None:
        cache.save()
    events = [(keys[index], found[index]) for index in range(len(paths)) if index in found]
    problems += [Diagnostic(Location(relative(paths[index], config)), f"event id {why}",
                            "rename the file: its name is the event's id and URL")
                 for index in sorted(found) if (why := unsafe_slug(found[index].id))]
    if problems:
        raise ReadoutError.collect(problems)
    return events


def collect_warnings(events: list[Event]) -> list[Diagnostic]:
    """Every event's loader warnings as diagnostics at their place in the source."""
    return [Diagnostic(Location(e.source.path, w.line, w.column), f"warning: {w.message}")
            for e in events for w in e.warnings]


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


def check_node(node, path, keys, what, outer: Checked) -> Checked:
    """Check a nested mapping node; its problems join ``outer``'s."""

    inner = check_mapping(Document(path, node, "", 1), keys, what)
    outer.problems += inner.problems
    return inner


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

class EventChecks:
    """The checkers for one event's front matter: they know its statements and the people."""

    def __init__(self, event: Event, known_people: dict[str, str], people_files: dict[str, PersonFile],
                 themes: set[str]):
        self.event, self.known_people, self.people_files, self.themes = event, known_people, people_files, themes

    def keys(self) -> dict:
        return {
            "title": text_value, "date": date_value, "time_of_day": one_of("morning", "afternoon", "evening", None),
            "kind": optional_text, "location": optional_text, "subject": optional_text,
            "host": self.person_or_none, "main_speaker": self.person_or_none, "attendees": self.people,
            "speakers": self.people, "statements": self.statements,
            "themes": self.theme_list, "extra": any_mapping, "source": source_value,
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


def load_content(config: Config, cache=None, memo: dict | None = None) -> Content:
    """Read ``content/``, check it, and merge the editors' corrections into the events
    (``cache`` keeps parsed readouts between builds).

    ``memo`` is a dict the caller keeps from one build to the next (the preview server does):
    it holds the finished events of the readouts no event file corrects, by their source's key,
    for as long as the people files and ``site.yml`` stay as they were. Such a readout that did
    not change is then the very object of the last build, so later stages see at once that
    nothing about it changed."""
    problems: list[Diagnostic] = []
    event_files = markdown_files(config, "events")
    salt = memo_salt(config, event_files) if memo is not None else None
    reuse = memo.get("events", {}) if memo is not None and memo.get("salt") == salt else {}
    try:
        keyed = keyed_events(config, cache, reuse, memo.setdefault("stats", {}) if memo is not None else None)
    except ReadoutError as error:
        problems += error.diagnostics
        keyed = []
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
    if memo is not None:
        corrected = {path.stem for path in event_files}
        memo["salt"] = salt
        memo["events"] = {key: event for key, event in keyed if event.id not in corrected}
    return Content(events, people, pages, commentary)


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
