"""Pages across events: the timeline, topics, themes, places and organizations. Each function
takes an ``Archive``: what ``site.SiteBuilder`` has made of the events (newest first, their
summaries and statement views)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol, TypeVar

from .charts import years_chart
from .config import Config
from .context import (
    HOME,
    EventSummary,
    Holder,
    IndexEntry,
    IndexPage,
    Link,
    OrganizationPage,
    Page,
    Paged,
    Pager,
    PeoplePage,
    PersonRef,
    PlacePage,
    StatementGroup,
    StatementsPage,
    StatementView,
    TimelinePage,
    YearGroup,
)
from .load import Lexicon
from .model import SECTION_TITLES, TOPICS, Event, Person
from .urls import (
    ORGANIZATIONS_URL,
    PEOPLE_URL,
    PLACES_URL,
    THEMES_URL,
    TIMELINE_URL,
    TOPICS_URL,
    organization_url,
    slug_of,
    theme_url,
    topic_url,
)

P = TypeVar("P", bound=Paged)


class Archive(Protocol):
    """What the pages across events are made from (``site.SiteBuilder`` is one)."""

    config: Config
    lexicon: Lexicon
    events: list[Event]  # newest first
    summaries: dict[str, EventSummary]  # by event id
    views: dict[str, dict[str, StatementView]]  # by event id, then statement id

    def part(self, event: Event, name: str, make: Callable[[Event], Any]) -> Any:
        """What ``make(event)`` gives, made once per event (and kept between builds)."""
        ...

    def person_ref(self, person: Person) -> PersonRef: ...

TOPIC_INTROS = {
    "attendees": "Who attended each event, as the readouts say it.",
    "progress": "What the readouts say has been achieved.",
    "problems": "The problems and shortcomings the readouts point out.",
    "priorities": "What the readouts say must be done next.",
    "conclusion": "How each event was concluded.",
}


# Long lists are cut into pages of this many items (``…/page/2/``), so that no page grows with
# the archive and an edit re-renders only the page of the list that holds it.
GROUPS_PER_PAGE = 20       # events on a page of statements (a topic or a theme)
EVENTS_PER_PAGE = 100      # events on a page of the timeline
HOLDERS_PER_PAGE = 100     # titles on a page of an organization
PEOPLE_PER_PAGE = 200      # people on a page of the people index
PERSON_EVENTS_PER_PAGE = 10  # events on a page of one person's (their roles and what they said)


def paginate(url: str, items: tuple, size: int) -> list[tuple[str, tuple, Pager | None]]:
    """``items`` (newest first) cut into pages of ``size``: (URL, items, pager) for each,
    newest page first. The list's own page, ``url``, holds the newest ``size`` items: a full
    page, never the one or two left over. Older pages are numbered from the oldest end and
    are full too, so that they stay citable: page 1 (``url``page/1/) holds the oldest
    ``size`` items, page 2 the next, and so on; what the newest of them shares with the
    list's own page is shown on both. Adding a newer item changes the list's own page only
    (and every ``size`` items numbers a new page); a list that fits one page has no pager."""
    count = max(1, -(-len(items) // size))
    if count == 1:
        return [(url, items, None)]
    oldest_first = items[::-1]
    urls = {n: f"{url}page/{n}/" for n in range(1, count)} | {count: url}
    return [(url, items[:size], pager_at(count, count, urls))] + [
        (urls[n], oldest_first[(n - 1) * size:n * size][::-1], pager_at(n, count, urls)) for n in range(count - 1, 0, -1)]


def pager_at(number: int, count: int, urls: dict[int, str]) -> Pager:
    """The pager of page ``number`` of ``count``: the newest, the oldest, two either side."""
    return Pager(number, urls[number], newest=number == count,
                 newer=Link(urls[number + 1], "Newer") if number < count else None,
                 older=Link(urls[number - 1], "Older") if number > 1 else None,
                 near=near_links(number, count, urls, newest_first=True))


def near_links(number: int, count: int, urls: dict[int, str], newest_first: bool) -> tuple[Link, ...]:
    """The links of a pager: the first and last pages and two either side of ``number``, a
    gap ("…") where pages are skipped; newest first (the newest named "Newest") or from page 1."""
    near, last = [], None
    for n in sorted({count, 1, *range(max(1, number - 2), min(count, number + 2) + 1)}, reverse=newest_first):
        if last is not None and abs(n - last) > 1:
            near.append(Link("", "…"))
        near.append(Link(urls[n], "Newest" if newest_first and n == count else str(n)))
        last = n
    return tuple(near)


def paginate_in_order(url: str, items: tuple, size: int) -> list[tuple[str, tuple, Pager | None]]:
    """``items`` in reading order (the people index, A to Z) cut into pages of ``size``
    from the start: ``url`` is page 1 (full), then ``url``page/2/ and on; the last page
    holds what is left."""
    count = max(1, -(-len(items) // size))
    if count == 1:
        return [(url, items, None)]
    urls = {1: url} | {n: f"{url}page/{n}/" for n in range(2, count + 1)}

    def pager(number: int) -> Pager:
        return Pager(number, urls[number], newest=number == 1,
                     newer=Link(urls[number - 1], "Previous") if number > 1 else None,
                     older=Link(urls[number + 1], "Next") if number < count else None,
                     near=near_links(number, count, urls, newest_first=False))

    return [(urls[n], items[(n - 1) * size:n * size], pager(n)) for n in range(1, count + 1)]


def numbered(title: str, pager: Pager | None) -> str:
    """A page's <title>: "Progress" for the newest page, then "Progress — page 7"."""
    return f"{title} — page {pager.number}" if pager and not pager.newest else title


