"""Source text → ``Event``. Pure functions over text; ``read_source`` is the only I/O here.

The stages, in order: the header line (publication date), paragraphs and sentences, noise, the
lead sentence (host, kind, place, subject), the date, attendees and titles, sections sentence by
sentence, speakers. Whatever could not be determined becomes a warning with line and column;
``Event.found`` says how each field was found.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Literal

from ..errors import Location, ReadoutError, decode_utf8, line_column, read_input
from ..gcpause import no_collections
from ..model import Event, LoadWarning, Paragraph, Source, Statement
from ..slugs import slugify
from . import dates
from .classify import Piece, Speakers, after_colon, attribute_speakers, classify_paragraph, outside_voices
from .dating import DateReading, names_a_day
from .lead import LEAD_WITHIN, Lead, kind_named, match_lead, read_lead
from .lexicon import Lexicon, default_lexicon
from .page import BROADCAST_OPENER, ENGLISH_WORD, OTHER_SCRIPT, is_heading, long_heading, title_case, uncredited_caption
from .places import THE_PROVINCE, TOURING, PlaceReading
from .roles import Cast, RoleReading, is_journey
from .segment import Span, ends_cut_off, parse_header, split_paragraphs, split_sentences

# How many paragraphs back a repeated paragraph is looked for inside a longer one.
RECENT = 4
# "… and Cai Qi", "… and Vice Premier Han Zheng": a second person named (not "… and chairman of …").
ANOTHER_NAMED = re.compile(r"\band\s+(?:[A-Z][\w'’-]+\s+){1,4}?[A-Z][\w'’-]+\b")
PRESENT_AT = re.compile(r"\b(?:were|was)\s+(?:also\s+)?(?:present|in\s+attendance)\s+at\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
DATELINE_WITHIN = 4  # a dateline further down belongs to another story (a related link)

__all__ = [
    "Lexicon",
    "decode_source",
    "default_lexicon",
    "make_id",
    "paragraph_sections",
    "parse_source",
    "read_source",
    "slugify",
    "title_case",
]


# A readout is a few pages of text; anything this large is the wrong file.
MAX_SOURCE_BYTES = 5 * 1024 * 1024


def decode_source(data: bytes, path: str) -> str:
    """The text of a source file: UTF-8, a leading BOM dropped. Empty, oversized, binary (NUL
    bytes) and non-UTF-8 files are errors naming the place of the problem."""
    if len(data) > MAX_SOURCE_BYTES:
        raise ReadoutError(f"the readout is too large: {len(data) / 1024 / 1024:.1f} MB (the limit is "
                           f"{MAX_SOURCE_BYTES // 1024 // 1024} MB)", Location(path),
                           "a readout is a few pages of text: check that this is the right file")
    nul = data.find(b"\0")
    if nul != -1:
        prefix = data[:nul].decode("utf-8", "replace")
        line, column = line_column(prefix, len(prefix))
        raise ReadoutError(f"binary data: a NUL byte at offset {nul}", Location(path, line, column),
                           "this is not a text file; save the readout as plain UTF-8 text")
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        raise ReadoutError("the readout is empty", Location(path),
                           "paste the text of the readout into the file, or remove the file")
    text = decode_utf8(data, path, "save the readout as UTF-8 (most editors offer it under 'Save as… / Encoding')")
    return text[1:] if text.startswith("\ufeff") else text


def read_source(path: Path, root: Path | None = None, lexicon: Lexicon | None = None) -> Event:
    """Read and parse one source file; its path in the event is relative to ``root``."""
    shown = path.resolve().relative_to(root).as_posix() if root and path.resolve().is_relative_to(root) else str(path)
    return parse_source(decode_source(read_input(path, shown), shown), shown, lexicon)


def parse_source(text: str, path: str = "<string>", lexicon: Lexicon | None = None) -> Event:
    """Read one readout's text into an ``Event``: every statement tied to its span of ``text``.
    Its cost is linear in the length of ``text`` (``make bench`` checks it)."""
    with no_collections():
        return Reader(text, path, lexicon or default_lexicon()).event()


class Reader(RoleReading, DateReading, PlaceReading):
    """One pass over one source text; ``event()`` returns what it read."""

    def __init__(self, text: str, path: str, lexicon: Lexicon):
        self.text, self.path, self.lexicon = text, path, lexicon
        self.warnings: list[LoadWarning] = []
        self.found: dict[str, str] = {}

    def event(self) -> Event:
        """The stages, in order: the page (header, paragraphs, noise, the story and its lead),
        the people, the date, the sections sentence by sentence, who said each, the kind and
        place."""
        text = self.text
        header = parse_header(text, self.lexicon)
        if header.published:
            self.found["published"] = "the page's ' date' line"
        lead = self.read_page(header.body_start)
        cast = self.read_people(lead)
        when = self.read_date(lead, header.published)
        pieces = self.label(self.forced)
        self.read_speakers(pieces, cast, touring=is_journey(lead))
        statements = [Statement(f"s{n}", p.section, self.quote(p.span), p.paragraph, p.span.start,
                                p.span.end, p.speaker) for n, p in enumerate(pieces, 1)]
        self.check_cut_off()
        time_of_day = when.time_of_day if when else None
        if time_of_day is None and lead:
            time_of_day = dates.find_time_of_day(text, lead.sentence.start, lead.sentence.end)
        kind, place, subject = self.read_what_and_where(lead)
        return Event(
            id=make_id(self.path, when.value if when else None, kind, subject, place),
            title=make_title(kind, place, subject),
            source=Source(path=self.path, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                          published=header.published),
            source_text=text, date=when.value if when else None, time_of_day=time_of_day,
            kind=kind, location=place, subject=subject, host=cast.host, attendees=cast.attendees,
            main_speaker=cast.main_speaker, speakers=cast.speakers,
            paragraphs=paragraph_sections(self.paragraphs, statements),
            statements=statements, warnings=self.warnings, found=self.found,
        )

    def read_page(self, body_start: int) -> Lead | None:
        """The paragraphs and sentences, the noise, the story and its lead sentence; what
        reading the rest needs to know of the page."""
        self.paragraphs = split_paragraphs(self.text, body_start)
        self.datelines = {}
        self.openers = {}
        self.captions = {}
        self.noise = self.noise_paragraphs()
        # A noise paragraph is one statement: page furniture is not read sentence by sentence.
        self.sentences = [[p] if i in self.noise else split_sentences(self.text, p, self.lexicon)
                          for i, p in enumerate(self.paragraphs)]
        self.story = [i for i in range(len(self.paragraphs)) if i not in self.noise]
        if not self.story:
            self.warn("the source has no story text", body_start)
        # A dateline among the first paragraphs starts the story: what stands before it is a
        # headline, a summary deck or a caption, even one that says who held what.
        dated = next((i for i in self.story[:DATELINE_WITHIN] if self.dateline_at(i)
                      or BROADCAST_OPENER.match(self.text, self.paragraphs[i].start, self.paragraphs[i].end)), None)
        if dated is not None:
            self.story = [i for i in self.story if i >= dated]
        lead_at, lead = self.find_lead()
        self.lead_paragraph = lead_at[0] if lead_at else (self.story[0] if self.story else None)
        if self.lead_paragraph is not None:
            start = next((i for i in self.story if i >= self.lead_paragraph or self.opens_story(i)),
                         self.lead_paragraph)
            self.story = [i for i in self.story if i >= start]
        # The story is settled: what is in it, and what is not (headlines, captions, stamps), once.
        self.in_story = set(self.story)
        self.outside_story = [i for i in range(len(self.paragraphs)) if i not in self.in_story]
        self.forced = {}
        if self.story and self.sentences[self.story[0]]:
            self.forced[self.sentences[self.story[0]][0].start] = ("lead", "the story's first sentence")
        return lead

    def read_speakers(self, pieces: list[Piece], cast: Cast, touring: bool = False) -> None:
        """Who said each statement; participants whose words the story reports are speakers;
        where nobody is said to preside or to give the speech, the one the statements quote
        most is the main speaker ("…, Xi told the symposium"; "Xi said …"), unless they only
        sent instructions (on a tour, ``touring``, instructions are given in person)."""
        named = cast.everyone()
        leader = cast.main_speaker if cast.main_speaker and not cast.host else cast.host
        attribute_speakers(self.text, pieces, Speakers(named, self.lexicon, leader.id if leader else None))
        outside_voices(self.text, pieces, self.lexicon, {p.name.split()[0] for p in named})
        for person in self.others_said(pieces, cast.leaders()):
            if person.id not in {p.id for p in named}:
                cast.speakers.append(person)
                named.append(person)
                self.found.setdefault("speakers", "people whose words the story reports")
        if cast.host is None and cast.main_speaker is None:
            quoted = Counter(p.speaker for p in pieces if p.speaker)
            top = quoted.most_common(1)[0][0] if quoted else None
            cast.main_speaker = next((p for p in named if p.id == top), None)
            if cast.main_speaker:
                self.found["main_speaker"] = "the person most statements quote; nobody is said to preside"
                cast.drop_leaders()
        if cast.main_speaker and not touring and cast.main_speaker.name in self.instruction_givers():
            # "Xi Jinping made important instructions …, which were conveyed at the conference":
            # his words are quoted, but he did not speak there.
            self.found["main_speaker"] = f"none: {cast.main_speaker.name} sent written instructions"
            cast.main_speaker = None

    def read_what_and_where(self, lead: Lead | None) -> tuple[str | None, str | None, str | None]:
        """The kind of event, where it took place and what it was about."""
        kind, place, subject = (lead.kind, lead.place, lead.subject) if lead else (None, None, None)
        if kind is None:
            kind = self.story_kind()
        elif kind in ("meeting", "session"):
            kind = self.fuller_kind(kind)  # "The meeting, chaired by …" after "a State Council executive meeting"
        toured = self.toured_province(kind, lead)
        if toured:
            place = toured
        elif place is None:
            place = self.story_place() or self.caption_place(kind) or self.headline_place() or self.capital_in_opening() \
                or self.venue_named() or self.attended_place() or self.dated_place()
        elif lead:
            place = self.nearer_place(place, lead)
        if place in self.lexicon.data["too_wide_places"]:
            wide, place = place, self.story_place()  # the story's own words or its dateline may say more ("BEIJING —…")
            if place is None or place in self.lexicon.data["too_wide_places"]:
                self.found["location"] = f"none: {wide!r} says no more than the record does"
                place = None
        if lead and place is None:
            self.warn("could not tell where the event took place", lead.sentence.start)
        return kind, place, subject

    def nearer_place(self, place: str, lead: Lead) -> str | None:
        """Where the event was, nearer than the place the lead gives (``place``) where the story
        says so; and the city of the page's dateline where the lead names only a venue in it
        ("Xinhua News Agency, Beijing, February 28 – … held a meeting in Zhongnanhai")."""
        dateline = lead.dateline or self.story_dateline()
        if dateline and place in self.lexicon.data["venues"] and dateline.place != place:
            self.found["location"] = f"the dateline's city: the lead names only a venue in it ({place!r})"
            return dateline.place
        if lead.place_from == "dateline" and TOURING.search(lead.kind or "") and THE_PROVINCE.search(
                self.text, lead.sentence.start, lead.sentence.end):
            # "… during his inspection of the province": the province the story names first.
            return self.province_named() or place
        if lead.place_from == "dateline" or (lead.place_from == "tour" and not TOURING.search(lead.kind or "")):
            # Only a dateline, or the province of the tour a meeting was held on: where the story
            # or a caption of the event says it was held is nearer ("The meeting was held in Harbin").
            return self.held_place(tours=False) or self.caption_place(lead.kind) or place
        return self.capital_named(place, lead)

    # The stages ---------------------------------------------------------------------------

    def noise_paragraphs(self) -> set[int]:
        """Paragraphs that are not part of the story: page furniture, captions and repeats (a
        paragraph seen before, or one contained in one of the few before it)."""
        noise: set[int] = set()
        seen: dict[str, int] = {}
        recent: list[str] = []
        self.headings = set()
        for i, span in enumerate(self.paragraphs):
            body = self.quote(span)
            flat = " ".join(body.split()).lower()
            following = self.quote(self.paragraphs[i + 1]) if i < len(self.paragraphs) - 1 else None
            if following is not None and (is_heading(body, following) or (
                    len(noise) == i and long_heading(body, following))) \
                    and not (body[:1].islower() and after_colon(self.text, span.start)):
                self.headings.add(i)  # (in the story, a long paragraph without a stop is more often one cut short)
            elif following is None and i - 1 in noise and len(body.split()) <= 8 and is_heading(body, "X"):
                # The last line of a run of links or menus ("Recent posts", "Contact us"), not a
                # story cut off mid-sentence.
                self.headings.add(i)
            if following is not None and title_case(body, self.lexicon):
                self.headings.add(i)  # "Xi Jinping Chairs … Conference, Stresses that We Must …"
            if i in self.headings or self.lexicon.is_noise(body) or uncredited_caption(body) or (
                    OTHER_SCRIPT.search(body) and len(ENGLISH_WORD.findall(body)) < 4):
                noise.add(i)
            elif flat in seen and len(flat) > 40 and any(j in noise for j in range(seen[flat] + 1, i)) \
                    and seen[flat] not in noise:
                # A teaser above the page's stamp, the story repeating it below: the story is the
                # copy after the furniture.
                noise.add(seen[flat])
            elif flat in seen or (len(flat) > 40 and any(flat in r for r in recent)):
                noise.add(i)
            seen.setdefault(flat, i)
            recent = (recent + [flat])[-RECENT:]
        return noise

    def find_lead(self) -> tuple[tuple[int, int] | None, Lead | None]:
        """(paragraph, sentence) of the first sentence saying someone held an event, and what
        it says. It stands among the story's first paragraphs: further down, "On Monday, Li
        chaired a seminar …" tells of another event. A story opening "Xi … attended a gathering
        …" is led by that sentence, not by a later "Gao … addressed the gathering" of
        someone else speaking there (but a later "presided over" names the host)."""
        for i in self.story[:LEAD_WITHIN]:
            if self.caption_at(i):
                continue  # a photo's caption ("… learns about … during an inspection …, JU PENG/XINHUA")
            for j, span in enumerate(self.sentences[i]):
                match = match_lead(self.text, span, self.lexicon)
                if match and match.group("kind") and PRESENT_AT.search(
                        self.text, max(span.start, match.start("kind") - 40), match.start("kind")):
                    continue  # "A, B and C were present at the ceremony held at …": who attended, not who held it
                if match:
                    before = dict(self.found)  # what make_lead adds is dropped with a lead given up
                    lead = self.make_lead(i, span, match)
                    opening = self.attended_opening() if i != self.story[0] and lead.host and not \
                        self.lexicon.presiding_form.match(match.group("verb")) else None
                    if opening is None:
                        restated = self.restated_with_date(lead, i, j)
                        if restated:
                            self.found = before
                            k, again, found = restated
                            self.openers.update((p, False) for p in self.story if p < k)  # a headline, not a summary lead
                            return (k, self.sentences[k].index(again)), self.make_lead(k, again, found)
                        if lead.place is None:
                            self.restated_place(lead, i, j)
                        return (i, j), lead
                    self.found = before
                    return (self.story[0], 0), self.make_lead(self.story[0], self.sentences[self.story[0]][0], opening)
        if self.story:
            self.warn("no sentence says who held what kind of event; the first paragraph is taken as the lead",
                      self.paragraphs[self.story[0]].start)
            self.found["lead"] = "first paragraph (no host sentence found)"
        return None, None

    def restated_with_date(self, lead: Lead, i: int, j: int) -> tuple[int, Span, re.Match] | None:
        """Where the page opens with its headline as a sentence of its own, undated ("Xi
        presided over the first meeting of the commission and stressed …"), and a later
        paragraph of the opening says the same with its day ("… presided over the first meeting
        of the commission on the afternoon of May 30"): that paragraph, its sentence and what it
        says; the story starts there."""
        if i != self.story[0] or j != 0 or len(self.sentences[i]) != 1 or lead.dateline or not lead.kind:
            return None
        span = self.sentences[i][0]
        if names_a_day(self.text, span.start, span.end) or dates.VAGUE.search(self.text, span.start, span.end):
            return None  # "… convened a meeting in Harbin earlier this week": a story's lead, dated as it can
        # The same verb and kind: "has held a symposium …", then "presided over the symposium,
        # held on Feb. 6", is a summary lead and its story told on.
        verb = lead.verb.lower()
        for k in self.story[1:LEAD_WITHIN]:
            for again in self.sentences[k]:
                match = match_lead(self.text, again, self.lexicon)
                if (match and match.group("kind") and match.group("verb").lower() == verb
                        and kind_named(match.group("kind")) == lead.kind and names_a_day(self.text, again.start, again.end)):
                    return k, again, match
        return None

    def restated_place(self, lead: Lead, i: int, j: int) -> None:
        """A lead naming no place takes the place of a later sentence of the opening that says
        the same (a page opening with its headline, "Li presided over a forum on …", then "On
        November 14, Li … presided over a forum on … in Nanchang, Jiangxi Province")."""
        verb = lead.verb.lower()
        for k in (k for k in self.story[:LEAD_WITHIN] if k >= i):
            for span in self.sentences[k][j + 1:] if k == i else self.sentences[k]:
                if verb not in self.text[span.start:span.end].lower():
                    continue
                match = match_lead(self.text, span, self.lexicon)
                if match and match.group("verb").lower() == verb and match.group("kind").lower() == (lead.kind or ""):
                    again = read_lead(self.text, span, match, self.lexicon)
                    if again.place:
                        lead.place = again.place
                        self.found["location"] = "'in …' in a later sentence restating the lead"
                        return

    def attended_opening(self) -> re.Match | None:
        """The story's first sentence, where it says one person attended an event ("Chinese
        President Xi Jinping on Monday attended a gathering in Beijing and …")."""
        if not self.sentences[self.story[0]] or self.caption_at(self.story[0]):
            return None
        span = self.sentences[self.story[0]][0]
        dateline = self.paragraph_dateline(self.story[0])
        start = max(span.start, dateline.end) if dateline else span.start
        match = self.lexicon.attended_kind.search(self.text, start, span.end)
        if match is None or ANOTHER_NAMED.search(self.text, start, match.start()):
            return None  # "Li Qiang and Cai Qi attended …": those who attended, not who led it
        return match

    def make_lead(self, i: int, span: Span, match: re.Match) -> Lead:
        """The lead ``match`` (a host phrase in sentence ``span`` of paragraph ``i``) says."""
        lead = read_lead(self.text, span, match, self.lexicon, self.story_dateline())
        if lead.host is None:
            lead.host = self.earlier_full_name(span, match.start(), i)
            if lead.host:
                self.found["host"] = "surname before the host phrase, full name printed earlier"
        self.found["lead"] = f"first sentence with a host phrase ({lead.verb!r}) and a kind of event"
        if match.group("kind") and self.in_organization(match.start("kind"), match.end("kind")):
            # "the … Consultative Conference concluded": a body, not the kind; "… Commission for
            # Discipline Inspection on Monday … at its plenary session, which was held": the one
            # nearest before the verb is.
            kinds = [m for m in self.lexicon.event_kinds.finditer(self.text, match.end("kind"), match.end("verb"))
                     if not self.in_organization(m.start(), m.end())]
            lead.kind = kind_named(kinds[-1].group()) if kinds else None
            if lead.kind:
                self.found["kind"] = f"{kinds[-1].group()!r}, the last kind of event in the host phrase (a body's name stood first)"
        else:
            self.found["kind"] = f"{match.group('kind')!r} after {lead.verb!r}"
        if lead.place:
            self.found["location"] = "the dateline" if lead.place == getattr(lead.dateline, "place", None) else "'in …' in the lead sentence"
        if lead.subject:
            self.found["subject"] = "after the kind of event in the lead sentence"
        return lead

    def label(self, forced) -> list[Piece]:
        """Every sentence (or clause) of the text as a piece with its section, in order."""
        pieces: list[Piece] = []
        before_sections, called = True, False
        for i in range(len(self.paragraphs)):
            if i not in self.in_story:
                pieces += [Piece(i, s, "other", "not part of the story") for s in self.sentences[i]]
                continue
            # The overall call ("Xi called for …") stands in the first two paragraphs of a story.
            # Further down, before any section, a call the host makes himself ("He emphasized
            # the need to …") is still the overall call; only the first such paragraph.
            early: bool | Literal["person"] = False
            if i != self.story[-1] and i in self.story[:2]:
                early = True
            elif i != self.story[-1] and before_sections and not called:
                early = "person"
            previous = next((p.section for p in reversed(pieces) if p.section not in ("other", "attendees")), None)
            got = classify_paragraph(self.text, i, self.sentences[i], self.lexicon,
                                     is_lead=i == self.lead_paragraph, before_sections=before_sections,
                                     forced=forced, early=early, previous=previous)
            if any(p.section not in ("lead", "attendees", "other") for p in got):
                before_sections = False
            called = called or any(p.reason.startswith("the overall call") for p in got)
            pieces += got
        return pieces


    def check_cut_off(self) -> None:
        if self.story and ends_cut_off(self.text, self.paragraphs[self.story[-1]]):
            last = self.paragraphs[self.story[-1]]
            self.warn("the text seems cut off: its last paragraph stops mid-sentence", last.end)


def paragraph_sections(paragraphs: list[Span], statements: list[Statement]) -> list[Paragraph]:
    """Each paragraph with the section holding most of its characters (the earliest on a tie)."""
    weights: list[dict[str, int]] = [{} for _ in paragraphs]
    for s in statements:
        weight = weights[s.paragraph]
        weight[s.section] = weight.get(s.section, 0) + (s.end - s.start)
    return [Paragraph(i, p.start, p.end, max(w, key=w.__getitem__) if w else "other")
            for i, (p, w) in enumerate(zip(paragraphs, weights))]


def make_title(kind: str | None, place: str | None, subject: str | None) -> str:
    """A readable title: "Symposium on further promoting …"."""
    head = (kind or "event").capitalize()
    if subject:
        return f"{head} on {subject}"
    return f"{head} in {place}" if place else head


def make_id(path: str, when, kind: str | None, subject: str | None, place: str | None) -> str:
    """The event id: the source file's name when it is already a slug, else date, the proper
    nouns of the subject (or the place) and the kind."""
    stem = Path(path).stem
    if stem and slugify(stem) == stem:
        return stem
    topic = ""
    if subject:
        runs = re.findall(r"[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*)*", subject)
        topic = max(runs, key=len) if runs else " ".join(subject.split()[-4:])
    parts = [when.isoformat() if when else "undated", topic or place or "", kind or "event"]
    return slugify(" ".join(p for p in parts if p)) or "event"
