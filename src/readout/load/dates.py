"""The date an event took place, read from its text and resolved against a reference date (the
dateline's, else the publication date)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>\d{4})"
WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + ")"
PART = r"(?P<tod>morning|afternoon|evening)"
PART_OF = rf"(?:(?:the\s+)?{PART}\s+of\s+)?"
PART_AFTER = r"(?:\s+(?P<tod2>morning|afternoon|evening))?"

# The last day of a range: "October 26 to 29, 2020", "8-9 April 2025", "11 and 12 May" (the first day is the date).
UNTIL = r"(?:\s*(?:to|-|–|—|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"

# Tried in order; the earliest match in a passage gives the date.
PATTERNS = [
    ("day month year", re.compile(rf"\b(?:on\s+)?{PART_OF}{DAY}{UNTIL}\s+{MONTH}\s*,?\s*{YEAR}\b", re.I)),
    # "Jan. 19. 2026": a caption's misprint of the comma.
    ("month day year", re.compile(rf"\b(?:on\s+)?{PART_OF}{MONTH}\s*{DAY}{UNTIL}\s*[,.]?\s*{YEAR}\b", re.I)),
    ("month day", re.compile(rf"\b(?:(?:on|from)\s+)?{PART_OF}{MONTH}\s+{DAY}\b(?!{UNTIL}\s*[,.]?\s*\d{{4}}){PART_AFTER}", re.I)),
    ("day month", re.compile(rf"\b(?:(?:on|from)\s+)?{PART_OF}{DAY}{UNTIL}\s+{MONTH}(?![\w.]*\s*,?\s*\d{{4}})\b{PART_AFTER}", re.I)),
    ("ordinal day", re.compile(rf"\b(?:on|from)\s+{PART_OF}the\s+{DAY}\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?:on|from|last|this)\s+)?{PART_OF}{WEEKDAY}(?:'s|’s)?\b{PART_AFTER}", re.I)),
    # "came into operation yesterday": the day before the page's stamp.
    ("relative day", re.compile(r"\b(?P<relative>yesterday|today)\b(?:\s+(?P<tod2>morning|afternoon|evening))?", re.I)),
]
RULES = dict(PATTERNS)
NEEDS = {"day month year": "year", "month day year": "year", "month day": "month", "day month": "month",
         "ordinal day": "ordinal", "weekday": "weekday", "relative day": "relative"}
MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
VAGUE = re.compile(r"\b(?:earlier\s+|later\s+)?this\s+(?:week|month)\b|\brecently\b", re.I)
# "BEIJING, June 9, 2023 /PRNewswire/ --", "HAIKOU, December 25. /TASS/.", "XIONG’AN, Hebei, April 29 (Xinhua) —"
DATELINE = re.compile(
    rf"(?P<place>[A-Z][A-Z .'’-]*[A-Z])(?:,\s+[A-Z][a-z]+)?,\s+(?i:{MONTH})\s+{DAY}(?:,\s*(?P<year>(?:19|20)\d{{2}}))?\.?\s*(?:\([^)]*\)|/[A-Za-z][\w .-]{{1,30}}/)?\s*(?:(?:--|[-–—])+\s*|(?<=/)\.\s*(?=[A-Z]))")
# A tour's dateline of two places: "YAN'AN, Shaanxi/ANYANG, Henan, Oct. 29 (Xinhua) --",
# "HEFEI/NANJING, Dec. 3 (Xinhua) --": the first place is the dateline's.
DATELINE_MULTI = re.compile(
    rf"(?P<place>[A-Z][A-Z .'’-]*[A-Z])(?:,\s+[A-Z][a-z]+)?(?:\s*/\s*[A-Z][A-Z .'’-]*[A-Z](?:,\s+[A-Z][a-z]+)?)+,\s+"
    rf"(?i:{MONTH})\s+{DAY}\s*(?:\([^)]*\))?\s*(?:--|[-–—])+\s*")
# The other forms real pages print: "BEIJING -- ", "Beijing - ", "BEIJING: ", "HEFEI, Aug. 22-- ", "BEIJING?- "
# (a dash half lost to the page's encoding), "Beijing, 3 Mar (Xinhua) --", "Shanghai, April 30 (Xinhua) –",
# "Beijing, 21 March 2024 (TDI):", "NANCHANG(XINHUA) 22 May---". A place in capitals, or with a date or an agency.
# "(Xinhua)", "(APP/Xinhua)", "(Xinhua/Internews)": an agency, or two that share the story.
AGENCY = r"\((?:xinhua|chinadaily|china\s+daily|cgtn|cns|people's\s+daily|tdi|ecns|reuters|ap|afp|app|ani|pti|ians|bernama|tass|kyodo|yonhap|china)(?:/[a-z][\w ]{0,20})?\)"
MONTH_NAME = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
ANY_DAY = rf"(?:(?i:{MONTH_NAME})\s*\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{MONTH_NAME}))(?:\s*,?\s*\d{{4}})?"
# A credit in brackets that names an outlet after a day: "(Northpost)", "(APP - Site - 20th Dec, 2023)".
CREDIT = r"\([A-Z][\w.&/ ,-]{1,60}\)"
DATELINE_LOOSE = re.compile(
    rf"(?P<place>[A-Z](?:[A-Z'’]|-(?=[A-Z]))+(?:\s+[A-Z](?:[A-Z'’]|-(?=[A-Z]))+)?|[A-Z](?:[a-z'’]|-(?=[a-z]))+(?:\s+[A-Z](?:[a-z'’]|-(?=[a-z]))+)?)"
    r"(?:\s*\[China\]|,\s*China\b|,\s*[A-Z][a-z]+(?=,))?"  # "Beijing [China], June 25 (ANI):", "BEIJING, China, Oct 25 —", "Xi’an, Shaanxi, …"
    rf"(?:,\s*(?P<date>{ANY_DAY}))?\.?\s*(?:(?P<agency>(?i:{AGENCY})|/[A-Za-z][\w .-]{{1,30}}/)|,?\s*(?P<credit>{CREDIT}))?\s*(?P<date2>{ANY_DAY})?\s*"
    rf"(?:,\s*(?P<outlet>[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){{0,3}})\s*)?"  # "Beijing, May 21, 2024, The Europe Today:"
    rf"\.?\s*(?:(?P<dash>[?\ufffd]?(?:--+|[-–—]+)|:)\s*|(?<=\))\s+(?=[A-Z])|(?<=/\.)\s*(?=[A-Z]))")  # "Beijing, Dec 28 (IANS) The …"
# A translated Chinese dateline: "Xinhua News Agency, Beijing, July 27th.", "Xinhua News Agency,
# Xi'an, Shaanxi/Yuncheng, Shanxi, May 17 –": the agency first, then the place(s) and the day.
PLACE_WORDS = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
LONG_PLACE = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"  # "Xiong’an New Area", before a comma
AGENCY_NAME = r"(?:xinhua(?:\s+news\s+agency)?|(?:people's|people’s)\s+daily|china\s+news\s+(?:agency|service))"
AGENCY_FIRST = re.compile(
    rf"{AGENCY_NAME},?\s+(?P<place>(?-i:{LONG_PLACE}))"  # "Xinhua Beijing August 30th": commas lost in translation
    rf"(?:\s*[,/]\s*(?-i:{PLACE_WORDS})){{0,3}},?\s+(?i:{MONTH})\s+{DAY}\b\s*(?:[.:]|--+|[-–—]+)?\s*", re.I)
# "Xinhua, 21 April, Beijing (Journalists …)." : the agency, the day, then the place.
AGENCY_DAY_FIRST = re.compile(
    rf"{AGENCY_NAME},\s+{DAY}\s+(?i:{MONTH}),\s+(?P<place>{PLACE_WORDS})"
    r"\s*(?:\([^)]{0,80}\))?\s*(?:[.:]|--+|[-–—]+)?\s*", re.I)
# A machine translation's "Xinhua news agency of Beijing on May, …": the agency and the place.
AGENCY_OF = re.compile(rf"xinhua(?:\s+news\s+agency)?\s+(?:of|in|from)\s+(?P<place>{PLACE_WORDS})(?:\s+on\s+[A-Z][a-z]+)?\s*[,.:]\s*",
                       re.I)
# "(Xinhua) WUHAN - …", "(Xinhua News Agency, May 6, 2019. Full text:) Beijing - …": an agency, or
# a credit naming one or a year, in brackets before the dateline.
AGENCY_BEFORE = re.compile(rf"\s*(?:(?i:{AGENCY})|\((?=[^()]{{0,80}}(?i:xinhua|agency|\d{{4}}))[^()]{{1,80}}\))\s*(?=[A-Z])")
# "(Beijing)May 7,2015 In the morning …" after a byline in square brackets, "3rd May 2024 – (Beijing)
# The …": a city in brackets (the capitals only, so "(Xinhua)" or "(Photo)" is none).
PLACE_IN_BRACKETS = re.compile(
    rf"\s*(?:\[[^\]\n]{{1,120}}\]\s*|(?P<before>{ANY_DAY})\s*(?:--+|[-–—]+)\s*)?\((?P<place>[A-Z][a-z'’]+)\)\s*"
    rf"(?:(?P<after>{ANY_DAY})\s*)?(?=[A-Z])")
# "Source: People's Daily BEIJING, Aug. 31 -- …": a credit run into the dateline; "– BEIJING, Aug. 25,
# 2021 /PRNewswire/ —": a dash or bullet the page prints before it.
BEFORE_DATELINE = re.compile(r"\s*Source\s*:\s*(?:[A-Z][\w'’.-]*\s+){1,4}?(?=[A-Z][A-Z'’ .-]*[A-Z],)|[–—•·-]\s+(?=[A-Z])")
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
    month: int | None  # None: "BEIJING -- " gives the place only
    day: int | None
    start: int
    end: int
    year: int | None = None  # "(Beijing)March 7,2015 …" prints it

    def resolve(self, published: date | Anchor | None) -> date | None:
        """The dateline's day in the year it prints, else in the year the anchor (or publication date) gives."""
        if self.year and self.month and self.day:
            return safe_date(self.year, self.month, self.day)
        if published is None or self.month is None or self.day is None:
            return None
        anchor = published if isinstance(published, Anchor) else Anchor(published, "publication line", 0, 0)
        return anchor.place_day(self.month, self.day)


