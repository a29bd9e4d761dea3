"""The template contract: what each kind of page gives its template, and nothing else.

Templates receive three names: ``site`` (a ``SiteInfo``), ``page`` (one of the ``*Page`` classes
below) and ``layout`` (the template a page extends: ``base.html``, or ``body.html`` for the
content alone). Jinja runs with ``StrictUndefined``, so a template that uses a name not documented here
fails the build. URLs are site-absolute paths without a leading slash (``events/x/``); templates
turn them into relative links with the ``relurl`` filter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


def long_date(value: date | None) -> str:
    """"30 November 2023", or "date unknown"."""
    return f"{value.day} {value:%B %Y}" if value else "date unknown"


def unique(values) -> tuple:
    """Each value once, the first time it comes, text compared regardless of case."""
    seen, kept = set(), []
    for value in values:
        key = value.lower() if isinstance(value, str) else value
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return tuple(kept)


@dataclass(frozen=True)
class Link:
    """A link to another page of the site."""

    url: str                       # the page's site path
    label: str                     # the link's text


HOME = Link("", "Home")  # the first breadcrumb of every page but the home page


@dataclass(frozen=True)
class SiteInfo:
    """Site-wide settings every page may show. ``base_url`` ends in "/" or is None; with it,
    pages get canonical URLs and the sitemap exists. ``indexes`` are the footer's links."""

    title: str                     # site.yml's title
    description: str               # site.yml's description
    language: str                  # a BCP 47 tag: the pages' lang
    nav: tuple[Link, ...]          # the header's links
    base_url: str | None = None    # the site's address, for canonical URLs and the sitemap
    indexes: tuple[Link, ...] = () # the footer's links


@dataclass(frozen=True)
class PersonRef:
    """A person as named at one event: the titles are those printed there, and ``as_printed``
    the name the text prints where it is not the person's name ("Cai Qiding" for Cai Qi)."""

    id: str                        # the person's slug (their page's last segment)
    name: str                      # the name as the record gives it
    url: str                       # their page
    titles: tuple[str, ...] = ()   # as printed at this event
    as_printed: str | None = None  # a garbled printed name, where there is one


@dataclass(frozen=True)
class RoleView:
    """The people who had one role at an event. ``role`` is "host" (who presided),
    "main_speaker" (who gave the main speech), "attendee" or "speaker" (who reported or
    spoke); ``label`` names them ("Host", "Main speaker", "Attendees", "Speakers")."""

    role: str                      # host, main_speaker, attendee or speaker
    label: str                     # what a list of them is called
    people: tuple[PersonRef, ...]  # in the order the readout names them


@dataclass(frozen=True)
class StatementView:
    """One statement, with where it stands in the source (``source_url`` ends in ``#sN``)."""

    id: str                        # s1, s2… in source order (the anchor on the source page)
    section: str                   # lead, attendees, progress, problems, priorities, conclusion or other
    section_title: str             # the section as readers read it ("Progress")
    text: str                      # exactly as the source prints it
    paragraph_number: int          # 1-based, as the source page numbers paragraphs
    source_url: str                # the statement on the source page
    speaker: PersonRef | None      # who said it, where the readout says
    event: EventSummary            # the event it was said at
    themes: tuple[Link, ...] = ()  # theme pages
    citation: str = ""             # a citation line: speaker, event, place, date, source, paragraph
    permalink: str = ""            # absolute with base_url, else the site path of the statement


@dataclass(frozen=True)
class EventSummary:
    """What lists of events show of each one."""

    id: str                        # the event id (its page's last segment)
    url: str                       # the event page
    title: str                     # "Symposium on …"
    date: date | None              # None where the readout gives no day
    time_of_day: str | None        # morning, afternoon or evening, where said
    kind: str | None               # "symposium", "meeting"…
    location: str | None           # where it took place, as printed
    host: PersonRef | None         # who presided, where anyone is said to
    summary: str                   # the lead's first sentence
    place_url: str | None = None   # the place's page, where there is one


@dataclass(frozen=True)
class SectionView:
    """One section of one event: its topic page and its statements."""

    section: str                   # the section's key ("progress")
    title: str                     # as readers read it ("Progress")
    url: str                       # the topic page of this section of this event
    statements: tuple[StatementView, ...] # in source order


