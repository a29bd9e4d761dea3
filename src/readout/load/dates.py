"""The date an event took place, read from its text and resolved against a reference date (the
dateline's, else the publication date)."""

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
PART = r"(?P<tod>morning|afternoon|evening)"
PART_OF = rf"(?:(?:the\s+)?{PART}\s+of\s+)?"
PART_AFTER = r"(?:\s+(?P<tod2>morning|afternoon|evening))?"

# Tried in order; the earliest match in a passage gives the date.
PATTERNS = [
    ("day month year", re.compile(rf"\b(?:on\s+)?{PART_OF}{DAY}\s+{MONTH}\s*,?\s+{YEAR}\b", re.I)),
    ("month day year", re.compile(rf"\b(?:on\s+)?{PART_OF}{MONTH}\s+{DAY},?\s+{YEAR}\b", re.I)),
    ("month day", re.compile(rf"\b(?:(?:on|from)\s+)?{PART_OF}{MONTH}\s+{DAY}\b(?!,?\s*\d{{4}}){PART_AFTER}", re.I)),
    ("ordinal day", re.compile(rf"\bon\s+{PART_OF}the\s+{DAY}\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?:on|from|last|this)\s+)?{PART_OF}{WEEKDAY}(?:'s|’s)?\b{PART_AFTER}", re.I)),
]
VAGUE = re.compile(r"\b(?:earlier\s+|later\s+)?this\s+(?:week|month)\b|\brecently\b", re.I)
DATELINE = re.compile(
    rf"(?P<place>[A-Z][A-Z .'-]*[A-Z]),\s+(?i:{MONTH})\s+{DAY}\s*(?:\([^)]*\))?\s*(?:--|[-–—])+\s*")
TIME_OF_DAY_ALONE = re.compile(r"\b(?:on\s+the|this|in\s+the)\s+(morning|afternoon|evening)\b", re.I)
STARTS_WITH_TIME = re.compile(
    rf"\s*(?:the\s+)?(?:morning|afternoon|evening|{WEEKDAY}|{MONTH}\s+\d|\d|the\s+\d)", re.I)


@dataclass(frozen=True)
class FoundDate:
    """A date read from the text, how it was read, and where (offsets into the text)."""

    value: date
    time_of_day: str | None
    rule: str
    start: int
    end: int


@dataclass(frozen=True)
class Dateline:
    """"CHANGSHA, March 20 (Xinhua) --": the place, the day (year unknown), and its span."""

    place: str
    month: int
    day: int
    start: int
    end: int

    def resolve(self, published: date | None) -> date | None:
        if published is None:
            return None
        return latest_on_or_before(
            [safe_date(published.year, self.month, self.day),
             safe_date(published.year - 1, self.month, self.day)], published)


def match_dateline(text: str, start: int, end: int) -> Dateline | None:
    match = DATELINE.match(text, start, end)
    if not match:
        return None
    return Dateline(match.group("place").title(), MONTHS[match.group("month").lower()],
                    int(match.group("day")), match.start(), match.end())


def latest_on_or_before(candidates, limit: date) -> date | None:
    """The latest of the candidate dates that is not after ``limit``."""
    valid = [d for d in candidates if d is not None and d <= limit]
    return max(valid) if valid else None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(match: re.Match, rule: str, reference: date | None) -> date | None:
    """The calendar date a match names, filling a missing year, month or week from
    ``reference``: the latest such day on or before it."""
    groups = match.groupdict()
    if rule == "weekday":
        if reference is None:
            return None
        back = (reference.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        return reference - timedelta(days=back)
    day = int(groups["day"])
    if groups.get("year"):
        return safe_date(int(groups["year"]), MONTHS[groups["month"].lower()], day)
    if reference is None:
        return None
    if groups.get("month"):
        month = MONTHS[groups["month"].lower()]
        return latest_on_or_before(
            [safe_date(reference.year, month, day), safe_date(reference.year - 1, month, day)],
            reference)
    # "the 30th": this month or an earlier one, the latest not after the reference.
    candidates = []
    year, month = reference.year, reference.month
    for _ in range(3):
        candidates.append(safe_date(year, month, day))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return latest_on_or_before(candidates, reference)


def find_event_date(text: str, start: int, end: int, reference: date | None) -> FoundDate | None:
    """The earliest date named between ``start`` and ``end`` of ``text`` that resolves."""
    best = None
    for rule, pattern in PATTERNS:
        for match in pattern.finditer(text, start, end):
            value = resolve(match, rule, reference)
            if value is None:
                continue
            if best is None or match.start() < best.start:
                tod = match.groupdict().get("tod") or match.groupdict().get("tod2")
                best = FoundDate(value, tod.lower() if tod else None, rule, match.start(), match.end())
            break
    return best


def find_unresolved_date(text: str, start: int, end: int) -> str | None:
    """A date phrase that names no day that can be worked out ("this week", "Aug. 20" with no
    year known), for a warning."""
    vague = VAGUE.search(text, start, end)
    if vague:
        return vague.group()
    for _, pattern in PATTERNS:
        match = pattern.search(text, start, end)
        if match:
            return match.group().strip()
    return None


def find_time_of_day(text: str, start: int, end: int) -> str | None:
    """"morning", "afternoon" or "evening" where the text says so without a date."""
    match = TIME_OF_DAY_ALONE.search(text, start, end)
    return match.group(1).lower() if match else None


def names_a_time(text: str, start: int, end: int) -> bool:
    """Whether the text at ``start`` names a time ("the morning of …", "Monday", "Nov. 30"),
    so that a preceding "on" introduces a date, not a subject."""
    return STARTS_WITH_TIME.match(text, start, end) is not None