@dataclass(frozen=True)
class Anchor:
    """A full date the page gives (with its year) that relative dates are resolved against: the
    ' date' line, a time stamp ("Updated: …", "14:52, April 28, 2023"), a photo caption's date, or
    a dateline resolved with one of those. A caption may be of another day of a tour, before or
    after the event; the others are on or after it."""

    value: date
    kind: str  # "publication line", "time stamp", "caption", "dateline", "named year"
    start: int
    end: int
    years: tuple[int, ...] = ()  # for "named year": the years the story names

    def place_day(self, month: int, day: int) -> date | None:
        """The year of a month and day the text names without one."""
        if self.kind == "named year":
            # A conference late in the year reviews that year and plans the next: with both
            # named, a day in the second half of the year is in the earlier one.
            year = self.value.year
            return safe_date(year - 1 if month >= 7 and year - 1 in self.years else year, month, day)
        candidates = [safe_date(self.value.year + k, month, day) for k in (-1, 0, 1)]
        if self.kind == "caption":  # the nearest, either side
            valid = [d for d in candidates if d is not None]
            return min(valid, key=lambda d: abs((d - self.value).days)) if valid else None
        # A stamp may be a day early in another time zone: allow one day after it.
        return latest_on_or_before(candidates, self.value + timedelta(days=1))

    def place_weekday(self, weekday: int) -> date | None:
        """The day a weekday names: the latest on or before the anchor, or, for a caption, the
        nearest (a tour's caption may be the day before); a year alone names no week."""
        if self.kind == "named year":
            return None
        back = (self.value.weekday() - weekday) % 7
        if self.kind == "caption" and back > 3:
            return self.value + timedelta(days=7 - back)
        return self.value - timedelta(days=back)


