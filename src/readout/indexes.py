"""Pages across events: the timeline, topics, themes, places and organizations. Each function
takes the ``SiteBuilder`` of ``site.py`` (events newest first, summaries, statement views)."""

from __future__ import annotations

from collections import defaultdict

from .context import (
    HOME, Holder, IndexEntry, IndexPage, Link, OrganizationPage, Page, PlacePage, StatementGroup,
    StatementsPage, TimelinePage, YearGroup,
)
from .model import SECTION_TITLES, TOPICS
from .urls import slug_of

TOPIC_INTROS = {
    "attendees": "Who attended each event, as the readouts say it.",
    "progress": "What the readouts say has been achieved.",
    "problems": "The problems and shortcomings the readouts point out.",
    "priorities": "What the readouts say must be done next.",
    "conclusion": "How each event was concluded.",
}


def index_pages(builder) -> list[Page]:
    """Every cross-event page of the site ``builder`` is building."""
    return (timeline(builder) + topics(builder) + themes(builder) + places(builder)
            + organizations(builder))


def timeline(builder) -> list[Page]:
    years = defaultdict(list)
    for event in builder.events:  # newest first
        years[event.date.year if event.date else None].append(builder.summaries[event.id])
    ordered = sorted(years, key=lambda y: (y is None, -(y or 0)))
    return [TimelinePage(url="timeline/", title="Timeline", breadcrumbs=(HOME,),
                         description="Every event by date, newest first, grouped by year.",
                         years=tuple(YearGroup(y, tuple(years[y])) for y in ordered))]


def groups_of(builder, keep) -> tuple[StatementGroup, ...]:
    """Statements for which ``keep(statement)`` holds, grouped by event, newest event first."""
    groups = []
    for event in builder.events:
        views = builder.views[event.id]
        chosen = tuple(views[s.id] for s in event.statements if keep(s))
        if chosen:
            groups.append(StatementGroup(builder.summaries[event.id], chosen))
    return tuple(groups)


def topics(builder) -> list[Page]:
    trail = (HOME, Link("topics/", "Topics"))
    pages, entries = [], []
    for topic in TOPICS:
        groups = groups_of(builder, lambda s, topic=topic: s.section == topic)
        count = sum(len(g.statements) for g in groups)
        entries.append(IndexEntry(f"topics/{topic}/", SECTION_TITLES[topic], count, TOPIC_INTROS[topic]))
        pages.append(StatementsPage(url=f"topics/{topic}/", title=SECTION_TITLES[topic], breadcrumbs=trail,
                                    description=f"{SECTION_TITLES[topic]} across every event. {TOPIC_INTROS[topic]}",
                                    intro=TOPIC_INTROS[topic], groups=groups))
    pages.append(IndexPage(url="topics/", title="Topics", breadcrumbs=(HOME,), entries=tuple(entries),
                           description="Each section of the readouts across every event.",
                           intro="Each section of the readouts, across every event, newest first."))
    return pages


def themes(builder) -> list[Page]:
    if not builder.config.themes:
        return []
    trail = (HOME, Link("themes/", "Themes"))
    pages, entries = [], []
    for theme in builder.config.themes:
        groups = groups_of(builder, lambda s, slug=theme.slug: slug in s.themes)
        tagged = tuple(builder.summaries[e.id] for e in builder.events if theme.slug in e.themes)
        count = sum(len(g.statements) for g in groups)
        keywords = ", ".join(theme.keywords)
        entries.append(IndexEntry(f"themes/{theme.slug}/", theme.title, count, f"Keywords: {keywords}" if keywords else ""))
        pages.append(StatementsPage(
            url=f"themes/{theme.slug}/", title=theme.title, breadcrumbs=trail,
            description=f"Statements on {theme.title.lower()} across every event.",
            intro=f"Statements that mention {keywords}." if keywords else "Statements tagged by the editors.",
            groups=groups, events=tagged, show_section=True))
    pages.append(IndexPage(url="themes/", title="Themes", breadcrumbs=(HOME,), entries=tuple(entries),
                           description="Statements grouped by theme across every event.",
                           intro="Each theme gathers the statements that mention its keywords."))
    return pages


def places(builder) -> list[Page]:
    by_place = defaultdict(list)
    names = {}
    for event in builder.events:
        if event.location and slug_of(event.location):
            slug = slug_of(event.location)
            names.setdefault(slug, event.location)
            by_place[slug].append(builder.summaries[event.id])
    trail = (HOME, Link("places/", "Places"))
    pages = [PlacePage(url=f"places/{slug}/", title=names[slug], breadcrumbs=trail,
                       description=f"Events held in {names[slug]}.", events=tuple(by_place[slug]))
             for slug in sorted(by_place)]
    pages.append(IndexPage(url="places/", title="Places", breadcrumbs=(HOME,),
                           description="Where the events took place.", intro="Where the events took place.",
                           entries=tuple(IndexEntry(f"places/{s}/", names[s], len(by_place[s])) for s in sorted(by_place))))
    return pages


def organizations(builder) -> list[Page]:
    holders = defaultdict(list)
    for event in builder.events:
        summary = builder.summaries[event.id]
        for person in event.people():
            for title in person.titles:
                for body in builder.lexicon.organizations_in(title):
                    holders[body].append(Holder(builder.person_ref(person), title, summary))
    trail = (HOME, Link("organizations/", "Organizations"))
    pages = [OrganizationPage(url=f"organizations/{slug_of(body)}/", title=body, breadcrumbs=trail,
                              description=f"People whose titles name the {body}, as printed at each event.",
                              holders=tuple(holders[body]))
             for body in sorted(holders)]
    pages.append(IndexPage(
        url="organizations/", title="Organizations", breadcrumbs=(HOME,),
        description="The bodies named in the titles the readouts print.",
        intro="The bodies named in the titles the readouts print, with who held those titles.",
        entries=tuple(IndexEntry(f"organizations/{slug_of(b)}/", b, len({h.person.id for h in holders[b]}))
                      for b in sorted(holders))))
    return pages
