"""Series: events that continue one another — the same kind of meeting on the same subject or
region (the symposiums on the Yangtze River Delta, the State Council's executive meetings).

The loader's reading proposes them: two or more events of one kind whose subjects name the
same region or body, or say the same thing once the words every subject shares are set aside
("further promoting the integrated development of the Yangtze River Delta" and "promoting the
integrated development of the Yangtze River Delta" are one series). An editor sets or breaks a
series in the event's front matter (``series: slug``, ``series: null``) and titles it in
``site.yml`` (``series: {slug: {title, description}}``). The view models of series pages are
here too (``tests/test_template_contract.py`` reads them with ``context.py``'s)."""

from __future__ import annotations

import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace

from .charts import series_chart
from .compare import Comparison, compare, compared_page, compared_url, comparison_data
from .context import HOME, EventPage, EventSummary, IndexEntry, IndexPage, Link, Paged, PersonRef, SeriesPlace, long_date
from .errors import ReadoutError
from .followups import follow_ups, followed, when
from .forks import Workers
from .incremental import same_objects
from .indexes import cut
from .model import Event
from .slugs import slugify
from .urls import event_url, theme_url

SERIES_URL = "series/"
SERIES_PER_PAGE = 20

# "the Yangtze River Delta", "the Yellow River basin", "Beijing-Tianjin-Hebei": a proper name
# in the subject, the strongest sign of what a series is about.
PROPER_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and)){0,4}\b")
# Words that say how, not what: a subject keeps its meaning without them.
HOW = frozenset(["a", "an", "the", "of", "on", "in", "to", "for", "and", "with", "at", "by", "further", "furthering", "promote", "promoting", "promoted", "advance", "advancing", "deepen", "deepening", "push", "pushing", "comprehensively", "comprehensive", "better", "steadily", "high-quality", "integrated", "development", "new", "era", "work"])
NOT_SUBJECT_NAMES = frozenset({"China", "Chinese", "CPC", "Communist", "Party", "Central", "Committee", "The"})


@dataclass(frozen=True)
class Series:
    """A series: ``slug``, ``title`` and ``description`` (site.yml's, else made from what its
    events share), its events oldest first, and whether the loader proposed it."""

    slug: str                      # data-only: its URL's last segment
    title: str                     # data-only: the page's title
    description: str               # data-only: site.yml's description, else how it was found
    events: tuple[Event, ...]      # data-only: oldest first
    proposed: bool                 # data-only: the loader's proposal (no editor set it)
    comparisons: tuple[Comparison, ...] = () # data-only: each event after the first against the one before
    followups: tuple = ({}, [])    # data-only: followups.follow_ups of its events (by event, and as data)


@dataclass(frozen=True)
class SeriesEntry:
    """An event of a series, with its place in it (``number``, 1 for the first) and who
    attended."""

    event: EventSummary            # the event
    number: int                    # its place in the series, from the first
    attendees: tuple[PersonRef, ...] = () # who attended, as printed there
    followed: int = 0              # its priorities followed up at later events of the series
    priorities: int = 0            # its priorities


@dataclass(frozen=True)
class SeriesPage(Paged):
    """The events of one series, newest first, twenty to a page."""

    intro: str = ""                # the series' description
    entries: tuple[SeriesEntry, ...] = () # this page's events
    chart: object = None           # charts.SeriesChart: its events on a time axis with their priorities' themes (newest page only)
    template = "series.html"


def subject_key(event: Event) -> str | None:
    """What the event is about, as a key: the proper names its subject gives (without the
    Party's and the country's own), else its words that say what rather than how."""
    subject = event.subject or ""
    names = [m.group() for m in PROPER_NAME.finditer(subject) if m.group() not in NOT_SUBJECT_NAMES]
    names = [n for n in names if not all(w in NOT_SUBJECT_NAMES or w in ("of", "and") for w in n.split())]
    if names:
        return slugify(" ".join(names))
    words = [w for w in re.findall(r"[\w'’-]+", subject.lower()) if w not in HOW]
    return slugify(" ".join(words[:6])) or None


def proposed_slug(event: Event) -> str | None:
    """The series the loader's reading proposes for ``event``: its kind and what it is about."""
    if not event.kind:
        return None
    about = subject_key(event)
    return f"{slugify(event.kind)}-{about}" if about else None


def plural(kind: str) -> str:
    return kind if kind.endswith("s") else kind + "s"


def default_title(events: tuple[Event, ...]) -> str:
    """"Symposiums on the Yangtze River Delta": the kind, and the subject of the newest event."""
    newest = events[-1]
    kind = plural(newest.kind or "event").capitalize()
    return f"{kind} on {newest.subject}" if newest.subject else kind


FORK_FROM = 100  # comparisons to make before they are made in a worker process, beside the other pages