# A year the story names as the one it speaks in ("GDP in the second quarter of 2016 grew", "the
# economic work in 2023"), not a target ("by 2035", "for 2024", "(2021-2025)", "2021-2025").
# A year, not a count that looks like one ("2040 committee members", "over 2000 deputies").
NAMED_YEAR = re.compile(r"(?<![\w-])(?<!over\s)(?<!about\s)(?<!nearly\s)(?<!than\s)((?:19|20)\d\d)(?![\w-]|\s*[-–]\s*\d)"
                        r"(?!\s+(?:[a-z]+\s+)?(?:members|deputies|delegates|people|participants|votes|officials|representatives|advis[eo]rs)\b)")
# "by 2035", "2021-2025", "between 2016 and 2020": a target; "Healthy China 2030": a name; "since its congress in 2012": history.
TARGET_BEFORE = re.compile(r"(?:\b(?:by|for|until|through|before|to)\s+(?:the\s+)?(?:end\s+of\s+)?(?:year\s+)?|[-–]|\bbetween\s+\d{4}\s+and\s+"
                           r"|\b(?-i:in\s+China|Healthy\s+China|Vision|Agenda|Expo|Olympics?)\s+|\b(?:since|(?:starting|beginning|back)\s+in)\s+|\bsince\s+[^.,;]{0,70}\s+in\s+)$", re.I)


