"""The lead sentence: who held what kind of event, where, and about what."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates
from .lexicon import Lexicon
from .people import Mention, parse_mention
from .phrases import CHINAS
from .segment import Span, trimmed, up_to

PLACE_WORDS = r"[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*"
PLACE_ADJECTIVES = r"(?:[a-z-]+(?:ern|ous|al|ed|ic)\s+){0,2}"  # "the mountainous …", "the northern city of …"
PLACE_NOUN_OF = r"(?:city|province|county|region|municipality)\s+of\s+"
# "… to Tibetan-inhabited areas of southwest China's Sichuan Province", "in poverty-stricken
# counties of Gansu": the areas are no place of their own; the place is the one they are of.
AREAS_OF = r"(?:(?:[A-Z][\w'’]*-)?[A-Za-z][a-z-]*\s+)?(?:areas|regions|parts|counties|prefectures)\s+(?:of|in)\s+"
# "in Shanghai", "in Changsha, capital of …", "in southwest China's Chongqing Municipality", "in the
# northern city of Tianjin".
PLACE = re.compile(
    rf"\bin\s+(?:the\s+{PLACE_ADJECTIVES}{PLACE_NOUN_OF}|{AREAS_OF})?(?:{CHINAS})?(?P<place>{PLACE_WORDS})")
LEAD_WITHIN = 8  # paragraphs of the story that may hold the lead sentence
# "… of the mountainous Chongqing municipality", "… to the northern city of Tianjin": words that
# say what a place is like before its name (not "… of the region from Wednesday").
THE_KIND_OF = rf"the\s+{PLACE_ADJECTIVES}(?:{PLACE_NOUN_OF})?(?!Chinese\b)"
# "a tour of Gansu", "an inspection tour of central China's Hubei Province": the place toured.
TOUR_OF = re.compile(rf"\s+(?:of|to|in)\s+(?:{THE_KIND_OF}|{AREAS_OF})?(?:{CHINAS})?(?P<place>{PLACE_WORDS})")
# "… while chairing a symposium during his inspection tour to Henan Province": the tour's place.
TOUR_PLACE = re.compile(rf"\b(?:tour|trip)\s+(?:of|to|in)\s+(?:{CHINAS})?(?P<place>{PLACE_WORDS})")
# A city or province as the subject of the host phrase: "Wuxi held a symposium", "Jiangsu Province convened …".
SUBJECT_PLACE = re.compile(rf"(?:{CHINAS})?(?P<place>[A-Z][a-z]+)(?:\s+(?:[Pp]rovince|[Cc]ity|[Mm]unicipality))?")
SUBJECT_END = re.compile(
    rf",\s+(?=[a-z])|\s+(?:was|were)\s+(?:held|convened)\b|\s+in\s+(?:[a-z]+\s+)*(?:{CHINAS})?{PLACE_WORDS}(?=[\s,.]|$)|\s+on\s+(?=(?:the\s+)?(?:morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\w+\.?\s+\d))",
    re.IGNORECASE)


@dataclass
class Lead:
    """What the lead sentence says. ``host`` is None where its subject is not a person (an
    organisation, "The meeting"); ``verb`` is the host phrase as printed."""

    sentence: Span
    verb: str
    verb_start: int
    verb_end: int = 0  # where the host phrase (with its kind of event) ends
    host: Mention | None = None
    kind: str | None = None
    place: str | None = None
    subject: str | None = None
    dateline: dates.Dateline | None = None
    place_from: str = "lead"  # "tour" or "dateline": a place the story may narrow ("held in Harbin")


# "… measures that were made in the third plenary session": a participle, nobody's act (but
# "Xi was chairing the meeting" is his).
PASSIVE = re.compile(r"\b(?:was|were|been|be|being)\s+$")
OPENING_PARTICIPLE = re.compile(r"(?:Addressing|Speaking|Chairing|Presiding|Attending)\b")
REMARKS_IN = re.compile(r"\bmade\s+(?:the|these)\s+remarks?\b[^,.;]*\bin\s+[A-Z][^.;]{0,60}?\b(?:when|while)\s+$")
REMARKS = re.compile(r"made\s+(?:the|these)\s+(?:remarks?|comments)\b", re.IGNORECASE)
REGION_BEFORE = re.compile(rf"^{CHINAS}")
TIME_AFTER = re.compile(r"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
                        r"June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)+$")
OWNED_AFTER = re.compile(r"['’]s(?:\s.*)?$")
CLAUSE_BEFORE = re.compile(r",\s+(?:while|whereas)\s+(?=[^,]*$)")
ACCOMPANIED_BY = re.compile(r"\s*Accompanied\s+by\s", re.IGNORECASE)
ACCOMPANIED_ASIDE = re.compile(r",\s+accompanied\s+by\s", re.IGNORECASE)
# "Nanning News (reporter/Chen Yize, Wei Heng) On December 28, the Party committee held …": the
# reporters' credit names nobody of the event.
REPORTERS = re.compile(r"\((?:reporters?|correspondents?|text|written\s+by|by)\b[^)]*\)", re.IGNORECASE)
# "…, before Xi Jinping chaired the China-Central Asia Summit, he listened to …": a host phrase
# in a clause of time names another event.
# "He held talks with workers there": a visit's conversation, not talks as an event (those are
# held with a named leader: "talks with Prime Minister …", "with the visiting president", or
# with people come to meet him: "talks with delegates of Chinese and foreign business leaders").
TALKS_WITH_FOLK = re.compile(r"\s+with\s+(?!the\b|visiting\b|(?:[a-z-]+\s+)?(?:delegates|delegations|representatives|business\s+leaders"
                             r"|entrepreneurs|executives|experts|economists|scholars|heads)\b)[a-z]")
# "Earlier, on April 15, …, Xi had hosted the meeting": what someone had done is an earlier event.
ANOTHER_EVENT = re.compile(r"\b(?:before|after|ahead\s+of\s+when)\s+(?:[A-Z][\w'’-]*\s+){1,3}$|\bhad\s+(?:also\s+|already\s+)?$")
# "… while delivering a work report": what is delivered is a paper, not the event.
DELIVERED = re.compile(r"\bdeliver(?:ed|ing|s)?\s+(?:a|an|the|his|her)\s+(?:[\w'’-]+\s+){0,2}$")
# "Yu addressed members of the committee, which convened its yearly session …": the body
# convened it, not the person the sentence names first.
WHICH_BEFORE = re.compile(r"\bwhich\s+(?:also\s+|then\s+)?$")


def match_lead(text: str, span: Span, lexicon: Lexicon) -> re.Match | None:
    """The host phrase of a lead sentence, if ``span`` is one."""
    # Every pattern but the inspection's needs a kind of event: a sentence naming none (most of
    # them) is tried against that one alone.
    if not lexicon.lead_hint.search(text, span.start, span.end):
        return None
    sentence = text[span.start:span.end].lower()
    pairs = list(zip(lexicon.lead_patterns, lexicon.lead_words))
    if not any(map(sentence.__contains__, lexicon.kind_words)):
        pairs = pairs[-1:]  # inspection last
    patterns = [p for p, words in pairs if any(map(sentence.__contains__, words))]
    found = [m for p in patterns if (m := p.search(text, span.start, span.end))
             and not ANOTHER_EVENT.search(text, span.start, m.start())
             and not (PASSIVE.search(text, max(span.start, m.start() - 12), m.start()) and not m.group("verb").endswith("ing"))
             and not WHICH_BEFORE.search(text, max(span.start, m.start() - 12), m.start())
             and not (m.group("kind").lower() == "talks" and TALKS_WITH_FOLK.match(text, m.end(), span.end))]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    kind = first.group("kind").lower()
    if not kind or "tour" in kind or "inspection" in kind:
        # "… made an inspection tour in Hebei and presided over a meeting on …", "… inspected
        # Xiong'an on the 10th, presided over a symposium …": the meeting the tour led to is
        # the event.
        meeting = next((m for m in lexicon.lead_patterns[-2].finditer(text, first.end(), span.end)
                        if lexicon.presiding_form.match(m.group("verb"))), None)
        if meeting:
            return meeting
    return first


def subject_span(text: str, body: int, verb: int) -> Span:
    """Where the subject of the lead's verb (at ``verb``) is named, from ``body`` on."""
    before = Span(body, verb)
    clause = CLAUSE_BEFORE.search(text, body, verb)
    if clause:  # "Li Qiang and Ding Xuexiang attended the meeting, while Wang Huning presided over …"
        before = Span(clause.end(), verb)
    if ACCOMPANIED_BY.match(text, body, verb):
        # "Accompanied by Liu Ning, …, and Lan Tianli, …, Xi inspected Nanning": the subject
        # stands after the list of those who accompanied.
        before = Span(text.rfind(",", body, verb) + 1 or body, verb)
    credit = list(REPORTERS.finditer(text, before.start, before.end))
    if credit:
        before = Span(credit[-1].end(), before.end)
    aside = ACCOMPANIED_ASIDE.search(text, before.start, before.end)
    if aside:  # "Xi, accompanied by Hu Changsheng, …, made an inspection tour": not those who went along
        before = Span(before.start, aside.start())
    return before


