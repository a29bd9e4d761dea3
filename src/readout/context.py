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


@dataclass(frozen=True)
class Link:
    """A link to another page of the site."""

    url: str
    label: str


HOME = Link("", "Home")  # the first breadcrumb of every page but the home page


@dataclass(frozen=True)
class SiteInfo:
    """Site-wide settings every page may show. ``base_url`` ends in "/" or is None; with it,
    pages get canonical URLs and the sitemap exists. ``indexes`` are the footer's links."""

    title: str
    description: str
    language: str
    nav: tuple[Link, ...]
    base_url: str | None = None
    indexes: tuple[Link, ...] = ()


@dataclass(frozen=True)
class PersonRef:
    """A person as named at one event: the titles are those printed there, and ``as_printed``
    the name the text prints where it is not the person's name ("Cai Qiding" for Cai Qi)."""

    id: str
    name: str
    url: str
    titles: tuple[str, ...] = ()
    as_printed: str | None = None


@dataclass(frozen=True)
class RoleView:
    """The people who had one role at an event. ``role`` is "host" (who presided),
    "main_speaker" (who gave the main speech), "attendee" or "speaker" (who reported or
    spoke); ``label`` names them ("Host", "Main speaker", "Attendees", "Speakers")."""

    role: str
    label: str
    people: tuple[PersonRef, ...]


@dataclass(frozen=True)
class StatementView:
    """One statement, with where it stands in the source (``source_url`` ends in ``#sN``)."""

    id: str
    section: str
    section_title: str
    text: str
    paragraph_number: int          # 1-based, as the source page numbers paragraphs
    source_url: str
    speaker: PersonRef | None
    event: EventSummary
    themes: tuple[Link, ...] = ()  # theme pages
    citation: str = ""             # a citation line: speaker, event, place, date, source, paragraph
    permalink: str = ""            # absolute with base_url, else the site path of the statement


@dataclass(frozen=True)
class EventSummary:
    """What lists of events show of each one."""

    id: str
    url: str
    title: str
    date: date | None
    time_of_day: str | None
    kind: str | None
    location: str | None
    host: PersonRef | None
    summary: str                   # the lead's first sentence
    place_url: str | None = None


@dataclass(frozen=True)
class SectionView:
    """One section of one event: its topic page and its statements."""

    section: str
    title: str
    url: str
    statements: tuple[StatementView, ...]


@dataclass(frozen=True)
class Pager:
    """Where a page stands in a long list cut into pages. Pages are counted from the oldest:
    page 1 holds the oldest items, and the newest (partial) page is the list's own URL, so a
    page's items stay as they are when newer ones arrive and a page can be cited. The pager
    links the newer and older pages, the newest and the oldest, and those near this one —
    never all of them, and nothing that changes as the list grows, so a page's size does not
    grow with the archive. ``here`` is this page's URL; a ``near`` link with an empty URL
    stands for a gap ("…")."""

    number: int
    here: str
    newest: bool = False           # this is the list's own URL, its newest page
    newer: Link | None = None
    older: Link | None = None
    near: tuple[Link, ...] = ()    # newest first


@dataclass(frozen=True)
class Page:
    """What every page has: its URL, its <title>, a one-line description and breadcrumbs
    (the trail from the home page to this page's parent)."""

    url: str
    title: str
    description: str
    breadcrumbs: tuple[Link, ...]

    template = "page.html"
    searched = False  # a search document (its template marks data-pagefind-body): rendered first


@dataclass(frozen=True)
class Paged(Page):
    """A page of a long list; ``pager`` is None when the whole list fits one page. Topics and
    themes hold twenty events to a page, the timeline, places and organizations a hundred
    items, the people index two hundred (``indexes``)."""

    pager: Pager | None = None


@dataclass(frozen=True)
class HomePage(Page):
    """The newest events (``events``) of ``count`` in all; the timeline lists every one."""

    events: tuple[EventSummary, ...] = ()
    count: int = 0
    template = "home.html"


@dataclass(frozen=True)
class EventPage(Page):
    """One event. ``commentary`` is the editor's Markdown as HTML (trusted: editors write it);
    ``corrected`` names what an editor corrected by hand ("date", "host", "s5.section")."""

    event: EventSummary | None = None
    commentary: str = ""
    corrected: tuple[str, ...] = ()
    themes: tuple[Link, ...] = ()
    jsonld: str = ""               # schema.org Event as JSON, escaped for a <script> element
    subject: str | None = None
    published: date | None = None
    publisher: str | None = None   # who published the readout, where the event file says
    original_url: str | None = None  # the page it was published on (http or https only)
    attendees: tuple[PersonRef, ...] = ()
    roles: tuple[RoleView, ...] = ()   # host, main speaker, attendees, speakers: those not empty
    lead: tuple[StatementView, ...] = ()
    sections: tuple[SectionView, ...] = ()
    source_url: str = ""
    source_path: str = ""
    template = "event.html"
    searched = True