def named_years(text: str, start: int, end: int) -> tuple[int, ...]:
    """The years a passage names, targets ("by 2035", "for 2024", "through the year 2035", "2021-2025") left out."""
    return tuple(sorted({int(m.group(1)) for m in NAMED_YEAR.finditer(text, start, end)
                         if not TARGET_BEFORE.search(text, max(start, m.start() - 80), m.start())}))


def year_anchor(text: str, start: int, end: int) -> Anchor | None:
    """Where the page gives no full date, the latest year its story names, as an anchor for a
    month and day (never for a weekday)."""
    years = named_years(text, start, end)
    return Anchor(date(years[-1], 12, 31), "named year", start, start, years) if years else None


# "17-Jan-2019", "17 Jan. 2019" in a stamp: the day, the month's short name, the year.
DAY_MON_YEAR = re.compile(r"(?<![\d])(?P<day>\d{1,2})-(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)-(?P<year>\d{4})\b", re.I)
# "01-17-2017 21:31 BJT", "8/31/2014 9:38:42 PM": a stamp with the year last, read only where it
# can be read one way (a day over 12 on one side).
YEAR_LAST = re.compile(r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[-/])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})(?![\d/-])")
ISO_DATE = re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d])")
CJK_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<day>\d{1,2})日")  # a stamp in Chinese: "2018年03月13日"
TIME_NEAR = re.compile(r"\d{1,2}:\d{2}|\b(?:updated|published|posted|source|time|date)\b", re.I)
# "(Xinhua/Ju Peng)", "(AP Photo/Ng Han Guan)", "[Photo/…]", "Photo taken on …", "JU PENG/XINHUA".
CREDIT_OPEN = r"(?:\((?:xinhua|photo|cfp|cns|(?:ap|afp|reuters|epa|xinhua|cns)\s+photo)\s*/|\(photo\s*:)"  # "(Xinhua/", "(AP Photo/", "(Photo:"
CAPTION = re.compile(CREDIT_OPEN + r"|\[photo|\bphoto taken\b|\bfile photo\b|\(photo\b|\bphoto by\b"
                     r"|\bphoto\s*[/:]\s*(?:xinhua|cns|cfp|china\s+daily|china\s+plus|ap|afp|reuters)\b|▲"  # "… 2021. Photo/Xinhua", "Photo: CFP", "▲ Xi …"
                     r"|(?-i:\b[A-Z]{2,}(?: [A-Z]{2,}){0,2}/(?:XINHUA|CHINA DAILY|CNS|CFP)\b)", re.I)  # "JU PENG/XINHUA"


CAPTION_HINTS = ("/", "▲", "photo")  # one is in every caption CAPTION finds