def remarks_place(text: str, body: int, match: re.Match, lexicon: Lexicon) -> re.Match | None:
    """The place a lead says the remarks were made in, before its host phrase: "… made the
    remarks on Wednesday in Shanghai when chairing a symposium", "… made the remark in Shenyang,
    Liaoning province, on Friday while chairing a meeting", "… made the remarks on Saturday in
    Nanjing, Jiangsu Province, at a symposium" (before the kind of event)."""
    if REMARKS_IN.search(text, body, match.start()):
        where = Span(body, match.start())
    elif REMARKS.match(text, match.start()):
        where = Span(match.start(), match.start("kind"))
    else:
        return None
    return next((p for p in PLACE.finditer(text, where.start, where.end) if p.group("place").split()[0] not in lexicon.not_names), None)


def subject_place(text: str, subject: Span, lead: Lead, lexicon: Lexicon) -> str | None:
    """A city or province as the subject of a lead that names no person ("Wuxi held a
    symposium", "Jiangsu Province convened …"): a pinyin word of two or three syllables (not a
    lone surname: "Xi presided") that the lexicon does not call no name."""
    piece = trimmed(text, subject.start, subject.end)
    city = SUBJECT_PLACE.fullmatch(text, piece.start, piece.end) if piece and lead.host is None else None
    name = city.group("place") if city else ""
    return name if name and lexicon.may_be_name(name) and not lexicon.is_pinyin(name, 1) else None