@dataclass(frozen=True)
class TopicPage(Page):
    """One section of one event (``events/<id>/<section>/``), with the event's other topics
    before and after it. The attendees topic has everyone at the event in ``roles``."""

    event: EventSummary | None = None
    section: SectionView | None = None
    attendees: tuple[PersonRef, ...] = ()
    roles: tuple[RoleView, ...] = ()
    previous: Link | None = None
    next: Link | None = None
    template = "topic.html"


@dataclass(frozen=True)
class Segment:
    """A run of a paragraph's text: a statement, or text between statements (``statement`` None)."""

    text: str
    statement: StatementView | None = None


@dataclass(frozen=True)
class ParagraphView:
    number: int                    # 1-based; the anchor is #p<number>
    section: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class SourcePage(Page):
    event: EventSummary | None = None
    paragraphs: tuple[ParagraphView, ...] = ()
    source_path: str = ""
    sha256: str = ""
    published: date | None = None
    publisher: str | None = None
    original_url: str | None = None
    retrieved: date | None = None
    jsonld: str = ""               # schema.org CreativeWork (our copy) based on the publisher's article
    template = "source.html"


@dataclass(frozen=True)
class YearGroup:
    year: int | None
    events: tuple[EventSummary, ...]


@dataclass(frozen=True)
class TimelinePage(Paged):
    """Events by date, newest first, a hundred to a page; ``all_years`` links each year to
    the page where it starts."""

    years: tuple[YearGroup, ...] = ()
    all_years: tuple[Link, ...] = ()
    template = "timeline.html"


@dataclass(frozen=True)
class IndexEntry:
    """A line of an index page: a link, and how many things are behind it."""

    url: str
    label: str
    count: int
    note: str = ""


@dataclass(frozen=True)
class IndexPage(Page):
    """A list of index entries: topics, themes, places, organizations."""

    entries: tuple[IndexEntry, ...] = ()
    intro: str = ""
    template = "index-list.html"


@dataclass(frozen=True)
class StatementsPage(Paged):
    """Statements across events, grouped by event, newest first: one topic or one theme.
    ``events`` lists events tagged as a whole (themes given to an event by an editor)."""

    intro: str = ""
    groups: tuple[StatementGroup, ...] = ()
    events: tuple[EventSummary, ...] = ()
    show_section: bool = False     # label each statement with its section (themes mix sections)
    template = "statements.html"


@dataclass(frozen=True)
class PlacePage(Paged):
    events: tuple[EventSummary, ...] = ()
    template = "place.html"


@dataclass(frozen=True)
class Holder:
    """Someone holding a title that names an organization, as printed at one event."""

    person: PersonRef
    title: str
    event: EventSummary


@dataclass(frozen=True)
class OrganizationPage(Paged):
    holders: tuple[Holder, ...] = ()
    template = "organization.html"


@dataclass(frozen=True)
class SearchPage(Page):
    template = "search.html"


@dataclass(frozen=True)
class NotFoundPage(Page):
    """``404.html``: served for any missing path, so its links are made absolute from the site
    root (``base`` is the root's path, "/" unless base_url says otherwise)."""

    base: str = "/"
    template = "404.html"


@dataclass(frozen=True)
class Appearance:
    """A person at one event: their role there, the titles printed beside their name, and the
    name printed where it is not theirs."""

    event: EventSummary
    role: str                      # "host", "main_speaker", "attendee" or "speaker"
    titles: tuple[str, ...]
    as_printed: str | None = None


@dataclass(frozen=True)
class RoleAppearances:
    """A person's events in one role, newest first; ``label`` says what they did there
    ("Presided", "Gave the main speech", "Attended", "Spoke")."""

    role: str
    label: str
    appearances: tuple[Appearance, ...]


@dataclass(frozen=True)
class StatementGroup:
    """Statements from one event, in source order."""

    event: EventSummary
    statements: tuple[StatementView, ...]


@dataclass(frozen=True)
class PositionView:
    title: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class PersonPage(Page):
    """One person: events with titles as printed there (``appearances``, newest first, and
    the same by role in ``by_role``: presided, main speech, attended, spoke), the editor's
    positions and bio (HTML), the other names readouts print, and statements attributed."""

    name: str = ""
    organizations: tuple[Link, ...] = ()
    aliases: tuple[str, ...] = ()
    positions: tuple[PositionView, ...] = ()
    bio: str = ""
    appearances: tuple[Appearance, ...] = ()
    by_role: tuple[RoleAppearances, ...] = ()     # the roles they had, in that order; none empty
    statements: tuple[StatementGroup, ...] = ()   # attributed to this person, newest event first
    template = "person.html"
    searched = True


@dataclass(frozen=True)
class PersonSummary:
    id: str
    name: str
    url: str
    titles: tuple[str, ...]        # as printed at their latest event
    events: int


@dataclass(frozen=True)
class PeoplePage(Paged):
    people: tuple[PersonSummary, ...] = field(default_factory=tuple)
    template = "people.html"


@dataclass(frozen=True)
class FreePage(Page):
    """A page an editor wrote in ``content/pages/`` (``body`` is its Markdown as HTML)."""

    body: str = ""
    template = "page.html"
    searched = True
