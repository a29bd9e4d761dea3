"""The date an event took place, read from its text and resolved against the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>\d{4})"
WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + ")"
TIME_OF_DAY = r"(?:(?:the\s+)?(?P<tod>morning|afternoon|evening)\s+of\s+)?"

# Tried in order; the first that matches in the lead gives the date.
PATTERNS = [
    ("day month year", re.compile(rf"\b(?:on\s+)?{TIME_OF_DAY}{DAY}\s+{MONTH}\s*,?\s+{YEAR}\b", re.I)),
    ("month day year", re.compile(rf"\b(?:on\s+)?{TIME_OF_DAY}{MONTH}\s+{DAY},?\s+{YEAR}\b", re.I)),
    ("month day", re.compile(rf"\b(?:on\s+)?{TIME_OF_DAY}{MONTH}\s+{DAY}\b(?!\s*,?\s*\d)", re.I)),
    ("ordinal day", re.compile(rf"\bon\s+{TIME_OF_DAY}the\s+{DAY}\b", re.I)),
    ("weekday", re.compile(rf"\bon\s+(?:the\s+(?P<tod>morning|afternoon|evening)\s+of\s+)?{WEEKDAY}\b", re.I)),
]
TIME_OF_DAY_ALONE = re.compile(r"\b(?:on\s+the|this|in\s+the)\s+(morning|afternoon|evening)\b", re.I)


@dataclass(frozen=True)
class FoundDate:
    """A date read from the text, how it was read, and where (offsets into the searched text)."""

    value: date
    time_of_day: str | None
    rule: str
    start: int
    end: int


def latest_on_or_before(candidates, limit: date) -> date | None:
    """The latest of the candidate dates that is not after ``limit``."""
    valid = [d for d in candidates if d is not None and d <= limit]
    return max(valid) if valid else None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(match: re.Match, rule: str, published: date | None) -> date | None:
    """The calendar date a match names, filling a missing year or month from ``published``."""
    groups = match.groupdict()
    if rule == "weekday":
        if published is None:
            return None
        back = (published.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        return published - timedelta(days=back)
    day = int(groups["day"])
    if groups.get("year"):
        return safe_date(int(groups["year"]), MONTHS[groups["month"].lower()], day)
    if published is None:
        return None
    if groups.get("month"):
        month = MONTHS[groups["month"].lower()]
        return latest_on_or_before(
            [safe_date(published.year, month, day), safe_date(published.year - 1, month, day)],
            published)
    # "the 30th": this month or an earlier one, the latest not after publication.
    candidates = []
    year, month = published.year, published.month
    for _ in range(3):
        candidates.append(safe_date(year, month, day))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return latest_on_or_before(candidates, published)


def find_event_date(text: str, start: int, end: int, published: date | None) -> FoundDate | None:
    """The first date named between ``start`` and ``end`` of ``text`` that resolves."""
    best = None
    for rule, pattern in PATTERNS:
        for match in pattern.finditer(text, start, end):
            value = resolve(match, rule, published)
            if value is None:
                continue
            if best is None or match.start() < best.start:
                best = FoundDate(value, (match.group("tod") or "").lower() or None, rule,
                                 match.start(), match.end())
            break
    return best


def find_time_of_day(text: str, start: int, end: int) -> str | None:
    """"morning", "afternoon" or "evening" where the text says so without a date."""
    match = TIME_OF_DAY_ALONE.search(text, start, end)
    return match.group(1).lower() if match else None


STARTS_WITH_TIME = re.compile(
    rf"\s*(?:the\s+)?(?:morning|afternoon|evening|{WEEKDAY}|{MONTH}\s+\d|\d|(?:the\s+)?\d)", re.I)


def names_a_time(text: str, start: int, end: int) -> bool:
    """Whether the text at ``start`` names a time ("the morning of …", "Monday", "Nov. 30"),
    so that a preceding "on" introduces a date, not a subject."""
    return STARTS_WITH_TIME.match(text, start, end) is not None