@contextmanager
def series_made(events: list[Event], settings: dict, parts: dict | None = None, parallel: bool = True):
    """Every series of ``events`` by slug, in order of their first event: an editor's (any
    number of events), and the loader's proposals that hold two or more events not set
    otherwise. ``settings`` is site.yml's ``series:`` (slug → {title, description}).
    ``parts`` (by event id, see ``SiteBuilder.part``) keeps each comparison and follow-up
    while its events are the very objects of the last build, as a preview's rebuild finds
    them. What is left to make is made in a forked worker when there is much of it (and
    ``parallel``), while the caller makes other pages: the block is given a function that
    returns the series, waiting for the worker."""
    members: dict[str, list[Event]] = defaultdict(list)
    for event in sorted(events, key=lambda e: (e.date.isoformat() if e.date else "", e.id)):
        chosen = event.series
        if chosen is None:  # the loader's proposal, kept with the event (see ``compared``)
            kept = parts.get(event.id, {}) if parts is not None else {}
            if "proposed" not in kept:
                kept["proposed"] = proposed_slug(event)
            if kept["proposed"]:
                members[kept["proposed"]].append(event)
        elif chosen:  # an editor's
            members[chosen].append(event)
    groups = {slug: tuple(group) for slug, group in members.items()
              if len(group) >= 2 or any(e.series == slug for e in group) or slug in settings}
    following = {later.id for group in groups.values() for later in group[1:]}
    for event in events:
        if event.matches and event.id not in following:
            written = next(iter(event.matches.values()))[1]
            raise ReadoutError(f"'matches' pairs statements with the event before this one in its series, and "
                               f"'{event.id}' follows none", written,
                               "put it in a series after another event ('series: slug'), or remove 'matches'")
    work = SeriesWork(groups, parts)
    with Workers([work.make], parallel and len(work.pairs) >= FORK_FROM, processes=1) as workers:
        pending = workers.start(0)
        yield lambda: work.series(pending(), settings)


def findings(c: Comparison) -> tuple:
    """What a comparison found, without its two events: ``Comparison(later, earlier, *it)``."""
    return tuple(getattr(c, f.name) for f in fields(c))[2:]


class SeriesWork:
    """The comparisons and follow-ups of a build's series that the last build did not keep
    (``parts``, see ``series_made``): made by ``make`` (here or in a worker; what it gives
    pickles: comparisons without their events, follow-ups by ids), then put together with the
    kept ones by ``series``. An editor's wrong match found in the worker is raised here as it
    was there, with where it was written."""

    def __init__(self, groups: dict[str, tuple[Event, ...]], parts: dict | None):
        self.groups, self.parts = groups, parts
        self.pairs: list[tuple[Event, Event]] = []  # (later, earlier) to compare
        self.chains: list[tuple[Event, ...]] = []   # series whose follow-ups to make
        for group in groups.values():
            last = self.last(group[0], "followups")
            if last is None or not same_objects(last[0], group):
                self.chains.append(group)
            for earlier, later in zip(group, group[1:]):
                last = self.last(later, "comparison")
                if last is None or last.event is not later or last.previous is not earlier:
                    self.pairs.append((later, earlier))

    def last(self, event: Event, what: str):
        """What the last build made of ``event`` (see ``series_made``), if it was kept."""
        return self.parts.get(event.id, {}).get(what) if self.parts is not None else None

    def make(self) -> tuple[list[tuple], list[dict]]:
        return ([findings(compare(later, earlier)) for later, earlier in self.pairs],
                [followed(group) for group in self.chains])

    def series(self, made: tuple[list[tuple], list[dict]], settings: dict) -> dict[str, Series]:
        comparisons, followups = made
        fresh = {later.id: Comparison(later, earlier, *c) for (later, earlier), c in zip(self.pairs, comparisons)}
        chained = {group[0].id: follow_ups(group, found) for group, found in zip(self.chains, followups)}
        kept = self.parts if self.parts is not None else {}
        for event_id, c in fresh.items():  # for the next build
            kept.setdefault(event_id, {}).update(comparison=c, made={})
        for group in self.chains:
            kept.setdefault(group[0].id, {})["followups"] = (group, chained[group[0].id])
        found = {}
        for slug, group in self.groups.items():
            by_editor = any(e.series == slug for e in group)
            given = settings.get(slug, {})
            found[slug] = Series(
                slug=slug, title=given.get("title") or default_title(group),
                description=given.get("description") or (
                    f"{len(group)} events of one kind on one subject, as the readouts name them; an editor may "
                    "set or break a series in an event's front matter." if not by_editor else ""),
                events=group, proposed=not by_editor,
                comparisons=tuple(kept[e.id]["comparison"] for e in group[1:]), followups=kept[group[0].id]["followups"][1])
        return found


