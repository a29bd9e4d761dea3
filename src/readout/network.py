"""Who meets whom: for each person, the people named at the same events — how often, the first
and the last time, and in which roles — and, on ``people/network/``, the people named together
most often across the record, year by year. Every count links to the events it rests on (the
first and the last; the person's page lists them all). Pages stay the same size however large
the archive: a person's page names the ``COMPANIONS`` people they met most, the network page the
``PAIRS`` pairs. The view models are here (``tests/test_template_contract.py`` reads them)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from .context import HOME, Appearance, EventSummary, Link, Page

NETWORK_URL = "people/network/"
COMPANIONS = 12  # on a person's page: the people they met most
PAIRS = 40       # on the network page: the pairs named together most
# What a companion did at the events shared, in the order the event page lists roles.
DID = (("host", "presided"), ("main_speaker", "gave the main speech"), ("attendee", "attended"), ("speaker", "spoke"))
ROLE_NAMES = tuple(role for role, _ in DID)


@dataclass(frozen=True)
class Companion:
    """Someone named at the same events as the person of the page: how many events they shared,
    the first and the last of them (``last`` None when they shared one), and what the companion
    did there (``roles``: what, how many events; a person named in two roles at one event
    counts in the first)."""

    id: str                        # data-only: their slug
    name: str                      # their name
    url: str                       # their page
    events: int                    # how many events named both
    first: EventSummary            # the earliest shared event (undated ones last)
    last: EventSummary | None      # the latest, where they shared more than one
    roles: tuple[tuple[str, int], ...] # what the companion did there, with how many events
    event_ids: tuple[str, ...] = ()    # data-only: every event naming both, newest first


@dataclass(frozen=True)
class Pair:
    """Two people named at the same events, ``years``: (year, events that year) oldest first,
    for the years they met; ``peak`` the most events of one year (the bars' scale)."""

    a: Link                        # the one of the two named more often across the record
    b: Link                        # the other
    events: int                    # how many events named both
    first: EventSummary            # the earliest shared event
    last: EventSummary | None      # the latest, where more than one
    years: tuple[tuple[int, int], ...] # (year, how many shared events that year), oldest first


@dataclass(frozen=True)
class Node:
    """A person on the network's drawing, placed on a circle (``x``, ``y`` in the drawing's
    units; ``anchor``: on which side of the dot the name is written)."""

    person: Link                   # their page
    x: float                       # where: across
    y: float                       # and down
    anchor: str                    # where the name is written: "start" (right of the dot), "end", "above", "below"


@dataclass(frozen=True)
class Edge:
    """A line between two people of the drawing, ``events`` the events naming both."""

    x1: float                      # from: across
    y1: float                      # and down
    x2: float                      # to: across
    y2: float                      # and down
    events: int                    # how many events named both


@dataclass(frozen=True)
class NetworkPage(Page):
    """Who meets whom: the pairs of people named together most often, with when."""

    pairs: tuple[Pair, ...] = ()   # at most PAIRS, most shared events first
    people: int = 0                # how many people are named with someone
    linked: int = 0                # how many pairs there are in all
    nodes: tuple[Node, ...] = ()   # the drawing: the people of the pairs shown, on a circle
    edges: tuple[Edge, ...] = ()   # a line for each pair shown
    peak: int = 1                  # the most events of one pair (the lines' scale)
    template = "network.html"


def shared_events(appearances: dict[str, list[Appearance]], rank: dict[str, int]) -> dict[tuple[str, str], list[EventSummary]]:
    """For each pair of people (ids in order), the events naming both, in the site's order
    (``rank``: newest first, the undated last)."""
    at: dict[str, list[str]] = defaultdict(list)
    summaries: dict[str, EventSummary] = {}
    for person_id, seen in appearances.items():
        for appearance in seen:  # one an event (``SiteBuilder.people_at``), in the first role named
            at[appearance.event.id].append(person_id)
            summaries[appearance.event.id] = appearance.event
    pairs: dict[tuple[str, str], list[EventSummary]] = defaultdict(list)
    for event_id in sorted(at, key=rank.__getitem__):
        people = sorted(at[event_id])
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                pairs[(a, b)].append(summaries[event_id])
    return pairs


def recency(event: EventSummary) -> int:
    """A sort key putting the latest event first, undated ones last."""
    return -event.date.toordinal() if event.date else 0


def ends(events: list[EventSummary]) -> tuple[EventSummary, EventSummary | None]:
    """The first and the last of ``events`` (newest first); the last None for one event."""
    dated = [e for e in events if e.date] or events
    return dated[-1], (dated[0] if len(events) > 1 and dated[0] is not dated[-1] else None)


class Companions:
    """For each person, everyone named at their events, most often first (then the most recent,
    then by name), each with the events shared and what they did there (a page shows the first
    ``COMPANIONS``; data/people.json all of them). Made person by person when asked: a preview's
    rebuild keeps the pages of everyone whose events did not change, and asks for no one else's."""

    def __init__(self, appearances: dict[str, list[Appearance]], names: dict[str, str], url_of,
                 pairs: dict[tuple[str, str], list[EventSummary]]):
        self.appearances, self.names, self.url_of = appearances, names, url_of
        self.roles: dict[str, dict[str, str]] = {}  # each person's role at each of their events, as asked
        self.met: dict[str, list[tuple[str, list[EventSummary]]]] = defaultdict(list)
        for (a, b), events in pairs.items():
            self.met[a].append((b, events))
            self.met[b].append((a, events))

    def named(self, person_id: str) -> tuple[tuple[str, str], ...]:
        """Who they met, by id and name (what their companions' part of their page shows by name)."""
        return tuple((other, self.names[other]) for other, _ in self.met.get(person_id, ()))

    def __call__(self, person_id: str) -> tuple[Companion, ...]:
        names, roles = self.names, self.roles
        others = sorted(self.met.get(person_id, ()), key=lambda o: (-len(o[1]), recency(o[1][0]), names[o[0]]))
        chosen = []
        for other, events in others:
            theirs = roles.get(other)
            if theirs is None:  # one an event
                theirs = roles[other] = {a.event.id: a.role for a in self.appearances[other]}
            did = dict.fromkeys(ROLE_NAMES, 0)  # counted by hand: a Counter each took most of the time
            for event in events:
                did[theirs[event.id]] += 1
            first, last = ends(events)
            chosen.append(Companion(other, names[other], self.url_of(other), len(events), first, last,
                                    tuple((what, did[role]) for role, what in DID if did[role]), tuple(e.id for e in events)))
        return tuple(chosen)


def network_page(pairs: dict[tuple[str, str], list[EventSummary]], names: dict[str, str], url_of,
                 appearances: dict[str, list[Appearance]]) -> NetworkPage:
    """The network page: the ``PAIRS`` pairs named together most (then the latest, then by
    name), each with its years."""
    named = {person_id: len(seen) for person_id, seen in appearances.items()}  # one appearance an event
    ranked = sorted(pairs.items(), key=lambda p: (-len(p[1]), recency(p[1][0]), names[p[0][0]], names[p[0][1]]))
    chosen = []
    for (a, b), events in ranked[:PAIRS]:
        if (named.get(b, 0), names[a]) > (named.get(a, 0), names[b]):
            a, b = b, a
        first, last = ends(events)
        years = Counter(e.date.year for e in events if e.date)
        chosen.append(Pair(Link(url_of(a), names[a]), Link(url_of(b), names[b]), len(events), first, last,
                           tuple(sorted(years.items()))))
    nodes, edges = drawing(chosen)
    return NetworkPage(
        nodes=nodes, edges=edges, peak=max((p.events for p in chosen), default=1),
        url=NETWORK_URL, title="Who meets whom",
        description="The people the readouts name together most often, and when.",
        breadcrumbs=(HOME, Link("people/", "People")), pairs=tuple(chosen),
        people=len({p for pair in pairs for p in pair}), linked=len(pairs))


RADIUS, CENTRE_X, CENTRE_Y = 150, 250, 200  # the drawing is 500 by 400 units, its people on a circle
DRAWN = 16  # people drawn: those of the pairs named together most, as far as sixteen


def drawing(pairs: list[Pair]) -> tuple[tuple[Node, ...], tuple[Edge, ...]]:
    """The people of the first ``pairs`` on a circle (at most ``DRAWN``, in the order they are
    first met, so the most connected sit together), and a line for each pair among them. A circle needs no layout library and
    draws the same way at every build: no name moves unless the record changes."""
    people: list[Link] = []
    for pair in pairs:
        if len(people) + (pair.a not in people) + (pair.b not in people) <= DRAWN:
            people += [person for person in (pair.a, pair.b) if person not in people]
    pairs = [p for p in pairs if p.a in people and p.b in people]
    at = {}
    for i, person in enumerate(people):
        angle = 2 * math.pi * i / len(people) - math.pi / 2
        x, y = CENTRE_X + RADIUS * math.cos(angle), CENTRE_Y + RADIUS * math.sin(angle)
        side = "start" if x >= CENTRE_X + 0.3 * RADIUS else "end" if x <= CENTRE_X - 0.3 * RADIUS else (
            "above" if y < CENTRE_Y else "below")  # near the top or bottom, names would meet side by side
        at[person.url] = Node(person, round(x, 1), round(y, 1), side)
    edges = tuple(Edge(at[p.a.url].x, at[p.a.url].y, at[p.b.url].x, at[p.b.url].y, p.events) for p in pairs)
    return tuple(at.values()), edges