def is_caption(text: str, start: int, end: int) -> bool:
    """Whether the passage carries a photo's caption or credit (see ``CAPTION``). Most hold no
    slash and no "photo": a substring test (five times faster than a regex) spares the pattern."""
    passage = text[start:end].lower()
    return any(map(passage.__contains__, CAPTION_HINTS)) and CAPTION.search(text, start, end) is not None


YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
DIGIT = re.compile(r"\d")


def full_dates(text: str, start: int, end: int) -> list[tuple[date, int, int]]:
    """Every date with its year between ``start`` and ``end``: "2024-04-24", "2020/05/15",
    "April 28, 2023", "Mar 27,2013", "21 March 2024"."""
    if not YEAR_LIKE.search(text, start, end):  # most paragraphs name no year: skip the rest
        return []
    found = []
    for match in chain(ISO_DATE.finditer(text, start, end), CJK_DATE.finditer(text, start, end)):
        value = safe_date(int(match.group("year")), int(match.group("m")), int(match.group("day")))
        if value:
            found.append((value, match.start(), match.end()))
    for match in YEAR_LAST.finditer(text, start, end):
        a, b = int(match.group("a")), int(match.group("b"))
        value = safe_date(int(match.group("year")), *((a, b) if b > 12 else (b, a))) if (a > 12) != (b > 12) else None
        if value:
            found.append((value, match.start(), match.end()))
    for match in DAY_MON_YEAR.finditer(text, start, end):
        value = safe_date(int(match.group("year")), MONTHS[match.group("month").lower()], int(match.group("day")))
        if value:
            found.append((value, match.start(), match.end()))
    for rule in ("day month year", "month day year"):
        for match in RULES[rule].finditer(text, start, end):
            value = safe_date(int(match.group("year")), MONTHS[match.group("month").lower()], int(match.group("day")))
            if value:
                found.append((value, match.start(), match.end()))
    return sorted(found, key=lambda f: f[1])


def block_anchors(text: str, start: int, end: int, story: bool) -> list[Anchor]:
    """The anchors of one paragraph: outside the story every full date is a stamp (short, or
    next to a time or "Updated:") or a caption's; inside it, only a caption's date counts (a
    date in a sentence of the story is the event's own, read by ``find_event_date``)."""
    if story and not is_caption(text, start, end):  # most paragraphs: spare looking for dates
        return []
    dated = full_dates(text, start, end)
    if not dated:
        return []
    caption = is_caption(text, start, end)
    anchors = []
    for value, at, stop in dated:
        near = TIME_NEAR.search(text, max(start, at - 25), min(end, stop + 12))
        if (not story or caption) and (near or (end - start < 120 and not caption)):
            anchors.append(Anchor(value, "time stamp", at, stop))
        elif caption or not story:
            anchors.append(Anchor(value, "caption", at, stop))
    return anchors


def best_anchor(anchors: list[Anchor], at: int) -> Anchor | None:
    """The anchor to resolve a relative date at offset ``at`` against: the nearest stamp or
    publication line (one before it first), else the nearest caption."""
    def distance(a: Anchor) -> tuple[int, int]:
        return (0 if a.end <= at else 1, abs(at - a.end))

    firm = [a for a in anchors if a.kind != "caption"]
    if firm:
        return min(firm, key=distance)
    return min(anchors, key=distance) if anchors else None


# Cities whose names are not pinyin, for datelines of the loose forms.
OTHER_CITIES = {"hohhot", "urumqi", "lhasa", "kashgar", "karamay", "hong kong", "macao", "macau"}
# The capital and the provincial capitals: a dateline in title case ("Beijing: …", "Wuhan - …")
# names one of these far more often than it names a person.
CAPITAL_CITIES = {"beijing", "shanghai", "tianjin", "chongqing", "shijiazhuang", "taiyuan", "hohhot", "shenyang",
                  "changchun", "harbin", "nanjing", "hangzhou", "hefei", "fuzhou", "nanchang", "jinan", "zhengzhou",
                  "wuhan", "changsha", "guangzhou", "nanning", "haikou", "chengdu", "guiyang", "kunming", "lhasa",
                  "xi'an", "lanzhou", "xining", "yinchuan", "urumqi"}


