"""What the whole site is checked for before anything is written: one event per id, one page
per URL, and every record link in the editors' Markdown leading to a record. Each problem is a
located error, all of them reported together."""

from __future__ import annotations

from .config import Config
from .content import Content
from .context import FreePage, OrganizationPage, Page, PersonPage
from .errors import Diagnostic, Location, ReadoutError, line_column
from .markup import Links, check_links
from .model import Event
from .urls import event_url, person_url, statement_url


def check_unique_ids(events: list[Event]) -> None:
    """Two sources giving the same event id would write the same pages: report every clash."""
    first: dict[str, Event] = {}
    problems = []
    for event in events:
        if event.id in first:
            problems.append(Diagnostic(
                Location(event.source.path), f"event id '{event.id}' is also given by {first[event.id].source.path}",
                "rename one of the two source files; the file name is the event id"))
        else:
            first[event.id] = event
    if problems:
        raise ReadoutError.collect(problems)


def links_of(event: Event) -> tuple:
    """What an editor's Markdown may link to in one event: the event, its statements, its people."""
    return ((event.title, event_url(event.id)),
            {f"{event.id}#{s.id}": statement_url(event.id, s.id) for s in event.statements},
            [(person.id, person.name) for person in event.people()])


def record_links(events: list[Event], content: Content, part=None) -> Links:
    """Every record an editor's Markdown may link to (``part`` remembers each event's share)."""
    links = Links()
    for event in events:
        entry, statements, people = part(event, "links", links_of) if part else links_of(event)
        links.events[event.id] = entry
        links.statements.update(statements)
        for person_id, name in people:
            links.people[person_id] = (name, person_url(person_id))
            links.names.setdefault(name.lower(), person_id)
    for person in content.people.values():
        links.people[person.id] = (person.name, person_url(person.id))
        for name in [person.name, *person.aliases]:
            links.names[name.lower()] = person.id
    return links


def check_all_links(content: Content, links: Links) -> None:
    """Every broken record link in every editor's file, reported together."""
    problems = []
    for event_id, note in sorted(content.commentary.items()):
        problems += check_links(note.body, note.path, note.body_line, links, event_id)
    for person in content.people.values():
        problems += check_links(person.bio, person.path, person.body_line, links, None)
    for free in content.pages:
        problems += check_links(free.body, free.path, free.body_line, links, None)
    if problems:
        raise ReadoutError.collect(problems)


def one_page_per_url(pages: list[Page], config: Config) -> None:
    """Two pages never claim one URL (``State-Council`` beside "State Council", a place and a
    place spelt in other letters with one slug…): every collision is a located error naming
    both, found before anything is written. ``pages`` is sorted by URL."""
    problems, seen = [], set()
    for first, second in zip(pages, pages[1:]):
        if first.url != second.url:
            continue  # (most pairs: naming the pages is for a collision only)
        pair = (describe(first), describe(second))
        if pair in seen:
            continue
        seen.add(pair)  # a list cut into pages collides on every page: say it once
        problems.append(Diagnostic(origin(second, config) or origin(first, config) or Location("site.yml"),
                                   f"{pair[0]} and {pair[1]} would both be at {first.url}",
                                   "names that differ only in case, spaces or punctuation get one URL: "
                                   "use one spelling, or change one of them"))
    if problems:
        raise ReadoutError.collect(problems)


def describe(page: Page) -> str:
    """A page as a message names it: "the organization 'State Council'"."""
    kind = {"OrganizationPage": "the organization", "PlacePage": "the place", "PersonPage": "the person",
            "FreePage": "the page", "EventPage": "the event", "StatementsPage": "the list"}.get(
        type(page).__name__, "the page")
    title = page.title.split(" — page ")[0]
    return f"{kind} {title!r}"


def origin(page: Page, config: Config) -> Location | None:
    """The file (and line, where one can be found) that made a page."""
    if isinstance(page, FreePage):
        return Location(f"content/pages/{page.url.rstrip('/')}.md")
    if isinstance(page, PersonPage) and (config.content_dir / "people" / f"{page.url.split('/')[1]}.md").is_file():
        return Location(f"content/people/{page.url.split('/')[1]}.md")
    if isinstance(page, OrganizationPage) and (config.root / "site.yml").is_file():
        name = page.title.split(" — page ")[0]
        text = (config.root / "site.yml").read_text(encoding="utf-8", errors="replace")
        if name in text:  # an organization the project's lexicon adds
            line, column = line_column(text, text.index(name))
            return Location("site.yml", line, column)
    return None
