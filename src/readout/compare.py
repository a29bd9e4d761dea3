"""What changed from one event of a series to the next: the priorities that recur (matched by
their words and themes, each match saying why), those that are new and those dropped, the
problems named again, and who joined or left. Every claim rests on statements, shown side by
side on ``events/<id>/compared/``. The view models of that page are here too
(``tests/test_template_contract.py`` reads them with ``context.py``'s)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .context import HOME, EventSummary, Link, Page, PersonRef, StatementView
from .errors import ReadoutError
from .model import Event, Statement
from .urls import event_url

WORD = re.compile(r"[a-z][a-z'’-]+")
# Words every statement of the genre holds, which say nothing of its matter.
COMMON = frozenset(["the", "and", "for", "with", "that", "this", "from", "into", "their", "its", "has", "have", "had", "been", "was", "were", "are", "will", "would", "should", "must", "shall", "also", "more", "further", "efforts", "effort", "work", "works", "working", "great", "greater", "greatly", "new", "better", "well", "high", "level", "levels", "quality", "development", "develop", "developing", "continue", "continued", "make", "making", "made", "take", "taking", "called", "call", "calls", "urged", "urging", "stressed", "stressing", "said", "says", "noted", "noting", "pointed", "out", "emphasized", "underscored", "underlined", "meeting", "symposium", "country", "country's", "nation", "national", "all", "both", "other", "such", "while", "which", "who", "whose", "than", "them", "they", "it", "be", "being", "promote", "promoting", "advance", "advancing", "push", "pushing", "deepen", "deepening", "strengthen", "strengthening", "improve", "improving", "comprehensive", "comprehensively", "fully", "steadily", "actively", "vigorously", "first", "second", "third", "fourth", "fifth", "full", "play", "give", "giving", "role", "roles", "strength", "strengths", "region", "regions", "area", "areas", "field", "fields", "aspect", "aspects", "major", "important", "key", "efforts", "sound", "solid", "good", "ensure", "ensuring", "boost", "boosting", "enhance", "enhancing", "accelerate", "accelerating"])
MATCHED_AT = 0.34   # the share of the shorter statement's words the two must share
THEMED_AT = 0.2     # less, where they also share a theme


@lru_cache(maxsize=65536)  # a statement is compared with the one before it and the one after
def words(text: str) -> dict[str, str]:
    """The words of a statement that say what it is about: each stem, with the word as printed."""
    found: dict[str, str] = {}
    for w in WORD.findall(text.lower()):
        if w not in COMMON and len(w) > 3:
            found.setdefault(stem(w), w)
    return found


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    for ending, becomes in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: len(word) - len(ending)] + becomes
    return word


@dataclass(frozen=True)
class Pair:
    """Two statements matched: ``now`` of the later event, ``before`` of the earlier, and why."""

    now: str                       # data-only: the later event's statement id
    before: str                    # data-only: the earlier event's statement id
    shared: tuple[str, ...]        # data-only: the words both hold (as the later one prints them)
    themes: tuple[str, ...]        # data-only: the themes both carry
    score: float                   # data-only: shared words over the shorter statement's words
    editor: bool = False           # data-only: matched by an editor (``matches:`` in front matter)


def match(now: list[Statement], before: list[Statement]) -> list[Pair]:
    """Each statement of ``now`` matched with at most one of ``before`` and the other way
    round, the closest pairs first."""
    later, earlier = {s.id: words(s.text) for s in now}, {s.id: words(s.text) for s in before}  # ids repeat across events
    holding: dict[str, list[str]] = defaultdict(list)  # stem → the earlier statements holding it: only pairs sharing words are scored
    for statement in before:
        for word in earlier[statement.id]:
            holding[word].append(statement.id)
    themed = {s.id: set(s.themes) for s in now + before if s.themes}
    candidates = []
    for statement in now:
        mine = later[statement.id]
        for other, count in Counter([i for word in mine for i in holding.get(word, ())]).items():
            if count < 2:
                continue
            score = count / (min(len(mine), len(earlier[other])) or 1)
            if (score >= MATCHED_AT or (
                    score >= THEMED_AT and themed.get(statement.id, set()) & themed.get(other, set()))):
                candidates.append((-score, statement.id, other))
    pairs: list[Pair] = []
    used: set[str] = set()
    for negative, a, b in sorted(candidates):
        if a not in used and b not in used:
            shared = later[a].keys() & earlier[b].keys()
            themes = tuple(sorted(themed.get(a, set()) & themed.get(b, set())))
            pairs.append(Pair(a, b, tuple(sorted(later[a][w] for w in shared)), themes, round(-negative, 2)))
            used |= {a, b}
    return sorted(pairs, key=lambda p: int(p.now[1:]))


@dataclass(frozen=True)
class Comparison:
    """An event against the one before it in its series."""

    event: Event                   # data-only: the later event
    previous: Event                # data-only: the one before it
    recurring: tuple[Pair, ...]    # data-only: priorities set again
    new: tuple[str, ...]           # data-only: priorities (ids) the earlier event did not set
    dropped: tuple[str, ...]       # data-only: priorities (ids) of the earlier event not set again
    problems_again: tuple[Pair, ...] # data-only: problems named again
    joined: tuple[str, ...]        # data-only: people (ids) at the later event only
    left: tuple[str, ...]          # data-only: people (ids) at the earlier event only


def edited(pairs: list[Pair], event: Event, previous: Event, section: str) -> list[Pair]:
    """The loader's ``pairs`` of ``section`` with the editor's matches over them: a statement
    the editor matched (or matched with nothing) keeps no other match, on either side."""
    earlier = {s.id: s for s in previous.statements}
    mine = {s.id: s for s in event.statements_in(section)}
    for now_id, (before_id, written) in event.matches.items():
        if now_id not in mine:
            continue
        if before_id is not None and (before_id not in earlier or earlier[before_id].section != section):
            what = "no statement" if before_id not in earlier else f"a statement of {earlier[before_id].section}"
            raise ReadoutError(f"'{before_id}' is {what} of '{previous.id}', the event before this one in its series",
                               written, f"match {now_id} ({section}) with one of that event's {section}, or with null")
        pairs = [p for p in pairs if p.now != now_id and p.before != before_id]
        if before_id is not None:
            a, b = words(mine[now_id].text), words(earlier[before_id].text)
            shared = a.keys() & b.keys()
            pairs.append(Pair(now_id, before_id, tuple(sorted(a[w] for w in shared)),
                              tuple(sorted(set(mine[now_id].themes) & set(earlier[before_id].themes))),
                              round(len(shared) / (min(len(a), len(b)) or 1), 2), editor=True))
    return sorted(pairs, key=lambda p: int(p.now[1:]))


def compare(event: Event, previous: Event) -> Comparison:
    now, before = event.statements_in("priorities"), previous.statements_in("priorities")
    recurring = edited(match(now, before), event, previous, "priorities")
    again = {p.now for p in recurring}, {p.before for p in recurring}
    here, there = [p.id for p in event.people()], [p.id for p in previous.people()]
    return Comparison(
        event, previous, tuple(recurring), tuple(s.id for s in now if s.id not in again[0]),
        tuple(s.id for s in before if s.id not in again[1]),
        tuple(edited(match(event.statements_in("problems"), previous.statements_in("problems")), event, previous, "problems")),
        tuple(p for p in here if p not in there), tuple(p for p in there if p not in here))


def comparison_data(c: Comparison) -> dict:
    """One comparison as ``data/series.json`` gives it."""
    def pairs(found):
        return [{"now": p.now, "before": p.before, "shared": list(p.shared), "themes": list(p.themes), "score": p.score,
                 **({"editor": True} if p.editor else {})} for p in found]
    return {"event": c.event.id, "previous": c.previous.id, "recurring": pairs(c.recurring), "new": list(c.new),
            "dropped": list(c.dropped), "problems_again": pairs(c.problems_again), "joined": list(c.joined),
            "left": list(c.left)}


@dataclass(frozen=True)
class MatchView:
    """Two statements shown side by side: the later one, the earlier one, and why they were
    matched."""

    now: StatementView             # the later event's statement
    before: StatementView          # the earlier event's statement
    why: str                       # "shares 5 of 9 words (innovation, …); both tagged Innovation"


@dataclass(frozen=True)
class ComparedPage(Page):
    """What changed since the previous event of the series (``events/<id>/compared/``)."""

    event: EventSummary | None = None    # the later event
    previous: EventSummary | None = None # the one before it in the series
    series: Link | None = None           # the series page
    recurring: tuple[MatchView, ...] = () # priorities set again
    new: tuple[StatementView, ...] = ()   # priorities the earlier event did not set
    dropped: tuple[StatementView, ...] = () # the earlier event's priorities not set again
    problems_again: tuple[MatchView, ...] = () # problems named again
    joined: tuple[PersonRef, ...] = ()    # people at this event, not the one before
    left: tuple[PersonRef, ...] = ()      # people at the one before, not this one
    template = "compared.html"


def compared_url(event_id: str) -> str:
    return f"{event_url(event_id)}compared/"


def compared_page(c: Comparison, series: Link, summaries: dict, views: dict, person_ref, theme_titles: dict) -> ComparedPage:
    now, before = views[c.event.id], views[c.previous.id]

    def shown(pair: Pair) -> MatchView:
        why = f"shares {len(pair.shared)} words ({', '.join(pair.shared[:6])}{', …' if len(pair.shared) > 6 else ''})"
        if pair.themes:
            why += "; both tagged " + ", ".join(theme_titles.get(t, t) for t in pair.themes)
        why = f"by an editor (it {why})" if pair.editor else why + f"; a match of {round(pair.score * 100)} %"
        return MatchView(now[pair.now], before[pair.before], why)

    people = {p.id: p for p in c.previous.people() + c.event.people()}
    return ComparedPage(
        url=compared_url(c.event.id), title=f"What changed — {c.event.title}",
        description=f"{c.event.title} against the one before it in its series: what recurs, what is new, what was dropped.",
        breadcrumbs=(HOME, Link(event_url(c.event.id), c.event.title)), event=summaries[c.event.id],
        previous=summaries[c.previous.id], series=series, recurring=tuple(shown(p) for p in c.recurring),
        new=tuple(now[i] for i in c.new), dropped=tuple(before[i] for i in c.dropped),
        problems_again=tuple(shown(p) for p in c.problems_again),
        joined=tuple(person_ref(people[i]) for i in c.joined), left=tuple(person_ref(people[i]) for i in c.left))