def series_places(found: dict[str, Series]) -> dict[str, SeriesPlace]:
    """Each event's place in its series, by event id."""
    def link(event: Event) -> Link:  # named by its date: the events of a series share a title
        return Link(event_url(event.id), when(event))

    places = {}
    for series in found.values():
        page = Link(f"{SERIES_URL}{series.slug}/", series.title)
        chain = series.events
        for i, event in enumerate(chain):
            before = chain[i - 1] if i else None
            after = chain[i + 1] if i + 1 < len(chain) else None
            places[event.id] = SeriesPlace(page, i + 1, link(before) if before else None, link(after) if after else None,
                                           Link(compared_url(event.id), "what changed since the one before") if before else None,
                                           series.followups[0].get(event.id, {}))
    return places


def placed(page: EventPage, place: SeriesPlace, kept: dict) -> EventPage:
    """The event ``page`` showing its ``place`` in its series: the last build's page while both
    are the same (``kept``: what was made of its event), so that the renderer sees at once
    that it is unchanged."""
    last = kept.get("placed")
    if last is None or last[0] is not page or last[1] != place:
        last = kept["placed"] = (page, place, replace(page, series=place))
    return last[2]


def series_data(found: dict[str, Series], parts: dict | None = None) -> list[dict]:
    """``data/series.json``: every series, its events oldest first."""
    return [{"slug": s.slug, "title": s.title, "description": s.description, "proposed": s.proposed,
             "events": [e.id for e in s.events], "compared": [remembered(c, "data", comparison_data, parts) for c in s.comparisons],
             "followed_up": s.followups[1]}
            for s in found.values()]


def remembered(comparison: Comparison, what, make, parts: dict | None):
    """``make(comparison)``, kept with the comparison in ``parts`` (see ``compared``): made
    again only for a comparison made again."""
    kept = parts.get(comparison.event.id) if parts is not None else None
    if kept is None or kept.get("comparison") is not comparison:
        return make(comparison)
    made = kept.setdefault("made", {})
    if what not in made:
        made[what] = make(comparison)
    return made[what]


def same_series(last: tuple, now: tuple) -> bool:
    """Whether a series' page would be made of the same things as last time: the very same
    event objects and follow-ups, and the same title, description and themes' titles."""
    return same_objects(last[0], now[0]) and last[1] is now[1] and last[2:] == now[2:]


def series_pages(found: dict[str, Series], summaries: dict, person_ref, views: dict, theme_titles: dict,
                 parts: dict | None = None) -> list:
    """The page of each series (its events newest first, numbered from the first, cut into
    pages of twenty), what changed at each event since the one before, and the series index."""
    pages: list = []
    entries = []
    index = Link(SERIES_URL, "Series")
    for series in found.values():
        url = f"{SERIES_URL}{series.slug}/"
        # Kept with the series' first event while its events and follow-ups are the very
        # objects of the last build (a preview's rebuild of another series' event).
        kept = parts.setdefault(series.events[0].id, {}) if parts is not None else {}
        inputs = (series.events, series.followups, series.title, series.description, theme_titles)
        last = kept.get("series pages")
        if last is not None and same_series(last[0], inputs):
            own = last[1]
        else:
            shown = series.followups[0]
            listed = tuple(SeriesEntry(summaries[e.id], n, tuple(person_ref(p) for p in e.attendees),
                                       sum(1 for f in shown.get(e.id, {}).values() if f.forward), len(e.statements_in("priorities")))
                           for n, e in enumerate(series.events, 1))[::-1]
            own = cut(SeriesPage, url, series.title, listed, SERIES_PER_PAGE, "entries", breadcrumbs=(HOME, index),
                      description=f"{series.title}: {len(listed)} events, in order.", intro=series.description)
            own[0] = replace(own[0], chart=series_chart(list(series.events), summaries,
                                                        lambda t: Link(theme_url(t), str(theme_titles.get(t) or t))))
            kept["series pages"] = (inputs, own)
        pages += own
        link = Link(url, series.title)
        pages += [remembered(c, ("page", link), lambda c, link=link: compared_page(
            c, link, summaries, views, person_ref, theme_titles), parts) for c in series.comparisons]
        dated = [e.date for e in series.events if e.date]
        span = f"{long_date(dated[0])} – {long_date(dated[-1])}" if len(dated) > 1 else (long_date(dated[0]) if dated else "")
        entries.append(IndexEntry(url, series.title, len(series.events), span))
    if found:
        pages.append(IndexPage(url=SERIES_URL, title="Series", breadcrumbs=(HOME,), entries=tuple(entries),
                               description="Events that continue one another: the same kind of meeting on the same subject.",
                               intro="Each series lists its events in order; an editor may set or break one."))
    return pages