@dataclass(frozen=True)
class Pager:
    """Where a page stands in a long list cut into pages. Lists by date are counted from the
    oldest: page 1 holds the oldest items, each numbered page is full and keeps its items when
    newer ones arrive (so it can be cited), and the list's own URL holds the newest full
    page (what it shares with the newest numbered page is on both). The people index, read
    A to Z, is counted from its start, its own URL page 1. The pager links the next pages
    either way, the first and the last, and those near this one — never all of them, and
    nothing that changes as the list grows, so a page's size does not grow with the archive.
    ``here`` is this page's URL; a ``near`` link with an empty URL stands for a gap ("…")."""

    number: int                    # this page's number: 1 the oldest (A to Z: the first)
    here: str                      # this page's URL
    newest: bool = False           # this is the list's own URL
    newer: Link | None = None      # the next newer page (A to Z: the previous)
    older: Link | None = None      # the next older page (A to Z: the next)
    near: tuple[Link, ...] = ()    # in the order the pager shows them


@dataclass(frozen=True)
class Page:
    """What every page has: its URL, its <title>, a one-line description and breadcrumbs
    (the trail from the home page to this page's parent)."""

    url: str                       # the page's site path ("events/x/"; "" is the home page)
    title: str                     # the <title> and, mostly, the <h1>
    description: str               # the meta description: one line
    breadcrumbs: tuple[Link, ...]  # from the home page to this page's parent

    template = "page.html"
    searched = False  # a search document (its template marks data-pagefind-body): rendered first


@dataclass(frozen=True)
class Paged(Page):
    """A page of a long list; ``pager`` is None when the whole list fits one page. Topics and
    themes hold twenty events to a page, a person's pages ten, the timeline, places and
    organizations a hundred items, the people index two hundred (``indexes``)."""

    pager: Pager | None = None     # None where the list fits one page


@dataclass(frozen=True)
class HomePage(Page):
    """The newest events (``events``) of ``count`` in all; the timeline lists every one."""

    events: tuple[EventSummary, ...] = () # the newest events
    count: int = 0                 # how many events the site holds
    template = "home.html"


@dataclass(frozen=True)
class SearchFacets:
    """What the search index is told of an event page: the section titles, the speakers and
    the people in its roles to filter by (each once, in page order, case aside), and each
    statement's section, so that a filtered result lands on a statement of that section."""

    sections: tuple[str, ...] = () # section titles to filter by
    speakers: tuple[str, ...] = () # speakers' names to filter by
    people: tuple[str, ...] = ()   # names of the other people in the event's roles (not speakers)
    statements: tuple[tuple[str, str], ...] = ()  # (statement id, section title)


@dataclass(frozen=True)
class SeriesPlace:
    """Where an event stands in its series: the series page, the event's number in it, and
    the events before and after."""

    series: Link                   # the series page
    number: int                    # the event's place in the series, from the first
    previous: Link | None = None   # the event before it in the series
    next: Link | None = None       # the event after it
    compared: Link | None = None   # what changed since the event before it
    followed: dict = field(default_factory=dict) # statement id → followups.FollowUp: what became of a priority, or which it follows up


@dataclass(frozen=True)
class EventPage(Page):
    """One event. ``commentary`` is the editor's Markdown as HTML (trusted: editors write it);
    ``corrected`` names what an editor corrected by hand ("date", "host", "s5.section")."""

    event: EventSummary | None = None # the event
    commentary: str = ""           # the editor's Markdown as HTML (trusted)
    corrected: tuple[str, ...] = () # what an editor corrected by hand ("date", "s5.section")
    themes: tuple[Link, ...] = ()  # the themes an editor gave the whole event
    jsonld: str = ""               # schema.org Event as JSON, escaped for a <script> element
    published: date | None = None  # the readout's publication date
    publisher: str | None = None   # who published the readout, where the event file says
    original_url: str | None = None  # the page it was published on (http or https only)
    roles: tuple[RoleView, ...] = ()   # host, main speaker, attendees, speakers: those not empty
    lead: tuple[StatementView, ...] = () # the lead's statements
    sections: tuple[SectionView, ...] = () # every other section that has statements (attendees: anyone but the host)
    source_url: str = ""           # the source page
    source_path: str = ""          # the readout's file in the project
    search: SearchFacets = SearchFacets() # what the search index is told of the page
    series: SeriesPlace | None = None # its place in its series, if it is in one
    template = "event.html"
    searched = True


