"""Content + config → ``Site``: every page with its URL and view model, cross-links resolved.
Nothing is rendered here; the whole graph is built first so that collisions and broken
references are found before a single page is written. Pages across events (timeline, topics,
themes, places, organizations) are in ``indexes.py``, series in ``series.py``, who meets whom
in ``network.py``."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from .config import Config
from .content import Content
from .context import (
    HOME,
    Appearance,
    EventPage,
    EventSummary,
    FreePage,
    HomePage,
    Link,
    NotFoundPage,
    Page,
    ParagraphView,
    PersonPage,
    PersonRef,
    PersonSummary,
    PositionView,
    RoleAppearances,
    RoleView,
    SearchFacets,
    SearchPage,
    SectionView,
    Segment,
    SiteInfo,
    SourcePage,
    StatementGroup,
    StatementView,
    TopicPage,
    long_date,
    unique,
)
from .errors import Location
from .incremental import SiteMemo, same_objects
from .indexes import PERSON_EVENTS_PER_PAGE, index_pages, numbered, paginate, people_index
from .markup import to_html
from .model import SECTION_TITLES, TOPICS, Event, Person
from .network import COMPANIONS, Companions, network_page, shared_events
from .series import SERIES_URL, placed, series_data, series_made, series_pages, series_places
from .sitechecks import check_all_links, check_unique_ids, one_page_per_url, record_links
from .sources import project_lexicon
from .structured import event_jsonld, printed_name, publication, script_json, source_jsonld
from .urls import (
    ORGANIZATIONS_URL,
    PEOPLE_URL,
    PLACES_URL,
    SEARCH_URL,
    THEMES_URL,
    TIMELINE_URL,
    TOPICS_URL,
    event_url,
    organization_url,
    person_url,
    place_url,
    slug_of,
    statement_url,
    theme_url,
)


@dataclass(frozen=True)
class Site:
    """Everything the renderer and writer need: site-wide info, the pages sorted by URL, and
    the events (newest first) for the data files and feed."""

    info: SiteInfo
    pages: tuple[Page, ...]
    events: tuple[Event, ...]
    people: dict
    memo: SiteMemo | None = None  # what the next build may reuse (see ``build_site``)
    series: tuple[dict, ...] = ()  # data/series.json's entries (see ``series.series_data``)


HOME_EVENTS = 20  # the home page shows the newest events; the timeline lists them all

# How pages name the people of each role (``Event.by_role`` gives them, in this order) and how
# a person's page says what they did there.
ROLES = (("host", "Host", "Presided"), ("main_speaker", "Main speaker", "Gave the main speech"),
         ("attendee", "Attendees", "Attended"), ("speaker", "Speakers", "Spoke"))


def tag_themes(events: list[Event], config: Config) -> None:
    """Tag each statement with the themes whose keywords it contains (whole words), keeping
    the themes an editor gave it."""
    patterns = [(theme.slug, re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, theme.keywords)) + r")(?![\w-])", re.I))
                for theme in config.themes if theme.keywords]
    for event in events:
        for statement in event.statements:
            for slug, pattern in patterns:
                if slug not in statement.themes and pattern.search(statement.text):
                    statement.themes.append(slug)


def person_ref(person: Person) -> PersonRef:
    return PersonRef(person.id, person.name, person_url(person.id), tuple(person.titles), printed_name(person))


def role_views(event: Event) -> tuple[RoleView, ...]:
    """Who had each role at ``event``, as pages list them; empty roles left out."""
    labels = {role: label for role, label, _ in ROLES}
    return tuple(RoleView(role, labels[role], tuple(person_ref(p) for p in people))
                 for role, people in event.by_role() if people)


def readable_correction(entry: str) -> str:
    """"time_of_day" → "time of day"; "s6.section" → "section of statement s6"."""
    statement, _, what = entry.partition(".")
    if not what:
        return entry.replace("_", " ")
    return f"statement {statement} hidden" if what == "hidden" else f"{what} of statement {statement}"


class SiteBuilder:
    """Builds the page graph; holds what several kinds of page share (summaries and the
    view of every statement)."""

    def __init__(self, content: Content, config: Config, last: SiteMemo | None = None):
        self.content, self.config = content, config
        self.lexicon = project_lexicon(config)
        events = content.events
        check_unique_ids(events)
        # An event that is the very object of the last build (content's memo gives it again
        # when nothing it depends on changed) keeps its views and pages. An event with an
        # editor's file is never given again, so its commentary, whose links may name any
        # other record, is always made afresh.
        last_events = last.events if last is not None else {}
        self.last_people = last.people if last is not None else {}
        self.made_people: dict[str, tuple] = {}
        self.parts: dict[str, dict] = {}  # per event: what was made of it (see part())
        fresh = []
        for e in events:
            old = last_events.get(e.id)
            if old is not None and old["event"] is e:
                self.parts[e.id] = old
            else:
                self.parts[e.id] = {"event": e}
                fresh.append(e)
        tag_themes(fresh, config)
        self.links = record_links(events, content, self.part)
        check_all_links(content, self.links)
        self.events = sorted(events, key=lambda e: (e.date.isoformat() if e.date else "", e.id), reverse=True)
        self.rank = {e.id: i for i, e in enumerate(self.events)}  # newest first
        self.theme_titles = {t.slug: t.title for t in config.themes}
        self.keeping = last is not None

    def part(self, event: Event, name: str, make):
        """What ``make(event)`` gives, made once per event object: kept from the last build
        with the event (when the memo kept it) and shared by every kind of page."""
        parts = self.parts[event.id]
        if name not in parts:
            parts[name] = make(event)
        return parts[name]

    def summarize(self, event: Event) -> EventSummary:
        lead = next((s for s in event.statements if s.section == "lead"), None)
        return EventSummary(
            id=event.id, url=event_url(event.id), title=event.title, date=event.date,
            time_of_day=event.time_of_day, kind=event.kind, location=event.location,
            host=person_ref(event.host) if event.host else None,
            summary=lead.text if lead else (event.statements[0].text if event.statements else ""),
            place_url=place_url(event.location) if event.location and slug_of(event.location) else None,
        )

    def theme_link(self, slug: str) -> Link:
        return Link(theme_url(slug), self.theme_titles.get(slug, slug))

    def absolute(self, url: str) -> str:
        return (self.config.base_url or "") + url

    def statement_views(self, event: Event) -> dict[str, StatementView]:
        people = {p.id: person_ref(p) for p in event.people()}
        summary = self.summaries[event.id]
        views = {}
        where = ", ".join(x for x in (event.location, long_date(event.date) if event.date else None) if x)
        source = publication(event.source)
        for s in event.statements:
            speaker = people.get(s.speaker) if s.speaker else None
            source_url = statement_url(event.id, s.id)
            citation = (f"{speaker.name + ', ' if speaker else ''}{event.title}"
                        f"{', ' + where if where else ''}. Source: {source}, paragraph {s.paragraph + 1}, "
                        f"statement {s.id}.")
            views[s.id] = StatementView(
                id=s.id, section=s.section, section_title=SECTION_TITLES[s.section], text=s.text,
                paragraph_number=s.paragraph + 1, source_url=source_url, speaker=speaker, event=summary,
                themes=tuple(self.theme_link(t) for t in s.themes), citation=citation,
                permalink=self.absolute(source_url),
            )
        return views

    person_ref = staticmethod(person_ref)

    def build(self) -> Site:
        config, content = self.config, self.content
        pages: list[Page] = []
        with series_made(self.events, config.series, self.parts) as made:  # made beside these pages
            self.summaries = {e.id: self.part(e, "summary", self.summarize) for e in self.events}
            self.views = {e.id: self.part(e, "views", self.statement_views) for e in self.events}
            for event in self.events:
                pages += self.part(event, "pages", self.event_pages)
            people_pages, people = self.people_pages()
            pages += people_pages + index_pages(self)
            self.series = made()
        # An event page shows its place in its series, which other events move.
        places = series_places(self.series)
        pages = [placed(p, places[p.event.id], self.parts[p.event.id]) if isinstance(p, EventPage) and p.event
                 and p.event.id in places else p for p in pages]
        nav = [Link(TIMELINE_URL, "Timeline"), Link(TOPICS_URL, "Topics"), Link(PEOPLE_URL, "People")]
        if config.themes:
            nav.append(Link(THEMES_URL, "Themes"))
        in_nav = [p for p in content.pages if p.nav_order is not None]
        nav += [Link(f"{p.slug}/", p.title) for p in sorted(in_nav, key=lambda p: (p.nav_order, p.slug))]
        indexes = (Link(PLACES_URL, "Places"), Link(ORGANIZATIONS_URL, "Organizations"),
                   *((Link(SERIES_URL, "Series"),) if self.series else ()),
                   Link("data/events.json", "Data (JSON)"), Link("feed.xml", "Atom feed"))
        info = SiteInfo(config.title, config.description, config.language, tuple(nav), config.base_url, indexes)
        pages += series_pages(self.series, self.summaries, person_ref, self.views, self.theme_titles, self.parts)
        for free in content.pages:
            pages.append(FreePage(url=f"{free.slug}/", title=free.title, description=free.description,
                                  breadcrumbs=(HOME,), body=to_html(free.body, self.links, f"{free.slug}/", raw_html=config.raw_html,
                                                            where=Location(free.path, free.body_line))))
        pages.append(SearchPage(url=SEARCH_URL, title="Search", breadcrumbs=(HOME,), has_themes=bool(config.themes),
                                description="Search every statement, person and event."))
        pages.append(NotFoundPage(url="404.html", title="Page not found", breadcrumbs=(),
                                  description="This page does not exist.",
                                  base=re.sub(r"^https?://[^/]+", "", config.base_url) if config.base_url else ""))
        pages.append(HomePage(url="", title=config.title, description=config.description, breadcrumbs=(),
                              events=tuple(self.summaries[e.id] for e in self.events[:HOME_EVENTS]),
                              count=len(self.events)))
        pages.sort(key=lambda p: p.url)
        one_page_per_url(pages, config)
        return Site(info, tuple(pages), tuple(self.events), people,
                    SiteMemo(self.parts, self.made_people) if self.keeping else None, tuple(series_data(self.series, self.parts)))

    def event_pages(self, event: Event) -> list[Page]:
        """The event page, its topic pages and its source page."""
        url = event_url(event.id)
        summary, views = self.summaries[event.id], self.views[event.id]
        roles = role_views(event)
        by_section = defaultdict(list)
        for s in event.statements:
            by_section[s.section].append(views[s.id])
        # The attendees topic lists everyone at the event: it is there when anyone but the host is.
        sections = [
            SectionView(topic, SECTION_TITLES[topic], f"{url}{topic}/", tuple(by_section[topic]))
            for topic in TOPICS
            if by_section[topic] or (topic == "attendees" and any(r.role != "host" for r in roles))
        ]
        event_trail = (HOME, Link(url, event.title))
        note = self.content.commentary.get(event.id)
        pages: list[Page] = [EventPage(
            url=url, title=event.title, description=summary.summary[:200], breadcrumbs=(HOME,),
            event=summary, published=event.source.published, roles=roles,
            publisher=event.source.publisher, original_url=event.source.url,
            lead=tuple(by_section["lead"]), sections=tuple(sections),
            source_url=f"{url}source/", source_path=event.source.path,
            commentary=to_html(note.body, self.links, url, event.id, heading_level=2,
                               raw_html=self.config.raw_html, where=Location(note.path, note.body_line)) if note else "",
            corrected=tuple(readable_correction(c) for c in event.corrected),
            themes=tuple(self.theme_link(t) for t in event.themes),
            jsonld=script_json(event_jsonld(event, self.absolute)),
            search=search_facets(tuple(by_section["lead"]) + tuple(s for x in sections for s in x.statements), roles),
        )]
        for i, section in enumerate(sections):
            before = sections[i - 1] if i > 0 else None
            after = sections[i + 1] if i + 1 < len(sections) else None
            pages.append(TopicPage(
                url=section.url, title=f"{section.title} — {event.title}",
                description=f"{section.title} at the {event.kind or 'event'} of {event.date or 'unknown date'}: "
                            + (section.statements[0].text[:160] if section.statements else ""),
                breadcrumbs=event_trail, event=summary, section=section,
                roles=roles if section.section == "attendees" else (),
                previous=Link(before.url, before.title) if before else None,
                next=Link(after.url, after.title) if after else None,
            ))
        pages.append(SourcePage(
            url=f"{url}source/", title=f"Source text — {event.title}",
            description=f"The full text of the readout, paragraphs numbered: {event.title}",
            breadcrumbs=event_trail, event=summary, paragraphs=paragraph_views(event, views),
            source_path=event.source.path, sha256=event.source.sha256, published=event.source.published,
            publisher=event.source.publisher, original_url=event.source.url, retrieved=event.source.retrieved,
            jsonld=script_json(source_jsonld(event, self.absolute)),
        ))
        return pages

    def people_at(self, event: Event) -> tuple[list, list]:
        """Who was at ``event`` — (id, name, appearance, bodies their titles name) — and what
        each speaker said there, as a group."""
        summary, views = self.summaries[event.id], self.views[event.id]
        seen, named = [], set()
        for role, people in event.by_role():
            for person in people:
                if person.id in named:
                    continue  # one appearance an event, in the first role that names them
                named.add(person.id)
                bodies = [body for title in person.titles for body in self.lexicon.organizations_in(title)]
                appearance = Appearance(summary, role, tuple(person.titles), printed_name(person))
                seen.append((person.id, person.name, appearance, bodies))
        by_speaker = defaultdict(list)
        for s in event.statements:
            if s.speaker:
                by_speaker[s.speaker].append(views[s.id])
        return seen, [(speaker, StatementGroup(summary, tuple(said))) for speaker, said in by_speaker.items()]

    def person(self, person_id: str, inputs: tuple, file) -> tuple:
        """One person's pages, line of the people index and data, from their name, appearances
        (newest first), statement groups and organizations, and their people file if any. The
        pages hold ten of their events each, newest first (``paginate``): a person at a
        thousand events has a hundred pages of the same size, not one that grows with the archive."""
        (name, seen, said, bodies, _), met, url = inputs, self.companions(person_id), person_url(person_id)
        latest = seen[0].titles if seen else ()
        if not latest and file and file.positions:
            latest = (file.positions[-1].title,)
        rank = self.rank
        events = tuple(sorted({a.event.id for a in seen} | {g.event.id for g in said}, key=lambda i: rank[i]))
        tally = Counter(a.role for a in seen)
        dated = [a.event for a in seen if a.event.date]  # newest first
        common = dict(
            first_seen=dated[-1] if dated else None, last_seen=dated[0] if len(dated) > 1 else None,
            description=f"{name}: " + ("; ".join(latest) if latest else "as named in the readouts"),
            breadcrumbs=(HOME, Link(PEOPLE_URL, "People")), name=name,
            organizations=tuple(Link(organization_url(o), o) for o in bodies),
            aliases=tuple(file.aliases) if file else (),
            positions=tuple(PositionView(p.title, position_dates(p.start, p.end))
                            for p in file.positions) if file else (),
            bio=to_html(file.bio, self.links, url, heading_level=2, raw_html=self.config.raw_html,
                        where=Location(file.path, file.body_line)) if file and file.bio.strip() else "",
            counts=tuple((did, tally[role]) for role, _, did in ROLES if tally[role]), companions=met[:COMPANIONS],
        )
        pages = []
        for page_url, chunk, pager in paginate(url, events, PERSON_EVENTS_PER_PAGE):
            held = set(chunk)
            here = tuple(a for a in seen if a.event.id in held)
            pages.append(PersonPage(
                url=page_url, title=numbered(name, pager), pager=pager, appearances=here,
                by_role=tuple(RoleAppearances(role, did, tuple(a for a in here if a.role == role))
                              for role, _, did in ROLES if any(a.role == role for a in here)),
                statements=tuple(g for g in said if g.event.id in held), **common))
        data = {
            "id": person_id, "name": name, "aliases": list(file.aliases) if file else [],
            "appearances": [{"event": a.event.id, "date": a.event.date.isoformat() if a.event.date else None,
                             "role": a.role, "titles": list(a.titles),
                             **({"as_printed": a.as_printed} if a.as_printed else {})} for a in seen],
            "statements": [f"{g.event.id}#{s.id}" for g in said for s in g.statements],
            "appeared_with": [{"id": c.id, "events": list(c.event_ids), "roles": dict(c.roles)} for c in met],
        }
        return pages, PersonSummary(person_id, name, url, latest, len(seen)), data

    def people_pages(self) -> tuple[list[Page], dict]:
        """A page per person (one per id across events and people files), the people index,
        and the people as data (for data/people.json)."""
        appearances: dict[str, list[Appearance]] = defaultdict(list)
        names: dict[str, str] = {}
        spoken: dict[str, list[StatementGroup]] = defaultdict(list)
        organizations: dict[str, list[str]] = defaultdict(list)
        for event in self.events:  # newest first
            seen, said = self.part(event, "people", self.people_at)
            for person_id, name, appearance, bodies in seen:
                names.setdefault(person_id, name)
                appearances[person_id].append(appearance)
                for body in bodies:
                    if body not in organizations[person_id]:
                        organizations[person_id].append(body)
            for speaker, group in said:
                spoken[speaker].append(group)
        for person in self.content.people.values():
            names[person.id] = person.name
        pairs = shared_events(appearances, self.rank)
        self.companions = Companions(appearances, names, person_url, pairs)
        pages: list[Page] = []
        listed, data = [], {}
        for person_id in sorted(names, key=lambda i: (names[i].split()[0], names[i])):
            file = self.content.people.get(person_id)
            inputs = (names[person_id], appearances[person_id], spoken.get(person_id, []), organizations[person_id],
                      self.companions.named(person_id))
            last = self.last_people.get(person_id)
            if file is None and last is not None and same_inputs(last[0], inputs):
                made = last[1]  # the very same appearances and statements as last time: kept
            else:
                made = self.person(person_id, inputs, file)
            self.made_people[person_id] = (inputs, made)
            person_pages, summary, data[person_id] = made
            pages.extend(person_pages)
            listed.append(summary)
        return pages + people_index(tuple(listed), bool(pairs)) + ([network_page(pairs, names, person_url, appearances)] if pairs else []), data


def same_inputs(last: tuple, now: tuple) -> bool:
    """Whether a person's page would be made of the same things as last time: the same name
    and organizations, and the very same appearance and statement objects (kept with their
    events), in the same order."""
    (name, seen, said, bodies, met), (name_now, seen_now, said_now, bodies_now, met_now) = last, now
    return name == name_now and bodies == bodies_now and met == met_now and same_objects(seen, seen_now) and same_objects(said, said_now)


def build_site(content: Content, config: Config, last: SiteMemo | None = None) -> Site:
    """The complete page graph, newest event first on the home page. Given ``last`` (the
    ``SiteMemo`` of the last build, kept by the preview; read, never changed), an event that is
    the very object of the last build keeps its views and pages; the result's ``memo`` is this
    build's, for the next."""
    return SiteBuilder(content, config, last).build()


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


def search_facets(statements: tuple[StatementView, ...], roles: tuple[RoleView, ...]) -> SearchFacets:
    """What the search index is told of an event page whose statements (lead first, then each
    section's) are ``statements``."""
    speakers = unique(s.speaker.name for s in statements if s.speaker)
    speaking = {name.lower() for name in speakers}  # a host who speaks is one person to filter by, counted once
    return SearchFacets(sections=unique(s.section_title for s in statements), speakers=speakers,
                        people=unique(p.name for role in roles for p in role.people if p.name.lower() not in speaking),
                        statements=tuple((s.id, s.section_title) for s in statements))


def position_dates(start: date | None, end: date | None) -> str:
    """"from 1 March 2023 to 10 March 2028", "from …", "to …", or empty."""
    return " ".join(x for x in (f"from {long_date(start)}" if start else "", f"to {long_date(end)}" if end else "") if x)
