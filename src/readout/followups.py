"""Followed up: what became of each priority. A priority set at one event of a series links
forward to the statements of progress or problems on the same matter at later events of the
series (matched by their words, or fewer words and a shared theme, as ``compare`` matches them:
at each later event, the closest such statement), and each of those links back to the earliest
priority it follows up: "first set as a priority on …". The event page shows both beside the
statements, the series page counts them, data/series.json lists them all. The view model is
here (``tests/test_template_contract.py`` reads it)."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass

from .compare import MATCHED_AT, THEMED_AT, words
from .context import Link, long_date
from .model import SECTION_TITLES, Event, Statement
from .urls import event_url

SHOWN = 3  # forward links beside a priority; the rest are counted (and all are in data/series.json)
LATER = ("progress", "problems")  # what a priority may become
SERIES_WORDS, SERIES_WORDS_FROM = 0.3, 3  # a word in more than 30 % (and 3) of a series' reports names the series


@dataclass(frozen=True)
class FollowUp:
    """Beside one statement on its event page: the later statements that follow it up (a
    priority), or the priority it follows up (progress or a problem)."""

    forward: tuple[Link, ...] = () # at most SHOWN later statements, oldest first: "Progress, 6 September 2021"
    more: int = 0                  # how many more there are
    back: Link | None = None       # the earliest priority it follows up: "13 May 2019"


def statement_link(event: Event, statement: Statement, label: str) -> Link:
    return Link(f"{event_url(event.id)}#{statement.id}", label)


def when(event: Event) -> str:
    return long_date(event.date) if event.date else event.title


def followed(events: tuple[Event, ...]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """For each priority of ``events`` (one series, oldest first), by (event id, statement id),
    the later statements that follow it up, as (event id, statement id), oldest event first:
    one an event, the closest."""
    reports = [(n, s) for n, event in enumerate(events) for s in event.statements if s.section in LATER]  # in order said
    postings: dict[str, list[int]] = defaultdict(list)  # stem → the reports holding it, by number
    for k, (_, s) in enumerate(reports):
        for stem in words(s.text):
            postings[stem].append(k)
    # Words most statements of the series hold ("delta", "integrated") name the series, not a
    # matter: they neither match two statements nor count in their length.
    common = {stem for stem, held in postings.items() if len(held) > max(SERIES_WORDS_FROM, len(reports) * SERIES_WORDS)}
    for stem in common:
        del postings[stem]
    size = [len(words(s.text).keys() - common) for _, s in reports]
    after = [bisect_left(reports, n + 1, key=lambda r: r[0]) for n in range(len(events))]  # the first report of a later event
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for n, event in enumerate(events):
        for priority in event.statements_in("priorities"):
            mine = words(priority.text).keys() - common
            first = after[n]
            counts = Counter([k for stem in mine for k in postings.get(stem, ()) if k >= first])
            best: dict[int, tuple[float, Statement]] = {}
            for k in sorted(k for k, count in counts.items() if count >= 2):  # ties: the first said
                count, (m, later) = counts[k], reports[k]
                score = count / (min(len(mine), size[k]) or 1)
                close = score >= MATCHED_AT or (score >= THEMED_AT and set(priority.themes) & set(later.themes))
                if close and (m not in best or score > best[m][0]):
                    best[m] = (score, later)
            if best:
                found[(event.id, priority.id)] = [(events[m].id, best[m][1].id) for m in sorted(best)]
    return found


def follow_ups(events: tuple[Event, ...], found: dict | None = None) -> tuple[dict[str, dict[str, FollowUp]], list[dict]]:
    """Each event's follow-ups by statement id (what its page shows), and the series' as data
    (``found``: what ``followed(events)`` gives, if made already)."""
    by_id = {e.id: (e, {s.id: s for s in e.statements}) for e in events}

    def statement(ids: tuple[str, str]) -> tuple[Event, Statement]:
        event, statements = by_id[ids[0]]
        return event, statements[ids[1]]

    found = followed(events) if found is None else found
    dated = {e.id: when(e) for e in events}
    shown: dict[str, dict[str, FollowUp]] = defaultdict(dict)
    backs: dict[tuple[str, str], tuple[Event, Statement]] = {}
    for (event_id, priority_id), later_ids in found.items():
        event, priority = statement((event_id, priority_id))
        later = [statement(ids) for ids in later_ids]
        forward = tuple(statement_link(e, s, f"{SECTION_TITLES[s.section]}, {dated[e.id]}") for e, s in later[:SHOWN])
        shown[event_id][priority_id] = FollowUp(forward, max(0, len(later) - SHOWN))
        for ids in later_ids:
            backs.setdefault(ids, (event, priority))  # the earliest: priorities are met oldest first
    for (event_id, statement_id), (event, priority) in backs.items():
        shown[event_id][statement_id] = FollowUp(back=statement_link(event, priority, dated[event.id]))
    data = [{"priority": f"{event_id}#{priority_id}", "later": [f"{e}#{s}" for e, s in later]}
            for (event_id, priority_id), later in found.items()]
    return shown, data