def read_lead(text: str, span: Span, match: re.Match, lexicon: Lexicon,
              dateline: dates.Dateline | None = None) -> Lead:
    """Host, kind, place and subject of the lead sentence ``span``; ``dateline`` is the story's
    (it may stand at the start of an earlier paragraph)."""
    own = dates.match_dateline(text, span.start, span.end, lexicon.is_pinyin)
    dateline = own or dateline
    body = own.end if own else span.start
    lead = Lead(span, match.group("verb"), match.start(), match.end(), dateline=dateline)
    subject = subject_span(text, body, match.start())
    lead.host = parse_mention(text, subject, lexicon)
    if lead.host is None and (OPENING_PARTICIPLE.match(match.group("verb")) or not text[body:match.start()].strip()):
        # "Addressing a plenary meeting …, Li Keqiang said", "During his recent inspection tour
        # to Guangxi, Xi Jinping, …, emphasized": the subject after the clause.
        comma = text.find(",", match.end(), span.end)
        lead.host = parse_mention(text, Span(comma + 1, span.end), lexicon) if comma != -1 else None
    lead.kind = kind_named(match.group("kind")) or journey_named(text, match.group("verb"))
    after_kind = match.end("kind")
    held_at = lexicon.at_the_event.search(text, after_kind, span.end) if DELIVERED.search(text, body, match.start("kind")) else None
    if held_at:  # "… while delivering a work report to 2,149 advisers at the opening meeting": the report is no event
        lead.kind = kind_named(list(lexicon.event_kinds.finditer(text, held_at.start(), held_at.end()))[-1].group())
    if match.groupdict().get("place"):
        lead.place = short_place(match.group("place"), lexicon)
        return lead
    cue = next((c for c in lexicon.subject_cues.finditer(text, after_kind, span.end)
                if not dates.names_a_time(text, c.end(), span.end)), None)
    # "… to be submitted to the session in March": a month (or another word that names no
    # place) after "in" is not where the event was.
    place = next((p for p in PLACE.finditer(text, after_kind, span.end)
                  if p.group("place").split()[0] not in lexicon.not_names), None) or remarks_place(text, body, match, lexicon)
    toured = TOUR_OF.match(text, after_kind, span.end) if lead.kind.endswith(("tour", "trip")) else None
    if toured:  # "during a tour of central China's Hubei Province", "an inspection trip to the northeastern province of Liaoning"
        lead.place = short_place(toured.group("place"), lexicon)
    elif place:
        lead.place = short_place(place.group("place"), lexicon)
    elif tour := TOUR_PLACE.search(text, span.start, span.end):
        lead.place = short_place(tour.group("place"), lexicon)
        lead.place_from = "tour"
    elif city := subject_place(text, subject, lead, lexicon):
        lead.place = city  # "Wuxi held an entrepreneurs' symposium": the city is where it was held
    elif dateline:
        lead.place, lead.place_from = dateline.place, "dateline"
    if cue:
        clause = up_to(text, cue.end(), span, SUBJECT_END)
        piece = trimmed(text, clause.start, clause.end)
        if piece:
            lead.subject = text[piece.start:piece.end]
    return lead


def journey_named(text: str, verb: str) -> str:
    """The kind of a journey whose lead names none, in the page's own words: "during his trip"
    a trip; "Xi inspected Xiong’an" an inspection, or an inspection tour where the page calls
    it so; "Li toured Hainan" an inspection tour."""
    if "trip" in verb:
        return "trip"
    if verb.startswith("inspect") and "inspection tour" not in text.lower():
        return "inspection"
    return "inspection tour"


def kind_named(printed: str) -> str:
    """A kind of event as the page prints it, as readout names it: lower case, single spaces."""
    return re.sub(r"\s+", " ", printed.lower())


def short_place(place: str, lexicon: Lexicon) -> str:
    """The place without its administrative suffix, as printed: "Chongqing Municipality" →
    "Chongqing" ("Xi’an" and "Xi'an" are one place by their slug); without a day or month the
    capitals ran into it ("in Beijing Tuesday afternoon")."""
    place = TIME_AFTER.sub("", place) or place
    place = REGION_BEFORE.sub("", place) or place  # "Central China's Hunan"
    place = OWNED_AFTER.sub("", place) or place  # "in Beijing’s State-owned enterprises", "inspected Hunan's rice farms"
    return lexicon.place_suffix.sub("", place) or place