def cut(kind: type[P], url: str, title: str, items: tuple, size: int, field: str, in_order: bool = False,
        **fields: Any) -> list[P]:
    """The pages of ``kind`` (a ``Paged`` page) that show the list ``items`` at ``url``
    (see ``paginate``, newest first; or with ``in_order`` ``paginate_in_order``): each holds
    its share in ``field`` and is titled by its number; ``fields`` are the same on every page."""
    return [kind(url=page_url, title=numbered(title, pager), pager=pager, **({field: chunk} | fields))
            for page_url, chunk, pager in (paginate_in_order if in_order else paginate)(url, items, size)]


def people_index(listed: tuple, network: bool = False) -> list[Page]:
    """The people index, two hundred to a page (``network``: the site has a who-meets-whom page)."""
    return [*cut(PeoplePage, PEOPLE_URL, "People", listed, PEOPLE_PER_PAGE, "people", in_order=True, breadcrumbs=(HOME,),
                 description="Everyone the readouts name, with the titles they give.", network=network)]


def index_pages(builder: Archive) -> list[Page]:
    """Every cross-event page of the site ``builder`` is building."""
    return timeline(builder) + topics(builder) + themes(builder) + places(builder) + organizations(builder)


def timeline(builder: Archive) -> list[Page]:
    years = defaultdict(list)
    for event in builder.events:  # newest first
        years[event.date.year if event.date else None].append(builder.summaries[event.id])
    ordered = sorted(years, key=lambda y: (y is None, -(y or 0)))
    listed = tuple((y, summary) for y in ordered for summary in years[y])
    cut = paginate(TIMELINE_URL, listed, EVENTS_PER_PAGE)
    # Each year's link leads to the page where its newest event is: the timeline's own page
    # while that event is newer than every numbered page holds, else the numbered page
    # holding it, where it stays as events are added (so older pages need not be rendered
    # again for a link that moved).
    starts: dict[int | None, str] = {}
    on_numbered = {summary.id: url for url, chunk, _ in cut[1:] for _, summary in chunk}
    for year, summary in listed:
        starts.setdefault(year, on_numbered.get(summary.id, TIMELINE_URL))
    all_years = tuple(Link(f"{starts[y]}#{y or 'undated'}", str(y or "Undated")) for y in ordered)
    chart = years_chart([summary for _, summary in listed], {int(link.label): link for link in all_years if link.label.isdigit()})
    pages: list[Page] = []
    for url, chunk, pager in cut:
        groups = defaultdict(list)
        for year, summary in chunk:
            groups[year].append(summary)
        pages.append(TimelinePage(url=url, title=numbered("Timeline", pager), breadcrumbs=(HOME,),
                                  description="Every event by date, newest first, grouped by year.",
                                  years=tuple(YearGroup(y, tuple(groups[y])) for y in groups),
                                  pager=pager, all_years=all_years, chart=chart if not pager or pager.newest else None))
    return pages


def statements_pages(url: str, title: str, trail, description: str, intro: str, groups: tuple,
                     events: tuple = (), show_section: bool = False) -> list[Page]:
    """A topic or a theme across events, twenty events to a page; the events an editor tagged
    as a whole are listed on the newest."""
    pages = cut(StatementsPage, url, title, groups, GROUPS_PER_PAGE, "groups", breadcrumbs=trail,
                description=description, intro=intro, show_section=show_section)
    pages[0] = replace(pages[0], events=events)
    return [*pages]


def groups_by(builder: Archive, name: str, keys) -> dict[str, list[StatementGroup]]:
    """Statements across events, newest event first, gathered under each key that
    ``keys(statement)`` gives (its section, its themes): one group per event and key. Each
    event's share is made once (``builder.part(event, name)``)."""
    def share(event) -> list[tuple[str, StatementGroup]]:
        views, chosen = builder.views[event.id], defaultdict(list)
        for statement in event.statements:
            for key in keys(statement):
                chosen[key].append(views[statement.id])
        return [(key, StatementGroup(builder.summaries[event.id], tuple(said))) for key, said in chosen.items()]

    gathered = defaultdict(list)
    for event in builder.events:
        for key, group in builder.part(event, name, share):
            gathered[key].append(group)
    return gathered