def place_name(printed: str) -> str:
    """A dateline's place as a name: "XI'AN" → "Xi'an" (str.title would give "Xi'An")."""
    return " ".join(word.capitalize() for word in printed.split())


def match_dateline(text: str, start: int, end: int, is_pinyin=None) -> Dateline | None:
    """The dateline at ``start``, if the paragraph opens with one. ``is_pinyin`` (a word → bool
    test) admits the loose forms ("Beijing - …", "BEIJING: …") only for a place whose name is
    pinyin, so "Update 26 March:" or "NOTE:" is no dateline."""
    credit = BEFORE_DATELINE.match(text, start, end)
    if credit:
        start = credit.end()
    match = DATELINE.match(text, start, end) or DATELINE_MULTI.match(text, start, end)
    if match:  # "BEIJING, June 9, 2023 /PRNewswire/ --" prints the year
        year = match.groupdict().get("year")
        return Dateline(place_name(match.group("place")), MONTHS[match.group("month").lower()], int(match.group("day")),
                        match.start(), match.end(), int(year) if year else None)
    lead_in = AGENCY_BEFORE.match(text, start, end)  # "(Xinhua) WUHAN - …"
    if lead_in:
        start = lead_in.end()
    match = AGENCY_FIRST.match(text, start, end) or AGENCY_DAY_FIRST.match(text, start, end)
    if match:
        return Dateline(place_name(match.group("place")), MONTHS[match.group("month").lower()],
                        int(match.group("day")), match.start(), match.end())
    match = AGENCY_OF.match(text, start, end)
    if match:
        return Dateline(place_name(match.group("place")), None, None, match.start(), match.end())
    match = PLACE_IN_BRACKETS.match(text, start, end)
    if match and match.group("place").lower() in CAPITAL_CITIES:
        month, day, year = month_day(match.group("after") or match.group("before"))
        return Dateline(match.group("place"), month, day, match.start(), match.end(), year)
    match = DATELINE_LOOSE.match(text, start, end)
    if not match:
        return None
    credited = re.search(ANY_DAY, match.group("credit") or "")  # "BEIJING, (APP - Site - 27th Feb, 2024)"
    place, dated = match.group("place"), match.group("date") or match.group("date2") or (credited and credited.group())
    capital_city = place.lower() in CAPITAL_CITIES  # "Beijing: Chinese President …"
    if (match.group("outlet") and not dated and not capital_city) or (match.group("credit") and not (dated or capital_city)):
        return None  # "Li Qiang, Premier Of …:" is no dateline; an outlet follows a date or a capital's name
    capitals = place.isupper() and len(place) > 2
    named = place.lower() in OTHER_CITIES or (is_pinyin is not None and all(is_pinyin(w) for w in place.split()))
    dash = match.group("dash")
    if dash is None and not (match.group("agency") or match.group("credit")):
        return None  # no dash only after an agency's name in brackets
    spaced_dash = dash not in (None, ":") and text[match.start("dash") - 1:match.start("dash")].isspace()
    # A place in capitals, or a place with a date, an agency or a spaced dash; a Chinese name.
    # Two words in title case are a person as often as a place ("Li Qiang - …"): capitals only.
    if not named or not (capitals or dated or match.group("agency") or spaced_dash or capital_city) or (
            not capitals and " " in place and place.lower() not in OTHER_CITIES):
        return None
    month, day, year = month_day(dated)
    return Dateline(place_name(place), month, day, match.start(), match.end(), year)


def month_day(dated: str | None) -> tuple[int | None, int | None, int | None]:
    """The month, day and year of a dateline's "March 7", "7th March 2024" (None where it prints none)."""
    found = dated and re.match(r"(?:(?P<m1>[A-Za-z]+)\.?\s*(?P<d1>\d{1,2})|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[A-Za-z]+))"
                               r"[^\d]*(?P<year>\d{4})?", dated)
    if not found:
        return None, None, None
    return (MONTHS.get((found.group("m1") or found.group("m2")).lower().rstrip(".")), int(found.group("d1") or found.group("d2")),
            int(found.group("year")) if found.group("year") else None)


