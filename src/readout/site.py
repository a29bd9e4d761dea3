"""Events + config → ``Site``: every page with its URL and view model, cross-links resolved.

Nothing is rendered here; the whole graph is built first so that collisions and broken
references are found before a single page is written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .config import Config
from .content import Content
from .context import (
    Appearance, EventPage, EventSummary, FreePage, HomePage, Link, Page, ParagraphView,
    PeoplePage, PersonPage, PersonRef, PersonSummary, PositionView, Segment, SectionView,
    SiteInfo, SourcePage, StatementGroup, StatementView, TopicPage,
)
from .errors import Diagnostic, Location, ReadoutError
from .markup import Links, check_links, to_html
from .model import SECTION_TITLES, TOPICS, Event, Person

HOME = Link("", "Home")


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs: site-wide info and the pages, sorted by URL."""

    info: SiteInfo
    pages: tuple[Page, ...]
    events: tuple[Event, ...]


def event_url(event: Event) -> str:
    return f"events/{event.id}/"


def person_url(person_id: str) -> str:
    return f"people/{person_id}/"


def tag_themes(events: list[Event], config: Config) -> None:
    """Tag each statement with the themes whose keywords it contains (whole words)."""
    patterns = [
        (theme.slug, re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, theme.keywords)) + r")(?![\w-])",
                                re.IGNORECASE))
        for theme in config.themes if theme.keywords
    ]
    for event in events:
        for statement in event.statements:
            statement.themes = [slug for slug, pattern in patterns if pattern.search(statement.text)]


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


def record_links(events: list[Event], content: Content) -> Links:
    """Every record an editor's Markdown may link to."""
    links = Links()
    for event in events:
        links.events[event.id] = (event.title, event_url(event))
        for s in event.statements:
            links.statements[f"{event.id}#{s.id}"] = f"{event_url(event)}source/#{s.id}"
        for person in event.people():
            links.people[person.id] = (person.name, person_url(person.id))
            links.names.setdefault(person.name.lower(), person.id)
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


def build_site(content: Content, config: Config) -> Site:
    """The complete page graph, newest event first on the home page."""
    events = content.events
    check_unique_ids(events)
    tag_themes(events, config)
    links = record_links(events, content)
    check_all_links(content, links)
    events = sorted(events, key=lambda e: (e.date.isoformat() if e.date else "", e.id), reverse=True)
    nav = [Link("", "Events"), Link("people/", "People")]
    in_nav = [p for p in content.pages if p.nav_order is not None]
    nav += [Link(f"{p.slug}/", p.title) for p in sorted(in_nav, key=lambda p: (p.nav_order, p.slug))]
    info = SiteInfo(config.title, config.description, config.language, tuple(nav))
    pages: list[Page] = []
    summaries = {e.id: summarize(e) for e in events}
    theme_titles = {t.slug: t.title for t in config.themes}
    for event in events:
        note = content.commentary.get(event.id)
        commentary = to_html(note.body, links, event_url(event), event.id, heading_level=2) if note else ""
        pages += event_pages(event, summaries[event.id], theme_titles, commentary)
    pages += people_pages(events, summaries, theme_titles, content, links)
    for free in content.pages:
        pages.append(FreePage(url=f"{free.slug}/", title=free.title, description=free.description,
                              breadcrumbs=(HOME,), body=to_html(free.body, links, f"{free.slug}/")))
    pages.append(HomePage(url="", title=config.title, description=config.description,
                          breadcrumbs=(), events=tuple(summaries[e.id] for e in events)))
    return Site(info, tuple(sorted(pages, key=lambda p: p.url)), tuple(events))


def person_ref(person: Person) -> PersonRef:
    return PersonRef(person.id, person.name, person_url(person.id), tuple(person.titles))


def summarize(event: Event) -> EventSummary:
    lead = event.statements_in("lead")
    return EventSummary(
        id=event.id, url=event_url(event), title=event.title, date=event.date,
        time_of_day=event.time_of_day, kind=event.kind, location=event.location,
        host=person_ref(event.host) if event.host else None,
        summary=lead[0].text if lead else (event.statements[0].text if event.statements else ""),
    )


def statement_views(event: Event, summary: EventSummary,
                    theme_titles: dict[str, str]) -> dict[str, StatementView]:
    people = {p.id: person_ref(p) for p in event.people()}
    return {
        s.id: StatementView(
            id=s.id, section=s.section, section_title=SECTION_TITLES[s.section], text=s.text,
            paragraph_number=s.paragraph + 1, source_url=f"{event_url(event)}source/#{s.id}",
            speaker=people.get(s.speaker) if s.speaker else None, event=summary,
            themes=tuple(theme_titles.get(t, t) for t in s.themes),
        )
        for s in event.statements
    }