def topics(builder: Archive) -> list[Page]:
    trail = (HOME, Link(TOPICS_URL, "Topics"))
    pages, entries = [], []
    by_topic = groups_by(builder, "topics", lambda statement: (statement.section,))
    for topic in TOPICS:
        groups = tuple(by_topic[topic])
        count = sum(len(g.statements) for g in groups)
        entries.append(IndexEntry(topic_url(topic), SECTION_TITLES[topic], count, TOPIC_INTROS[topic]))
        pages += statements_pages(topic_url(topic), SECTION_TITLES[topic], trail,
                                  f"{SECTION_TITLES[topic]} across every event. {TOPIC_INTROS[topic]}",
                                  TOPIC_INTROS[topic], groups)
    pages.append(IndexPage(url=TOPICS_URL, title="Topics", breadcrumbs=(HOME,), entries=tuple(entries),
                           description="Each section of the readouts across every event.",
                           intro="Each section of the readouts, across every event, newest first."))
    return pages


def themes(builder: Archive) -> list[Page]:
    if not builder.config.themes:
        return []
    trail = (HOME, Link(THEMES_URL, "Themes"))
    pages, entries = [], []
    by_theme = groups_by(builder, "themes", lambda statement: statement.themes)
    for theme in builder.config.themes:
        groups = tuple(by_theme[theme.slug])
        tagged = tuple(builder.summaries[e.id] for e in builder.events if theme.slug in e.themes)
        count = sum(len(g.statements) for g in groups)
        keywords = ", ".join(theme.keywords)
        entries.append(IndexEntry(theme_url(theme.slug), theme.title, count, f"Keywords: {keywords}" if keywords else ""))
        pages += statements_pages(
            theme_url(theme.slug), theme.title, trail, f"Statements on {theme.title.lower()} across every event.",
            f"Statements that mention {keywords}." if keywords else "Statements tagged by the editors.",
            groups, events=tagged, show_section=True)
    pages.append(IndexPage(url=THEMES_URL, title="Themes", breadcrumbs=(HOME,), entries=tuple(entries),
                           description="Statements grouped by theme across every event.",
                           intro="Each theme gathers the statements that mention its keywords."))
    return pages


def places(builder: Archive) -> list[Page]:
    by_place = defaultdict(list)
    names: dict[str, str] = {}
    for event in builder.events:
        if event.location and slug_of(event.location):
            slug = slug_of(event.location)
            names.setdefault(slug, event.location)
            by_place[slug].append(builder.summaries[event.id])
    trail = (HOME, Link(PLACES_URL, "Places"))
    pages: list[Page] = [page for slug in sorted(by_place)
             for page in cut(PlacePage, f"{PLACES_URL}{slug}/", names[slug], tuple(by_place[slug]), EVENTS_PER_PAGE,
                             "events", breadcrumbs=trail, description=f"Events held in {names[slug]}.")]
    pages.append(IndexPage(url=PLACES_URL, title="Places", breadcrumbs=(HOME,),
                           description="Where the events took place.", intro="Where the events took place.",
                           entries=tuple(IndexEntry(f"{PLACES_URL}{s}/", names[s], len(by_place[s])) for s in sorted(by_place))))
    return pages


def holders_at(builder: Archive, event: Event) -> list[tuple[str, Holder]]:
    """Each body named in a title printed at ``event``, with who held that title."""
    summary = builder.summaries[event.id]
    return [(body, Holder(builder.person_ref(person), title, summary))
            for person in event.people() for title in person.titles
            for body in builder.lexicon.organizations_in(title)]


def organizations(builder: Archive) -> list[Page]:
    holders = defaultdict(list)
    for event in builder.events:
        for body, holder in builder.part(event, "holders", lambda e: holders_at(builder, e)):
            holders[body].append(holder)
    trail = (HOME, Link(ORGANIZATIONS_URL, "Organizations"))
    pages: list[Page] = [page for body in sorted(holders)
             for page in cut(OrganizationPage, organization_url(body), body, tuple(holders[body]),
                             HOLDERS_PER_PAGE, "holders", breadcrumbs=trail,
                             description=f"People whose titles name the {body}, as printed at each event.")]
    pages.append(IndexPage(
        url=ORGANIZATIONS_URL, title="Organizations", breadcrumbs=(HOME,),
        description="The bodies named in the titles the readouts print.",
        intro="The bodies named in the titles the readouts print, with who held those titles.",
        entries=tuple(IndexEntry(organization_url(b), b, len({h.person.id for h in holders[b]}))
                      for b in sorted(holders))))
    return pages
