"""The event date: the lead sentence's own date phrase, resolved against the nearest anchor the
page gives (its dateline, a time stamp, a caption's date, the publication line, else the year
the story speaks in). A mixin of ``Reader``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from itertools import islice

from . import dates
from .lead import Lead
from .page import caption_end
from .places import shows_event
from .reading import Reading
from .segment import Span

# "… that ended on Wednesday", "… closed on Sunday": a date that ends a tour or a meeting.
ENDED = re.compile(r"\b(?:ended|closed|concluded|wrapped\s+up)(?:\s+in\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))?\s*$",
                   re.IGNORECASE)  # "… which concluded in Beijing yesterday"
FALLS_ON = re.compile(r"\b(?:falls?|falling|fell)\s+$", re.IGNORECASE)
HELD_FROM = re.compile(r"\b(?:held|convened|ran|lasted|took\s+place)\s+from\s+", re.IGNORECASE)
DAYS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}
# "a three-day inspection tour", "a two-day rural work conference", "Xi spent three days in …".
EVENT_DAYS = re.compile(r"\b(two|three|four|five|six|[2-6])-day\s+(?:[a-z-]+\s+){0,3}?"
                       r"(?:tour|trip|visit|inspection|conference|meeting|session|symposium|forum|seminar|plenum)s?\b"
                       r"|\bspent\s+(?=(?:two|three|four|five|six|[2-6])\s+days\b)(\w+)", re.IGNORECASE)
# "… a study session … in November 2025" in an editor's note: a month of a year anywhere on the
# page, found by its year (a long search for month names would cost more); a ' date 2022-12' line.
A_YEAR = re.compile(r"(?<![\w-])(?:19|20)\d\d(?![\w-])(?![\s,]*\d)")
MONTH_BEFORE = re.compile(rf"(?i:\b{dates.MONTH_NAME})\s+(?:of\s+)?$")
# What a year is named the time of, where it is the time of a plan: "… decided to discuss … in January
# 2018", "to analyze economic work in 2023", "arrangements for …"; or "2023 will be …".
PLANNED = re.compile(r"\b(?:will|shall|decided\s+to|to\s+(?:analy[sz]e|discuss|plan|deploy|arrange|study)|plans?\s+for"
                     r"|arrangements?\s+for|deploy(?:s|ed|ing)|arrang(?:es|ed|ing))\b", re.IGNORECASE)  # ("researches and deploys 2022 work")
WILL_AFTER = re.compile(r"\s+(?:will|is\s+to)\b")
# What a year is named the time of, where it is the time of what was done: "production fell … in
# 2015", "the handling of the proposals … in 2019"; or "2017 was …". (Not "reviewed": a meeting
# reviews the plan for 2024 as often as the work of 2023.)
REVIEWED = re.compile(r"\b(?:handl(?:ed|ing)|in\s+the\s+past|fell|rose|grew|reached|achieved|completed)\b", re.IGNORECASE)
WAS_AFTER = re.compile(r"\s+(?:was|were|saw)\b")
MONTH_LINE = re.compile(r"[ \t]*date[ \t]+(?P<year>(?:19|20)\d\d)-\d{2}\b(?!-)")
VAGUE_WHEN = re.compile(r"\b(?:in\s+recent\s+days|recently|earlier\s+this\s+week|this\s+week|recent\s+(?:inspection\s+)?(?:tours?|trips?|visits?|inspections?))\b",
                        re.IGNORECASE)


def describe_anchor(anchor) -> str:
    """How ``found`` names an anchor: "the time stamp 2023-04-28"."""
    if anchor is None:
        return "nothing"
    names = {"publication line": "the publication date", "time stamp": "the page's time stamp",
             "caption": "a photo caption's date", "dateline": "the dateline"}
    if anchor.kind == "named year":
        return f"the year the page names, {'/'.join(map(str, anchor.years))}"
    if anchor.years:
        return f"{names[anchor.kind]} {anchor.value}, its year the one the page names ({'/'.join(map(str, anchor.years))})"
    return f"{names[anchor.kind]} {anchor.value}"


STORY_AFTER_CAPTION = 200  # characters after a caption's credit that are a story of their own
LISTED = 3  # paragraphs in a row that each give a time stamp: a list of related stories and their dates


class DateReading(Reading):
    """Reading the event date."""

    read_story_kind: Callable[[], tuple[str, str] | None]  # PlaceReading's, a mixin of the same Reader

    def anchors(self, published) -> list[dates.Anchor]:
        """Every full date the page gives that a relative one can be resolved against: the
        ' date' line, time stamps and captions (see ``dates.block_anchors``); not the dates of
        a list of other stories (``LISTED`` stamps in a row, not all of one day)."""
        found = [dates.Anchor(published, "publication line", 0, 0)] if published else []
        each = [dates.block_anchors(self.text, span.start, span.end, i in self.in_story) for i, span in enumerate(self.paragraphs)]
        stamped = [{a.value for a in anchors if a.kind == "time stamp"} for anchors in each]
        listed: set[int] = set()
        for k in range(len(stamped) - LISTED + 1):
            if all(stamped[k:k + LISTED]) and len(set().union(*stamped[k:k + LISTED])) > 1:
                listed.update(range(k, k + LISTED))
        for i, anchors in enumerate(each):
            found += [a for a in anchors if not (i in listed and a.kind == "time stamp")]
        return found

    def read_date(self, lead: Lead | None, published):
        """The event date: the lead sentence's own date phrase, resolved against the nearest
        anchor the page gives (its dateline, a time stamp, a caption's date, the publication
        line); else the dateline's day; else the first date in the story; else the date of a
        caption that shows the event itself."""
        anchors = self.anchors(published)
        found = self.date_from(lead, anchors)
        if found and found.rule == "weekday" and any(anchor.kind == "caption" for anchor in anchors):
            found = self.weekday_shown(found, anchors, lead)
        if found:
            found = self.first_day(found)
        if found is None and not anchors and self.story:
            # No full date anywhere: a month and day in the year the story speaks in.
            named = dates.year_anchor(self.text, self.paragraphs[self.story[0]].start, self.paragraphs[self.story[-1]].end) \
                or self.page_year_anchor()
            found = self.date_from(lead, [named]) if named else None
            if found and named and named.kind == "named year" and found.value.year == named.value.year:
                found = self.year_beside(found, named, lead)
            if found:
                found = self.first_day(found)
        if found is None:
            dateline = lead.dateline if lead else None
            where = Span(max(dateline.end, lead.sentence.start) if dateline else lead.sentence.start, lead.sentence.end) if lead else (
                self.paragraphs[self.story[0]] if self.story else Span(0, 0))
            unresolved = dates.find_unresolved_date(self.text, where.start, where.end)
            if dateline and not unresolved:
                unresolved = self.text[dateline.start:dateline.end].strip()
            self.warn(f"no event date: the text says only {unresolved!r}" if unresolved
                      else "no event date found in the text", where.start)
        return found

    def year_beside(self, found: dates.FoundDate, named: dates.Anchor, lead: Lead | None) -> dates.FoundDate | None:
        """A day in the year the story names, read again: a meeting late in a year that names it
        only as the time of a plan ("to analyze economic work in 2023") is held in the year
        before it; one early in a year that names it only as the time of what was done ("2017
        was the last full year of the government", "output fell … in 2015") in the year after."""
        year = named.value.year
        if found.value.month >= 10 and self.named_only(year, PLANNED, WILL_AFTER):
            # (the anchor's rule for a day late in a year with the year before named)
            again = self.date_from(lead, [replace(named, years=(*named.years, year - 1))])
            why = f"in the year before {year}, which the story names only as the time of a plan"
        elif found.value.month <= 4 and self.named_only(year, REVIEWED, WAS_AFTER):
            again = self.date_from(lead, [replace(named, value=date(year + 1, 12, 31), years=(*named.years, year + 1))])
            why = f"in the year after {year}, which the story names only as the time of what was done"
        else:
            return found
        if again:
            self.found["date"] = self.found["date"].split(", resolved against")[0] + f", {why}"
        return again

    def named_only(self, year: int, cue: re.Pattern, after: re.Pattern) -> bool:
        """Whether every time the story names ``year``, ``cue`` stands before it in its clause or
        ``after`` right after it: "to analyze economic work in 2023", "2023 will be the first year
        of …" (a plan); "output fell 2.3 percent in 2015", "2017 was …" (what was done)."""
        start, end = self.paragraphs[self.story[0]].start, self.paragraphs[self.story[-1]].end
        named = [m for m in dates.NAMED_YEAR.finditer(self.text, start, end) if int(m.group(1)) == year]
        return bool(named) and all(
            cue.search(self.text, max(start, *(self.text.rfind(stop, start, m.start()) + 1 for stop in ".!?;")), m.start())
            or after.match(self.text, m.end()) for m in named)

    def page_year_anchor(self) -> dates.Anchor | None:
        """Where the story names no year, the latest year the page gives elsewhere: a month of a
        year ("… at a study session in November 2025", an editor's note) or an anniversary of a
        founding ("to celebrate the 71st anniversary of the founding of the People's Republic of
        China": 2020), as a year for a month and day."""
        anniversary, founded_in = self.lexicon.anniversaries
        line = MONTH_LINE.match(self.text)
        years = sorted([int(m.group()) for m in A_YEAR.finditer(self.text)
                        if MONTH_BEFORE.search(self.text, max(0, m.start() - 15), m.start())]
                       + ([int(line.group("year"))] if line else []) + [
            int(m.group("n")) + founded_in[re.sub(r"\s+", " ", m.group("body")).replace("’", "'").lower()]
            for m in (anniversary.finditer(self.text) if "anniversary" in self.text else ())])
        return dates.Anchor(date(years[-1], 12, 31), "named year", 0, 0, tuple(years)) if years else None

    def first_day(self, found: dates.FoundDate) -> dates.FoundDate:
        """The first day of a tour or meeting the page dates by its end ("a tour of Ningxia that
        ended on Wednesday", "a two-day conference which closed on Sunday") and gives the length
        of ("a three-day inspection tour", "Xi spent three days in Ningxia"); else
        ``found`` as it is."""
        if not ENDED.search(self.text, max(0, found.start - 30), found.start):
            return found
        days = next((DAYS[(m.group(1) or m.group(2)).lower()] for m in EVENT_DAYS.finditer(self.text)), None)
        if not days:
            return found
        self.found["date"] = self.found.get("date", "") + f", the last day of {days} days"
        return replace(found, value=found.value - timedelta(days=days - 1))

    def reference(self, lead: Lead | None, anchors: list[dates.Anchor]) -> tuple[dates.Anchor | None, dates.Anchor | None]:
        """The anchor nearest the lead (else the story's start), and what a relative date is
        resolved against: the dateline's day resolved against that anchor, else the anchor."""
        at = lead.sentence.start if lead else (self.paragraphs[self.story[0]].start if self.story else 0)
        anchor = dates.best_anchor(anchors, at)
        # With no lead sentence found, the story's own dateline still dates what it tells.
        dateline = lead.dateline if lead else self.story_dateline()
        day = dateline.resolve(anchor) if dateline and (anchor or dateline.year) else None  # "Chengdu, June 01, 2024, …"
        if dateline and day:  # (with the years a year of its own came from, where it has none)
            years = anchor.years if anchor and anchor.kind == "named year" and not dateline.year else ()
            return anchor, dates.Anchor(day, "dateline", dateline.start, dateline.end, years)
        return anchor, anchor

    def date_from(self, lead: Lead | None, anchors: list[dates.Anchor]):
        """The event date the lead, the story or a caption gives, resolved against ``anchors``."""
        dateline = lead.dateline if lead else None
        anchor, reference = self.reference(lead, anchors)
        if lead:
            # "After visiting … on Tuesday, Xi held a symposium on Wednesday": the date after the
            # lead's own verb is the event's; one before it tells what came first.
            found = self.past_date(Span(lead.verb_start, self.verb_clause_end(lead)), reference) \
                or self.lead_date(lead, reference)
            if found:
                return self.found_date(found, reference)
        spans = (span for i in self.story if (span := self.dated_span(i)))  # read only as far as needed
        vague = lead is not None and VAGUE_WHEN.search(self.text, lead.sentence.start, lead.sentence.end)
        # After the lead, the first paragraphs of the story ("… earlier this week. Xi made the
        # remarks … on Thursday afternoon."), then the dateline's own day, then the rest.
        for n, span in enumerate(islice(spans, 3)):
            if n == 0 and vague:
                # "… in recent days": a caption showing the event dates it better than a stop
                # of the tour the next paragraphs tell.
                shown = self.caption_date(anchors, lead)
                if shown:
                    return shown
            found = self.past_date(span, reference)
            if found:
                return self.found_date(found, reference)
        if lead and dateline and reference is not None and reference.kind == "dateline" and not vague:
            # (Not for "during his recent inspection tours": the day the story filed is not the
            # tour's; "The visits lasted from Wednesday to Friday" may come further down.)
            self.found["date"] = f"the dateline's day, resolved against {describe_anchor(anchor)}"
            return dates.FoundDate(reference.value, None, "dateline", dateline.start, dateline.end)
        for span in spans:
            found = self.past_date(span, reference)
            if found:
                return self.found_date(found, reference)
        return self.caption_date(anchors, lead)

    def verb_clause_end(self, lead: Lead) -> int:
        """Where the words after the lead's verb may still date it: forty characters, or on to
        the end of its clause ("made the remarks during the 30th group study by the Political
        Bureau of the … Central Committee on Friday")."""
        comma = self.text.find(",", lead.verb_end, lead.sentence.end)
        return min(lead.sentence.end, max(lead.verb_end + 40, comma if comma >= 0 else lead.sentence.end))

    def dated_span(self, paragraph: int) -> Span | None:
        """Where a story paragraph may date the event: after its own dateline (the page's date,
        not the event's); nowhere in a photo's caption, which may show another day (read last,
        by ``caption_date``). A byline's "[… Photo by …](Beijing)" is the dateline's, not a caption."""
        span = self.paragraphs[paragraph]
        own = self.paragraph_dateline(paragraph)
        caption = dates.is_caption(self.text, own.end, span.end) if own else self.caption_at(paragraph)
        if caption:
            # A whole story in one block, after a photo's caption: "… (Xinhua/Li Xiang) BEIJING,
            # Dec. 30 (Xinhua) -- Vice Premier Hu …": the story after the caption's credit.
            after = caption_end(self.text, own.end if own else span.start, span.end)
            if after is None or span.end - after < STORY_AFTER_CAPTION or dates.is_caption(self.text, after, span.end):
                return None
            return Span(after, span.end)
        return Span(own.end if own else span.start, span.end)

    def lead_date(self, lead: Lead, reference) -> dates.FoundDate | None:
        """The first date from the story's dateline (or, with none, its start) to the end of the lead sentence ("BEIJING,
        May 29 (Xinhua) -- A State Council executive meeting on Friday stressed … // The
        meeting, presided over by Premier Li …"), but none in a sentence telling what will
        happen ("BEIJING -- The committee will hold a meeting from June 22. // The decision
        was made on June 8 …")."""
        start = lead.dateline.end if lead.dateline else lead.sentence.start
        opening = [i for i in self.story if self.paragraphs[i].end <= lead.sentence.start]
        if not lead.dateline and opening and not any(self.paragraph_dateline(i) for i in opening):
            start = self.paragraphs[opening[0]].start  # "Premier Li on Friday urged …" above the lead
        before = [Span(max(span.start, start), span.end) for sentences in self.sentences for span in sentences
                  if start < span.end <= lead.sentence.start] if start < lead.sentence.start else []
        for span in before + [Span(max(start, lead.sentence.start), lead.sentence.end)]:
            found = self.past_date(span, reference)
            if found:
                return found
        return None

    def past_date(self, span: Span, reference) -> dates.FoundDate | None:
        """The first date in ``span`` that dates the event: not one in a clause telling what
        will happen ("The committee will hold a session from June 21" dates a later event;
        "China will …, Xi said on Monday" does not: the date is in a clause of its own), nor
        one of a news report ("On April 12, Xinhua reported that Li toured … from April 9"), nor
        the day a festival falls on ("ahead of Chinese New Year, which falls on Thursday")."""
        start = span.start
        after, before = self.lexicon.news_report
        while (found := dates.find_event_date(self.text, start, span.end, reference)) is not None:
            if not (dates.in_future_clause(self.text, span.start, found.start) or after.match(self.text, found.end, span.end)
                    or FALLS_ON.search(self.text, max(span.start, found.start - 12), found.start)
                    or before.search(self.text, max(span.start, found.start - 60), found.start)):
                return self.range_start(span, found, reference)
            start = found.end
        return None

    def range_start(self, span: Span, found: dates.FoundDate, reference) -> dates.FoundDate:
        """The first day of the range the event was held over, where the sentence names another
        day first: "… on Wednesday adopted a communique at its plenary session, which was held
        from Monday to Wednesday" (Monday)."""
        held = HELD_FROM.search(self.text, found.end, span.end)
        if held is None:
            return found
        first = dates.find_event_date(self.text, held.end(), span.end, reference)
        return first if first and first.start == held.end() and first.value < found.value else found

    def weekday_shown(self, found: dates.FoundDate, anchors: list[dates.Anchor], lead: Lead | None) -> dates.FoundDate:
        """"Han on Friday called for …" under a caption of the meeting dated June 24, 2022 (a
        Friday), on a page updated three weeks later: the weekday is the caption's day, not the
        Friday before the stamp."""
        shown = self.event_caption(anchors, lead)
        if shown and shown.value < found.value and shown.value.weekday() == found.value.weekday() \
                and (found.value - shown.value).days <= 62:
            self.found["date"] = (self.found.get("date", "").split(", resolved against")[0]
                                  + f", the day of a photo caption showing the event, {shown.value}")
            return replace(found, value=shown.value)
        return found

    def caption_date(self, anchors: list[dates.Anchor], lead: Lead | None) -> dates.FoundDate | None:
        """The date of a caption showing the event itself (``event_caption``), as the event's."""
        anchor = self.event_caption(anchors, lead)
        if anchor is None:
            return None
        self.found["date"] = f"the date of a photo caption showing the event, {anchor.value}"
        return dates.FoundDate(anchor.value, None, "caption", anchor.start, anchor.end)

    def event_caption(self, anchors: list[dates.Anchor], lead: Lead | None) -> dates.Anchor | None:
        """The first caption among ``anchors`` that shows the event itself ("… chairs a symposium
        … in Hefei, Aug. 20, 2020"), not another stop of a tour. With no lead sentence, the kind
        is the first the story names ("In a work conference on the issue, Zhang stressed …")."""
        kind = lead.kind if lead else None
        if lead is None and any(anchor.kind == "caption" for anchor in anchors):
            kind = (self.read_story_kind() or (None, ""))[0]
        for anchor in anchors:
            if anchor.kind == "caption":
                paragraph = next(p for p in self.paragraphs if p.start <= anchor.start < p.end)
                if shows_event(self.text, kind, paragraph.start, anchor.start):
                    return anchor
        return None

    def found_date(self, found, reference):
        how = f"{found.rule} {self.text[found.start:found.end].strip()!r}"
        if found.rule not in ("day month year", "month day year"):
            how += f", resolved against {describe_anchor(reference)}"
        self.found["date"] = how
        return found


def names_a_day(text: str, start: int, end: int) -> bool:
    """Whether the passage names a day in any of the ways ``dates.PATTERNS`` read, resolved or not."""
    return any(pattern.search(text, start, end) for _, pattern in dates.PATTERNS)
