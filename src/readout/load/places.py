"""Where the event took place, and what kind of event it was, where the lead sentence does not
say: the story's own words ("The meeting was held in Harbin"), a tour's province, a caption or
a headline showing the event. A mixin of ``Reader``."""

from __future__ import annotations

import re

from . import dates
from .lead import PLACE, PLACE_ADJECTIVES, PLACE_NOUN_OF, THE_KIND_OF, Lead, kind_named, short_place
from .page import CAPTION_VERB, caption_end
from .people import is_name
from .phrases import CHINAS, PROVINCES
from .reading import Reading
from .segment import Span

# Words after which "in <Place>" or "of <Place>" says where the event was ("The conference,
# held in Beijing on Friday, …", "members gathered at the Great Hall of the People in Beijing",
# "… made the remarks in northern city of Tianjin" too; "opened on April 26 in Haikou").
EVENT_PLACE = re.compile(r"\b(?:(?:was|were)\s+(?:held|hosted)|took\s+place|convened|opened|met(?!\s+with\b)|gathered|made\s+the\s+remarks|symposium|meeting|conference|gathering|workshop|seminar|"
                         r"session|forum|inspection(?:\s+tour)?|tour|visit|trip|(?:Symposium|Meeting|Conference|Session|Forum)(?=,\s+held))(?:,\s+held)?\s+(?:[a-z]+\s+){0,3}?"
                         r"(?:on\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+[A-Z][a-z]+),?\s+)?(?:at\s+the\s+Great\s+Hall\s+of\s+the\s+People\s+)?"
                         r"(?:of\s+the\s+(?:\d+(?:st|nd|rd|th)\s+)?(?:[A-Z][\w'’-]*\s+){1,7}(?=in\s+[A-Z]))?"  # "… session of the 11th Guangdong Provincial Party Committee in Guangzhou"
                         r"(?=in\s+[A-Z]|of\s+[A-Z]|to\s+[A-Z]|of\s+" + CHINAS + r"|(?:of|to|in)\s+the\s+" + PLACE_ADJECTIVES + PLACE_NOUN_OF + "[A-Z])")
THE_PROVINCE = re.compile(r"\b(?:tour|inspection|visit|trip)\s+(?:of|to|in)\s+the\s+(?:[a-z-]+\s+|Chinese\s+){0,3}?(?:province|region|autonomous\s+region)\b")
PROVINCE = re.compile(r"(?:" + CHINAS + r")?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:[Pp]rovince|Autonomous\s+Region|Uygur\s+Autonomous\s+Region))\b")
LONE_PLACE = re.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?|[A-Z]{3,}(?:[ \t]+[A-Z]{3,})?")
TOURING = re.compile(r"tour|inspection|visit|trip")
HEADLINE_HELD_IN = re.compile(r"\b(?:[Hh]eld|[Oo]pens?|[Oo]pened|[Cc]onvened|[Cc]onvenes|[Mm]eets?|[Mm]et|[Cc]lose[sd]?|[Cc]onclude[sd]?)"
                              r"\s+in\s+(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")  # "… Departments Meet in Beijing"
NEXT_WORD = re.compile(r"\s+[A-Z][a-z]+\b")
HELD_IN_CAPITAL = re.compile(r"\b(?:held|took\s+place|convened)\s+in\s+the\s+(?:provincial|regional)\s+capital"
                             r"(?:\s+city)?(?:\s+of)?\s+(?P<place>[A-Z][\w'’-]+)")