@dataclass(frozen=True)
class TopicPage(Page):
    """One section of one event (``events/<id>/<section>/``), with the event's other topics
    before and after it. The attendees topic has everyone at the event in ``roles``."""

    event: EventSummary | None = None # the event
    section: SectionView | None = None # this page's section
    roles: tuple[RoleView, ...] = () # everyone at the event, on the attendees topic only
    previous: Link | None = None   # the event's topic before this one
    next: Link | None = None       # the event's topic after this one
    template = "topic.html"


@dataclass(frozen=True)
class Segment:
    """A run of a paragraph's text: a statement, or text between statements (``statement`` None)."""

    text: str                      # a stretch of the paragraph, as printed
    statement: StatementView | None = None # the statement it is, None between statements


@dataclass(frozen=True)
class ParagraphView:
    """One paragraph of the source, as the source page shows it."""

    number: int                    # 1-based; the anchor is #p<number>
    section: str                   # the section holding most of it
    segments: tuple[Segment, ...]  # the paragraph, statement by statement


@dataclass(frozen=True)
class SourcePage(Page):
    """The readout as published (``events/<id>/source/``): every paragraph numbered, every
    statement marked with its section and anchored (``#s5``), and where the text came from."""

    event: EventSummary | None = None # the event
    paragraphs: tuple[ParagraphView, ...] = () # every paragraph of the source
    source_path: str = ""          # the readout's file in the project
    sha256: str = ""               # the file's SHA-256, as provenance
    published: date | None = None  # the readout's publication date
    publisher: str | None = None   # who published it, where the event file says
    original_url: str | None = None # the page it was published on
    retrieved: date | None = None  # when that page was saved
    jsonld: str = ""               # schema.org CreativeWork (our copy) based on the publisher's article
    template = "source.html"


@dataclass(frozen=True)
class YearGroup:
    """The events of one year on the timeline."""

    year: int | None               # None for undated events
    events: tuple[EventSummary, ...] # newest first


@dataclass(frozen=True)
class TimelinePage(Paged):
    """Events by date, newest first, a hundred to a page; ``all_years`` links each year to
    the page where it starts."""

    years: tuple[YearGroup, ...] = () # this page's events by year
    all_years: tuple[Link, ...] = () # a link to each year, wherever its page
    chart: object = None           # charts.YearsChart of all events by year, on the newest page (None on others)
    template = "timeline.html"


@dataclass(frozen=True)
class IndexEntry:
    """A line of an index page: a link, and how many things are behind it."""

    url: str                       # the entry's page
    label: str                     # its name
    count: int                     # how many it lists
    note: str = ""                 # a line under it, where there is one


@dataclass(frozen=True)
class IndexPage(Page):
    """A list of index entries: topics, themes, places, organizations."""

    entries: tuple[IndexEntry, ...] = () # in the order shown
    intro: str = ""                # a line above the list
    template = "index-list.html"


@dataclass(frozen=True)
class StatementsPage(Paged):
    """Statements across events, grouped by event, newest first: one topic or one theme.
    ``events`` lists events tagged as a whole (themes given to an event by an editor)."""

    intro: str = ""                # a line above the list
    groups: tuple[StatementGroup, ...] = () # this page's statements, by event, newest first
    events: tuple[EventSummary, ...] = () # events an editor tagged as a whole, on the newest page
    show_section: bool = False     # label each statement with its section (themes mix sections)
    template = "statements.html"


@dataclass(frozen=True)
class PlacePage(Paged):
    """The events held at one place."""

    events: tuple[EventSummary, ...] = () # the events held there, newest first
    template = "place.html"


@dataclass(frozen=True)
class Holder:
    """Someone holding a title that names an organization, as printed at one event."""

    person: PersonRef              # who held the title
    title: str                     # the title as printed
    event: EventSummary            # where it was printed


