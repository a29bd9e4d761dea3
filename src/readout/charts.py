"""What the timeline's chart shows: the events of each year, by kind of event and by who
presided. The chart itself is SVG written by the template (bars only, sized from these counts):
no drawing library is needed for bars, and the same counts fill the table beside it, which is
what a screen reader or a reader without pictures gets. The view models are here
(``tests/test_template_contract.py`` reads them)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .context import EventSummary, Link

KINDS_SHOWN = 4  # the most frequent kinds have a colour of their own; the rest are "other"
HOSTS_SHOWN = 2  # per year: who presided most often


@dataclass(frozen=True)
class YearCount:
    """One year of the chart: how many events, how many of each kind (``kinds``, in the
    chart's order, zeros kept so the bars line up) and who presided most (with how many)."""

    year: int                      # the year
    link: Link                     # where the timeline lists that year
    total: int                     # its events
    kinds: tuple[int, ...]         # events of each of the chart's kinds, in ``YearsChart.kinds`` order
    hosts: tuple[tuple[Link, int], ...] # who presided most that year, with how many events
    presided: tuple[int, ...] = () # events of each of ``YearsChart.presiders``, in that order


@dataclass(frozen=True)
class YearsChart:
    """Events per year by kind, oldest year first; ``peak`` is the largest year's total (the
    bars' scale), ``kinds`` the chart's kinds (the last "other" where more kinds exist)."""

    years: tuple[YearCount, ...]   # oldest first, every year from the first to the last
    kinds: tuple[str, ...]         # the kinds coloured, most frequent first
    peak: int                      # the most events of one year
    presiders: tuple[Link, ...] = () # who presided most over all years, then "others" and "nobody named" (no URL)


def years_chart(events: list[EventSummary], year_links: dict[int, Link]) -> YearsChart | None:
    """The chart of ``events`` (None with fewer than two dated years: nothing to compare)."""
    dated = [e for e in events if e.date]
    if len({e.date.year for e in dated}) < 2:  # type: ignore[union-attr]
        return None
    counted = Counter(e.kind or "unknown" for e in dated)
    frequent = sorted(counted, key=lambda k: (-counted[k], k))
    kinds = frequent if len(frequent) <= KINDS_SHOWN + 1 else frequent[:KINDS_SHOWN] + ["other"]
    slot = {k: (i if i < len(kinds) else len(kinds) - 1) for i, k in enumerate(frequent)}
    hosted = Counter((e.host.url, e.host.name) for e in dated if e.host)
    top = sorted(hosted, key=lambda h: (-hosted[h], h[1]))[:KINDS_SHOWN]
    presiders = [Link(url, name) for url, name in top] + [Link("", "others")] * (len(hosted) > len(top)) + (
        [Link("", "nobody named")] if any(not e.host for e in dated) else [])
    host_slot = {url: i for i, (url, _) in enumerate(top)}
    by_year: dict[int, list[EventSummary]] = defaultdict(list)
    for e in dated:
        by_year[e.date.year].append(e)  # type: ignore[union-attr]
    years = []
    for year in range(min(by_year), max(by_year) + 1):
        of_year = by_year.get(year, [])
        counts = [0] * len(kinds)
        for e in of_year:
            counts[slot[e.kind or "unknown"]] += 1
        presided = [0] * len(presiders)
        for e in of_year:
            presided[host_slot.get(e.host.url, len(top)) if e.host else len(presiders) - 1] += 1
        hosts = Counter((e.host.url, e.host.name) for e in of_year if e.host).most_common(HOSTS_SHOWN)
        years.append(YearCount(year, year_links.get(year, Link("", "")), len(of_year), tuple(counts),
                               tuple((Link(url, name), n) for (url, name), n in hosts), tuple(presided)))
    return YearsChart(tuple(years), tuple(kinds), max(y.total for y in years), tuple(presiders))


SERIES_EVENTS = 40  # a series' chart shows its latest forty events
SERIES_THEMES = 6   # and the themes most of their priorities carry


@dataclass(frozen=True)
class SeriesColumn:
    """One event of a series' chart: where it stands on the time axis (``x``, 0 to 1 from the
    first event shown to the last) and how many of its priorities carry each theme."""

    event: EventSummary            # the event
    x: float                       # its place on the time axis
    counts: tuple[int, ...]        # its priorities of each theme, in ``SeriesChart.themes`` order
    priorities: int                # all its priorities


@dataclass(frozen=True)
class SeriesChart:
    """A series' events on a time axis, each with the themes of its priorities: a dot per
    event and theme, its size the number of priorities (``peak`` the most of one)."""

    columns: tuple[SeriesColumn, ...] # oldest first
    themes: tuple[Link, ...]       # the themes shown, most frequent first
    peak: int                      # the most priorities of one event with one theme
    first_year: int                # the axis' first year
    last_year: int                 # and its last


def series_chart(events: list, summaries: dict, theme_link) -> SeriesChart | None:
    """The chart of a series (``events`` oldest first, model events); None where fewer than
    two dated events or no priority carries a theme."""
    dated = [e for e in events if e.date][-SERIES_EVENTS:]
    tally = Counter(t for e in dated for s in e.statements_in("priorities") for t in set(s.themes))
    if len(dated) < 2 or not tally:
        return None
    themes = sorted(tally, key=lambda t: (-tally[t], t))[:SERIES_THEMES]  # ties by name: the same at every build
    start, end = dated[0].date.toordinal(), dated[-1].date.toordinal()
    columns = []
    for e in dated:
        priorities = e.statements_in("priorities")
        counts = tuple(sum(1 for s in priorities if t in s.themes) for t in themes)
        columns.append(SeriesColumn(summaries[e.id], (e.date.toordinal() - start) / ((end - start) or 1), counts, len(priorities)))
    return SeriesChart(tuple(columns), tuple(theme_link(t) for t in themes),
                       max(n for c in columns for n in c.counts) or 1, dated[0].date.year, dated[-1].date.year)