# "visited Southwest China's Tibet Autonomous Region", "inspected Tianjin", "visited … in Beijing",
# "while inspecting the flood-hit Henan Province", "visited a fair in the city of Ulaanqab", "led a team to
# East China's Anhui province".
VISITED = re.compile(r"\b(?:visited|inspected|toured|arrived|led\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:team|delegation)\s+to|(?<=while\s)(?:visiting|inspecting|touring))\s+(?:(?:[A-Za-z]+\s+){0,2}?China['’]s\s+|(?:[a-z-]+\s+){0,6}?in\s+(?:" + CHINAS + r")?(?:the\s+(?:city|county|town|village|province)\s+of\s+)?"
                     r"|the\s+(?:city|county|town|village|province)\s+of\s+|the\s+[a-z]+-(?:hit|stricken|affected)\s+)?"
                     r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
# As translations put a trip: "went to Jiangxi for investigation", "came to Liaocheng City to conduct
# research" (read in the story's opening only: "In the afternoon, he went to a village" is another stop).
WENT_TO = re.compile(r"\b(?:came|went)\s+to\s+(?:" + CHINAS + r")?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
WHILE_TOURING = re.compile(r"\bmade\s+(?:the|these)\s+(?:remarks|comments)\s+while\s+(visiting|inspecting|touring)\s+[A-Za-z]")
NO_PLACE_AFTER = re.compile(r"[,.;:!?]")  # (the place of "attended the … in X" stands in the same clause)
TOURED_AS = {"visiting": "visit", "inspecting": "inspection", "touring": "tour"}
# "… visited the homes of villagers …", "paid a three-day visit to the region", "during a visit to
# the south China region": a visit, where the story names no other kind of event.
A_VISIT = re.compile(r"\b(?:visited|visits)\s+(?:the|a|an)\b|\b(?:paid|made|on|during)\s+(?:a|an|his|her)\s+(?:[\w-]+\s+)?visit\s+to\b",
                     re.IGNORECASE)
# "… inspected Tongren city and Guiyang city, Southwest China's Guizhou province", "… the people
# of Shangluo, Ankang and Xi'an in Shaanxi province on an inspection trip": a tour of several
# places of one province is of the province.
CITY = r"[A-Z][\w'’-]+(?:\s+(?:[Cc]ity|[Cc]ounty|[Cc]ities|[Cc]ounties))?"
SEVERAL_IN_PROVINCE = re.compile(rf"{CITY}(?:\s*,\s*{CITY})*\s*,?\s+and\s+{CITY}\s*(?:,\s*|\s+in\s+)(?:{CHINAS})?"
                                 r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:[Pp]rovince|Autonomous\s+Region)\b")
# "… at the Great Hall of the People in Beijing, capital of China": the capital.
CAPITAL_OF_CHINA = re.compile(r"\bin\s+(?P<place>[A-Z][\w'’-]+),\s+(?:the\s+)?capital\s+of\s+China\b")
# "… stressed during an inspection tour in Gansu Province that …", "visited Hainan province on
# April 10 and 11": the province a tour is of (not "a tour in Jinzhou, Liaoning Province", nor
# "after a trip to Henan last month").
TOUR_PROVINCE = re.compile(r"(?<!after a )(?<!after his )(?<!before a )(?<!before his )(?<!previous )(?<!earlier )(?<!last )\b(?:tour|inspection|trip|visit|visited|toured|inspected)\s+(?:(?:of|to|in)\s+)?(?:the\s+)?(?:"
                           + CHINAS + r")?(?P<place>" + "|".join(PROVINCES) + r")\b(?!\s+(?:[Cc]ity|[Cc]ounty))")
# "a tour to Haixi, Haidong and Xining", "… to Tianshui and Lanzhou": more stops follow the first
# (a province after a comma only says where the first is).
MORE_STOPS = re.compile(r"(?:\s+(?:[Cc]ity|[Cc]ounty))?(?:\s*,\s*|\s+and\s+)(?!(?:" + CHINAS + r")?[A-Z][\w'’-]+\s+(?:[Pp]rovince|Autonomous))[A-Z]")
# "a tour in …", "an inspection of (east China's) …": what the place after it is the tour of.
TOUR_IN = re.compile(rf"\b(?:tour|inspection|trip|visit)\s+(?:in|of|to)\s+(?P<china>{CHINAS})?")
# "… joined a group deliberation of deputies … on March 6 in Beijing", "emphasized in Tibet from
# July 25th to 27th": a place next to the day the story gives.
A_DAY = rf"(?:{dates.ANY_DAY}|(?:{'|'.join(dates.WEEKDAYS)}))"
DAY_THEN_PLACE = re.compile(rf"(?i:\bon\s+{A_DAY}),?\s+(?=in\s)")
PLACE_THEN_DAY = re.compile(rf"\s*,?\s+(?i:(?:on|from)\s+{A_DAY})")
TOUR_OF = re.compile(r"(?:of|to)\s+(?:" + THE_KIND_OF + r")?(?:" + CHINAS + r")?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)(?:\s+[Pp]rovince)?")


def shows_event(text: str, kind: str | None, start: int, end: int) -> bool:
    """Whether a caption's words (``start``–``end``) show the event of ``kind``: its kind, and
    someone chairing, attending or speaking at it."""
    if not kind:
        return False
    words = text[start:end].lower()
    named = kind.split()[-1] in words or (kind != "tour" and any(  # "conference" shown as "meeting"
        k in words for k in ("meeting", "conference", "symposium", "session")))
    return named and any(
        v in words for v in ("chair", "presid", "host", "convene", "attend", "speak", "deliver", "address"))


class PlaceReading(Reading):
    """Reading places and kinds of event."""

    def fuller_kind(self, kind: str) -> str:
        """A more precise name the story's opening gives the same kind ("executive meeting")."""
        for i in self.story[:2]:
            for match in self.lexicon.event_kinds.finditer(self.text, self.paragraphs[i].start, self.paragraphs[i].end):
                named = kind_named(match.group())
                if named != kind and named.endswith(" " + kind):
                    return named
        return kind

    def story_kind(self) -> str | None:
        """Where no sentence says who held what, the first kind of event the story names ("…
        told the symposium", "at a State Council meeting"); how it was read goes in ``found``."""
        read = self.read_story_kind()
        if read:
            self.found["kind"] = read[1]
        return read[0] if read else None

    def read_story_kind(self) -> tuple[str, str] | None:
        """(kind, how it was read) for ``story_kind``, recording nothing."""
        for i in self.story[:3]:  # the one the story says was chaired or held ("Wednesday's meeting was chaired by …")
            match = self.lexicon.event_held.search(self.text, self.paragraphs[i].start, self.paragraphs[i].end)
            if match:
                return (kind_named(match.group("kind")),
                        f"the kind of event the story says was held or chaired, {match.group('kind')!r}")
        for i in self.story[:3]:
            match = next((m for m in self.lexicon.event_kinds.finditer(self.text, self.paragraphs[i].start, self.paragraphs[i].end)
                          if not self.in_organization(m.start(), m.end())
                          and not dates.in_future_clause(self.text, self.paragraphs[i].start, m.start())), None)
            if match:
                return kind_named(match.group()), f"the first kind of event the story names, {match.group()!r}"
        for i in self.story[:3]:  # "… made the remarks while inspecting Wuhan": an inspection
            touring = WHILE_TOURING.search(self.text, self.paragraphs[i].start, self.paragraphs[i].end)
            if touring:
                return TOURED_AS[touring.group(1)], "the story says the remarks were made while touring"
        for i in self.story[:3]:
            if VISITED.search(self.text, self.paragraphs[i].start, self.paragraphs[i].end) \
                    or A_VISIT.search(self.text, self.paragraphs[i].start, self.paragraphs[i].end):
                return "visit", "the story says a place was visited"
        return None

    def story_place(self) -> str | None:
        """Where the lead names no place, the place the first paragraphs of the story give
        the event ("The symposium took place in Harbin", "an inspection tour of Gansu
        province"), else the story's dateline city."""
        for i in self.story[:4]:
            place = self.first_place(VISITED, [i], "the place the story says was visited") or self.held_place([i]) \
                or (self.first_place(WENT_TO, [i], "the place the story's opening says someone came to") if i in self.story[:2] else None)
            if place:
                return place
        dateline = self.story_dateline()
        if dateline:
            self.found["location"] = "the story's dateline"
            return dateline.place
        return self.lone_dateline()

    def lone_dateline(self) -> str | None:
        """A dateline the page prints on a line of its own above the story ("Beijing", "BEIJING"
        over a time stamp): a place name of pinyin words and nothing else."""
        for i in self.outside_story:
            if self.story and i > self.story[0]:
                break
            span = self.paragraphs[i]
            line = self.text[span.start:span.end].split("\n")[0].strip()
            if LONE_PLACE.fullmatch(line) and not self.lexicon.is_noise(line) and all(self.lexicon.is_pinyin(w.title(), 3) for w in line.split()) \
                    and not (is_name(line, Span(0, len(line)), self.lexicon) and self.text.count(line) > 1):  # "Hu Chunhua", a tag over his story
                self.found["location"] = "the dateline the page prints on a line of its own"
                return line.title()
        return None

    def toured_province(self, kind: str | None, lead: Lead | None) -> str | None:
        """The province of a tour: one the lead sentence (else the story's first paragraph)
        says the tour took in several places of, or the one the opening says it was of."""
        if not TOURING.search(kind or "") or not self.story:
            return None
        where = lead.sentence if lead else self.paragraphs[self.story[0]]
        match = SEVERAL_IN_PROVINCE.search(self.text, where.start, where.end)
        if match:
            self.found["location"] = "the province of the several places the tour took in"
            return short_place(match.group("place"), self.lexicon)
        if lead and lead.place and tour_of(self.text[lead.sentence.start:lead.sentence.end], lead.place):
            return None  # the lead says what the tour was of ("a tour in Jinzhou, Liaoning Province")
        # A tour the opening says was of a province: a city the lead or a dateline gives is one stop.
        return self.first_place(TOUR_PROVINCE, self.story[:2], "the province the story's opening says the tour was of")

    def held_place(self, paragraphs: list[int] | None = None, tours: bool = True) -> str | None:
        """Where the first paragraphs of the story say the event took place ("The meeting was
        held in Harbin, Heilongjiang Province", and with ``tours`` "an inspection tour of Gansu")."""
        for i in self.story[:4] if paragraphs is None else paragraphs:
            span = self.paragraphs[i]
            for cue in EVENT_PLACE.finditer(self.text, span.start, span.end):
                if not tours and TOURING.search(cue.group()):
                    continue
                match = PLACE.match(self.text, cue.end(), span.end) or (
                    TOUR_OF.match(self.text, cue.end(), span.end) if tours else None)
                if match and match.group("place").split()[0] not in self.lexicon.not_names:
                    self.found["location"] = "where the story says the event took place"
                    return short_place(match.group("place"), self.lexicon)
        return None

    def first_place(self, pattern: re.Pattern, paragraphs: list[int], how: str) -> str | None:
        """The place ``pattern`` finds first in ``paragraphs`` (its ``place`` group), said in
        ``found`` to be ``how`` it was found."""
        for i in paragraphs:
            span = self.paragraphs[i]
            match = pattern.search(self.text, span.start, span.end)
            if match and match.group("place").split()[0] not in self.lexicon.not_names:
                self.found["location"] = how
                return short_place(self.before_a_name(match), self.lexicon)
        return None

    def before_a_name(self, match: re.Match) -> str:
        """A place of two words whose second begins a person's name, as headlines run together
        ("… Held in Beijing Xi Jinping Delivers …"), is the first word alone."""
        words = match.group("place").split()
        after = NEXT_WORD.match(self.text, match.end("place"))
        if len(words) == 2 and after and is_name(self.text, Span(match.end("place") - len(words[1]), after.end()), self.lexicon):
            return words[0]
        return match.group("place")

    def province_named(self) -> str | None:
        """The first province or region the story names ("east China's Jiangxi Province")."""
        return self.first_place(PROVINCE, self.story[:2], "the province the story names, which the tour was of")

    def capital_named(self, place: str, lead: Lead) -> str:
        """A province the lead names, narrowed to the city the next paragraphs say the event
        was held in ("… convened a key meeting in Heilongjiang Province", then "… the meeting
        held in the provincial capital Harbin"), else to the city of the story's dateline
        ("WUHAN - … at a conference in central China's Hubei province")."""
        capital = self.first_place(HELD_IN_CAPITAL, self.story[:3],
                                   "the provincial capital the story says the event was held in")
        if capital:
            return capital
        province = re.search(rf"\b{re.escape(place)}\s+(?:[Pp]rovince|Autonomous\s+Region)\b",
                             self.text[lead.sentence.start:lead.sentence.end])
        dateline = lead.dateline or self.story_dateline()
        touring = TOURING.search(lead.kind or "")  # a tour is of the whole province
        if province and not touring and dateline and dateline.place not in (place, "Beijing"):
            self.found["location"] = "the dateline's city, in the province the lead names"
            return dateline.place
        return place

    def venue_named(self) -> str | None:
        """Where nothing else says, the venue the story's first paragraphs say the event was at:
        one known by its own name (``venues``: "held a reception at the Great Hall of the
        People"), else the place a hall is named after ("opened at the Huai'an Grand Theater")."""
        for i in self.story[:4]:
            for match in self.lexicon.venue_pattern.finditer(self.text, self.paragraphs[i].start, self.paragraphs[i].end):
                spaced = match.group("venue") and self.text[match.end():match.end() + 1].isspace()
                city = PLACE.match(self.text, match.end() + 1, self.paragraphs[i].end) if spaced else None
                if city and city.group("place").split()[0] not in self.lexicon.not_names:
                    self.found["location"] = "the city of the venue the story's first paragraphs name"
                    return short_place(city.group("place"), self.lexicon)  # "at the Great Hall of the People in Beijing"
                if match.group("venue"):
                    self.found["location"] = "the venue the story's first paragraphs name, with no city"
                    return re.sub(r"\s+", " ", match.group("venue"))
                if self.lexicon.may_be_name(match.group("place")):
                    self.found["location"] = "the place the hall the story's first paragraphs name is named after"
                    return match.group("place")
        return None

    def attended_place(self) -> str | None:
        """Where nothing else says, the place a sentence of the story's opening says the event
        attended was in ("119 members attended the Eighth Plenary Session of the … Commission
        for Discipline Inspection in Beijing on Monday"): no comma between the two."""
        for i in self.story[:4]:
            span = self.paragraphs[i]
            for match in self.lexicon.attended_kind.finditer(self.text, span.start, span.end):
                stop = NO_PLACE_AFTER.search(self.text, match.end(), span.end)
                place = next((p for p in PLACE.finditer(self.text, match.end(), stop.start() if stop else span.end)
                              if p.group("place").split()[0] not in self.lexicon.not_names), None)
                if place:
                    self.found["location"] = "where the story says the event people attended took place"
                    return short_place(place.group("place"), self.lexicon)
        return None

    def dated_place(self) -> str | None:
        """Where nothing else says, the place the story's first paragraphs give next to a day
        (``DAY_THEN_PLACE``, ``PLACE_THEN_DAY``)."""
        for i in self.story[:2]:
            span = self.paragraphs[i]
            for match in PLACE.finditer(self.text, span.start, span.end):
                before = DAY_THEN_PLACE.search(self.text, max(span.start, match.start() - 40), match.start() + 3)
                before = before if before and before.end() == match.start() else None
                dated = before or PLACE_THEN_DAY.match(self.text, match.end(), span.end)
                at = before.start() if before else match.start()  # (not "…, which opens on Oct. 16 in Beijing")
                if dated and match.group("place").split()[0] not in self.lexicon.not_names \
                        and not dates.in_future_clause(self.text, span.start, at):
                    self.found["location"] = "the place the story's opening gives next to the day"
                    return short_place(match.group("place"), self.lexicon)
        return None

    def capital_in_opening(self) -> str | None:
        """Where nothing else says, the "in Beijing, capital of China" of the story's opening
        (a caption standing as its first paragraph)."""
        return self.first_place(CAPITAL_OF_CHINA, self.story[:2], "the capital the story's opening names")

    def headline_place(self) -> str | None:
        """Where nothing in the story or a caption says, a headline's "… Held in Beijing"."""
        return self.first_place(HEADLINE_HELD_IN, self.outside_story, "where a headline says the event was held")

    def caption_place(self, kind: str | None) -> str | None:
        """Where the lead names no place, the place of a photo caption showing the event of
        ``kind`` ("… chairs a symposium … in Hefei, east China's Anhui Province, May 9, 2024"); a
        caption the story runs on from in one block is read up to its credit ("… shows the sunrise
        over a village in Zhangpu City (Photo: Xinhua) President Xi on Monday …" shows no event)."""
        for i, span in enumerate(self.paragraphs):
            caption = self.caption_at(i) or (
                i not in self.in_story and CAPTION_VERB.match(self.text, span.start, span.end))
            end = caption_end(self.text, span.start, span.end) or span.end  # (the story may run on in its block)
            if caption and shows_event(self.text, kind, span.start, end):
                match = PLACE.search(self.text, span.start, end)
                if match:
                    self.found["location"] = "a photo caption showing the event"
                    return short_place(match.group("place"), self.lexicon)
        return None


def tour_of(sentence: str, place: str) -> bool:
    """Whether ``sentence`` says a tour was of ``place`` and of no other stop after it ("a tour in
    Jinzhou, Liaoning Province", not "a tour of Jinzhou, Dalian and …"). The place is looked for
    where the cue ends, with and without a "China's" before it; a pattern made for each place
    would be compiled again for every readout."""
    for cue in TOUR_IN.finditer(sentence):
        for at in {cue.end(), cue.start("china")} if cue.group("china") else (cue.end(),):
            if sentence.startswith(place, at) and not MORE_STOPS.match(sentence, at + len(place)):
                return True
    return False