def event_pages(event: Event, summary: EventSummary, theme_titles: dict[str, str],
                commentary: str = "") -> list[Page]:
    """The event page, its topic pages and its source page."""
    url = event_url(event)
    views = statement_views(event, summary, theme_titles)
    attendees = tuple(person_ref(p) for p in event.attendees)
    sections = [
        SectionView(topic, SECTION_TITLES[topic], f"{url}{topic}/",
                    tuple(views[s.id] for s in event.statements_in(topic)))
        for topic in TOPICS
        if event.statements_in(topic) or (topic == "attendees" and attendees)
    ]
    trail = (HOME,)
    event_trail = trail + (Link(url, event.title),)
    description = summary.summary[:200]
    pages: list[Page] = [EventPage(
        url=url, title=event.title, description=description, breadcrumbs=trail, event=summary,
        subject=event.subject, published=event.source.published, attendees=attendees,
        lead=tuple(views[s.id] for s in event.statements_in("lead")), sections=tuple(sections),
        source_url=f"{url}source/", source_path=event.source.path, commentary=commentary,
        corrected=tuple(readable_correction(c) for c in event.corrected), themes=tuple(theme_titles.get(t, t) for t in event.themes),
    )]
    for i, section in enumerate(sections):
        before = sections[i - 1] if i > 0 else None
        after = sections[i + 1] if i + 1 < len(sections) else None
        pages.append(TopicPage(
            url=section.url, title=f"{section.title} — {event.title}",
            description=f"{section.title} at the {event.kind or 'event'} of {event.date or 'unknown date'}: "
                        + (section.statements[0].text[:160] if section.statements else ""),
            breadcrumbs=event_trail, event=summary, section=section,
            attendees=attendees if section.section == "attendees" else (),
            previous=Link(before.url, before.title) if before else None,
            next=Link(after.url, after.title) if after else None,
        ))
    pages.append(SourcePage(
        url=f"{url}source/", title=f"Source text — {event.title}",
        description=f"The full text of the readout, paragraphs numbered: {event.title}",
        breadcrumbs=event_trail, event=summary, paragraphs=paragraph_views(event, views),
        source_path=event.source.path, sha256=event.source.sha256, published=event.source.published,
    ))
    return pages


def readable_correction(entry: str) -> str:
    """"time_of_day" → "time of day"; "s6.section" → "section of statement s6"."""
    statement, _, what = entry.partition(".")
    if not what:
        return entry.replace("_", " ")
    return f"statement {statement} hidden" if what == "hidden" else f"{what} of statement {statement}"


def paragraph_views(event: Event, views: dict[str, StatementView]) -> tuple[ParagraphView, ...]:
    """Each paragraph cut into statement and in-between segments, exactly covering its text."""
    by_paragraph = defaultdict(list)
    for s in event.statements:
        by_paragraph[s.paragraph].append(s)
    text = event.source_text
    paragraphs = []
    for p in event.paragraphs:
        segments, cursor = [], p.start
        for s in sorted(by_paragraph[p.index], key=lambda s: s.start):
            if s.start > cursor:
                segments.append(Segment(text[cursor:s.start]))
            segments.append(Segment(text[s.start:s.end], views[s.id]))
            cursor = s.end
        if cursor < p.end:
            segments.append(Segment(text[cursor:p.end]))
        paragraphs.append(ParagraphView(p.index + 1, p.section, tuple(segments)))
    return tuple(paragraphs)


def people_pages(events: list[Event], summaries: dict[str, EventSummary],
                 theme_titles: dict[str, str], content: Content, links: Links) -> list[Page]:
    """A page per person (one person per id across events, and one per people file) and the
    people index."""
    appearances: dict[str, list[Appearance]] = defaultdict(list)
    names: dict[str, str] = {}
    spoken: dict[str, list[StatementGroup]] = defaultdict(list)
    for event in events:  # newest first
        summary = summaries[event.id]
        for person in event.people():
            names.setdefault(person.id, person.name)
            role = "host" if event.host is person else "attendee"
            appearances[person.id].append(Appearance(summary, role, tuple(person.titles)))
        views = statement_views(event, summary, theme_titles)
        by_speaker = defaultdict(list)
        for s in event.statements:
            if s.speaker:
                by_speaker[s.speaker].append(views[s.id])
        for speaker, said in by_speaker.items():
            spoken[speaker].append(StatementGroup(summary, tuple(said)))
    for person in content.people.values():
        names[person.id] = person.name
    trail = (HOME, Link("people/", "People"))
    pages: list[Page] = []
    summaries_list = []
    for person_id in sorted(names, key=lambda i: (names[i].split()[0], names[i])):
        name = names[person_id]
        seen = appearances[person_id]
        latest = seen[0].titles if seen else ()
        file = content.people.get(person_id)
        url = person_url(person_id)
        if not latest and file and file.positions:
            latest = (file.positions[-1].title,)
        pages.append(PersonPage(
            url=url, title=name,
            description=f"{name}: " + ("; ".join(latest) if latest else "as named in the readouts"),
            breadcrumbs=trail, name=name, appearances=tuple(seen),
            statements=tuple(spoken.get(person_id, ())),
            aliases=tuple(file.aliases) if file else (),
            positions=tuple(PositionView(p.title, p.start, p.end) for p in file.positions) if file else (),
            bio=to_html(file.bio, links, url, heading_level=2) if file and file.bio.strip() else "",
        ))
        summaries_list.append(PersonSummary(person_id, name, person_url(person_id), latest, len(seen)))
    pages.append(PeoplePage(url="people/", title="People",
                            description="Everyone the readouts name, with the titles they give.",
                            breadcrumbs=(HOME,), people=tuple(summaries_list)))
    return pages