def latest_on_or_before(candidates, limit: date) -> date | None:
    """The latest of the candidate dates that is not after ``limit``."""
    valid = [d for d in candidates if d is not None and d <= limit]
    return max(valid) if valid else None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(match: re.Match, rule: str, reference: date | Anchor | None) -> date | None:
    """The calendar date a match names, filling a missing year, month or week from
    ``reference`` (an anchor, or the publication date): the latest such day on or before it,
    or for a caption's date the nearest."""
    groups = match.groupdict()
    day = int(groups["day"]) if groups.get("day") else None
    if groups.get("year"):
        return safe_date(int(groups["year"]), MONTHS[groups["month"].lower()], day) if day else None
    if reference is None:
        return None
    anchor = reference if isinstance(reference, Anchor) else Anchor(reference, "publication line", 0, 0)
    if rule == "weekday":
        return anchor.place_weekday(WEEKDAYS[groups["weekday"].lower()])
    if rule == "relative day":  # only against the page's own date, never a caption's or a year
        if anchor.kind in ("caption", "named year"):
            return None
        return anchor.value - timedelta(days=1 if groups["relative"].lower() == "yesterday" else 0)
    if day is None:  # every other rule names the day
        return None
    if groups.get("month"):
        return anchor.place_day(MONTHS[groups["month"].lower()], day)
    if anchor.kind == "named year":  # "the 27th" in a year the story names: which month is not said
        return None
    # "the 30th": this month or an earlier one, the latest not after the reference.
    candidates = []
    year, month = anchor.value.year, anchor.value.month
    for _ in range(3):
        candidates.append(safe_date(year, month, day))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return latest_on_or_before(candidates, anchor.value + timedelta(days=1 if anchor.kind != "publication line" else 0))


FUTURE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:scheduled|set|due|expected)\s+to|to\s+be\s+held|upcoming|which\s+(?:opens|starts|begins))\b", re.IGNORECASE)


def in_future_clause(text: str, start: int, at: int) -> bool:
    """Whether the clause holding ``at`` (from ``start`` at the earliest) tells what will
    happen: "The committee will hold a session from June 21" names another, later event;
    "China will …, Xi said on Monday" does not (the date is in a clause of its own)."""
    clause = max(start, *(text.rfind(stop, start, at) + 1 for stop in ".!?,;"))
    return FUTURE.search(text, clause, at) is not None


def find_event_date(text: str, start: int, end: int, reference: date | Anchor | None) -> FoundDate | None:
    """The earliest date named between ``start`` and ``end`` of ``text`` that resolves."""
    best = None  # (what each rule needs is looked for once: most passages name no date at all)
    digits, lowered = DIGIT.search(text, start, end) is not None, text[start:end].lower()
    needs = {"year": digits and YEAR_LIKE.search(text, start, end) is not None,
             "month": digits and MONTH_WORD.search(text, start, end) is not None, "ordinal": digits,
             "weekday": "day" in lowered and any(map(lowered.__contains__, WEEKDAYS)),
             "relative": "yesterday" in lowered or "today" in lowered}
    for rule, pattern in PATTERNS:
        if not needs[NEEDS[rule]]:
            continue
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
    """A date phrase that names no day that can be worked out ("this week", "Aug. 20" with no year known), for a warning."""
    vague = VAGUE.search(text, start, end)
    if vague:
        return vague.group()
    found = [m for _, pattern in PATTERNS if (m := pattern.search(text, start, end)) and not in_future_clause(text, start, m.start())]
    return min(found, key=lambda m: m.start()).group().strip() if found else None  # the first the text gives


def find_time_of_day(text: str, start: int, end: int) -> str | None:
    """"morning", "afternoon" or "evening" where the text says so without a date."""
    match = TIME_OF_DAY_ALONE.search(text, start, end)
    return match.group(1).lower() if match else None


def names_a_time(text: str, start: int, end: int) -> bool:
    """Whether the text at ``start`` names a time ("the morning of …", "Monday", "Nov. 30"),
    so that a preceding "on" introduces a date, not a subject."""
    return STARTS_WITH_TIME.match(text, start, end) is not None