@dataclass(frozen=True)
class OrganizationPage(Paged):
    """One body the titles name, with who held which title at which event."""

    holders: tuple[Holder, ...] = () # newest event first
    template = "organization.html"


@dataclass(frozen=True)
class SearchPage(Page):
    """The search page; ``has_themes``: the site has themes to point to when search cannot run."""

    has_themes: bool = False       # whether the site has themes to point to when search cannot run
    template = "search.html"


@dataclass(frozen=True)
class NotFoundPage(Page):
    """``404.html``: served for any missing path, at any depth. With ``base_url`` its links
    are absolute paths from the site's root (``base``, "/record/" for
    https://example.org/record/); without, they are relative to the root, where the page is,
    and a script finds the root when the page is served deeper."""

    base: str = ""                 # the site's path on its server where base_url gives it, else ""
    template = "404.html"


@dataclass(frozen=True)
class Appearance:
    """A person at one event: their role there, the titles printed beside their name, and the
    name printed where it is not theirs."""

    event: EventSummary            # the event
    role: str                      # "host", "main_speaker", "attendee" or "speaker"
    titles: tuple[str, ...]        # as printed there
    as_printed: str | None = None  # a garbled printed name, where there is one


@dataclass(frozen=True)
class RoleAppearances:
    """A person's events in one role, newest first; ``label`` says what they did there
    ("Presided", "Gave the main speech", "Attended", "Spoke")."""

    role: str                      # host, main_speaker, attendee or speaker
    label: str                     # what they did ("Presided")
    appearances: tuple[Appearance, ...] # newest first


@dataclass(frozen=True)
class StatementGroup:
    """Statements from one event, in source order."""

    event: EventSummary            # the event
    statements: tuple[StatementView, ...] # in source order


@dataclass(frozen=True)
class PositionView:
    """A position an editor says a person held; ``dates`` says when ("from 1 March 2023 to
    …"), empty where the editor gives no date."""

    title: str                     # the position
    dates: str = ""                # when, or empty


@dataclass(frozen=True)
class PersonPage(Paged):
    """One person: events with titles as printed there (``appearances``, newest first, and
    the same by role in ``by_role``: presided, main speech, attended, spoke), the editor's
    positions and bio (HTML), the other names readouts print, and statements attributed —
    of the ten events the page holds; ``counts`` are of all their events, by role."""

    name: str = ""                 # the person's name
    organizations: tuple[Link, ...] = () # the bodies their titles name
    aliases: tuple[str, ...] = ()  # other names a people file gives
    positions: tuple[PositionView, ...] = () # positions a people file gives
    bio: str = ""                  # the people file's Markdown as HTML (trusted)
    appearances: tuple[Appearance, ...] = () # every event, newest first
    by_role: tuple[RoleAppearances, ...] = ()     # the roles they had, in that order; none empty
    statements: tuple[StatementGroup, ...] = ()   # attributed to this person, newest event first
    counts: tuple[tuple[str, int], ...] = ()      # (what they did, how many events) for every role they had
    first_seen: EventSummary | None = None        # the earliest dated event naming them (of all pages)
    last_seen: EventSummary | None = None         # the latest one
    companions: tuple = ()                        # network.Companion: the people named with them most (of all pages)
    template = "person.html"
    searched = True


@dataclass(frozen=True)
class PersonSummary:
    """A person as the people index lists them."""

    id: str                        # the person's slug
    name: str                      # their name
    url: str                       # their page
    titles: tuple[str, ...]        # as printed at their latest event
    events: int                    # how many events name them


@dataclass(frozen=True)
class PeoplePage(Paged):
    """Everyone the readouts name, by name."""

    people: tuple[PersonSummary, ...] = field(default_factory=tuple) # this page's people, by name
    network: bool = False          # whether the site has a who-meets-whom page (people/network/)
    template = "people.html"


@dataclass(frozen=True)
class FreePage(Page):
    """A page an editor wrote in ``content/pages/`` (``body`` is its Markdown as HTML)."""

    body: str = ""                 # the editor's Markdown as HTML (trusted)
    template = "page.html"
    searched = True
