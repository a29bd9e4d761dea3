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

from ..errors import Location, ReadoutError, decode_utf8, line_column, read_input
from ..gcpause import no_collections
from ..model import Event, LoadWarning, Paragraph, Person, Source, Statement
from . import dates
from .attendance import aside_titles, attendance_mentions, listed_people, presider, presides, shared_title
from .classify import CALL, Piece, Speakers, attribute_speakers, classify_paragraph
from .lead import CHINAS, OPENING_PARTICIPLE, PLACE, Lead, match_lead, read_lead, short_place
from .lexicon import Lexicon, default_lexicon
from .people import Mention, is_name, mention_titles, parse_mention, slugify
from .segment import Span, ends_cut_off, parse_header, split_paragraphs, split_sentences

# How many paragraphs back a repeated paragraph is looked for inside a longer one.
RECENT = 4
# "CCTV news (news broadcast): …": a broadcast transcript's opening, which starts the story as
# a dateline would (it names no place).
BROADCAST_OPENER = re.compile(r"(?:CCTV|China\s+Central\s+Television|CNR)(?:\s+news)?\s*(?:\([^)]{0,40}\))?\s*:", re.IGNORECASE)
LEAD_WITHIN = 8  # paragraphs of the story that may hold the lead sentence
DATELINE_WITHIN = 4  # a dateline further down belongs to another story (a related link)
# A line in another script ("作者 admin", "中文 | App"): an English readout's page furniture.
OTHER_SCRIPT = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{3,}\b")

__all__ = ["parse_source", "read_source", "decode_source", "default_lexicon", "Lexicon", "slugify",
           "make_id", "paragraph_sections"]


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


class Reader:
    """One pass over one source text; ``event()`` returns what it read."""

    def __init__(self, text: str, path: str, lexicon: Lexicon):
        self.text, self.path, self.lexicon = text, path, lexicon
        self.warnings: list[LoadWarning] = []
        self.found: dict[str, str] = {}

    def warn(self, message: str, offset: int | None = None) -> None:
        line, column = line_column(self.text, offset) if offset is not None else (None, None)
        self.warnings.append(LoadWarning(message, line, column))

    def quote(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def event(self) -> Event:
        text, lexicon = self.text, self.lexicon
        header = parse_header(text, lexicon)
        if header.published:
            self.found["published"] = "the page's ' date' line"
        self.paragraphs = split_paragraphs(text, header.body_start)
        self.datelines: dict[int, dates.Dateline | None] = {}
        self.openers: dict[int, bool] = {}
        self.noise = self.noise_paragraphs()
        # A noise paragraph is one statement: page furniture is not read sentence by sentence.
        self.sentences = [[p] if i in self.noise else split_sentences(text, p, lexicon)
                          for i, p in enumerate(self.paragraphs)]
        self.story = [i for i in range(len(self.paragraphs)) if i not in self.noise]
        if not self.story:
            self.warn("the source has no story text", header.body_start)
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
        forced: dict[int, tuple[str, str]] = {}
        if self.story and self.sentences[self.story[0]]:
            forced[self.sentences[self.story[0]][0].start] = ("lead", "the story's first sentence")
        host, main_speaker, attendees, speakers = self.read_people(lead, forced)
        when = self.read_date(lead, header.published)
        pieces = self.label(forced)
        named = [p for p in (host, main_speaker) if p] + attendees + speakers
        leader = main_speaker if main_speaker and not host else host
        attribute_speakers(text, pieces, Speakers(named, lexicon, leader.id if leader else None))
        for person in self.others_said(pieces, [p for p in (host, main_speaker) if p]):
            if person.id not in {p.id for p in named}:
                speakers.append(person)
                named.append(person)
                self.found.setdefault("speakers", "people whose words the story reports")
        if host is None and main_speaker is None:
            # Nobody is said to preside or to give the speech: the one the statements quote
            # most is the main speaker ("…, Xi told the symposium"; "Xi said …").
            quoted = Counter(p.speaker for p in pieces if p.speaker)
            if quoted:
                top = quoted.most_common(1)[0][0]
                main_speaker = next((p for p in named if p.id == top), None)
                if main_speaker:
                    self.found["main_speaker"] = "the person most statements quote; nobody is said to preside"
                    attendees = [p for p in attendees if p.id != top]
                    speakers = [p for p in speakers if p.id != top]
        statements = [Statement(f"s{n}", p.section, self.quote(p.span), p.paragraph, p.span.start,
                                p.span.end, p.speaker) for n, p in enumerate(pieces, 1)]
        self.check_cut_off()
        time_of_day = when.time_of_day if when else None
        if time_of_day is None and lead:
            time_of_day = dates.find_time_of_day(text, lead.sentence.start, lead.sentence.end)
        kind, place, subject = (lead.kind, lead.place, lead.subject) if lead else (None, None, None)
        if kind is None:
            kind = self.story_kind()
        elif kind in ("meeting", "session"):
            kind = self.fuller_kind(kind)  # "The meeting, chaired by …" after "a State Council executive meeting"
        if place is None:
            place = self.story_place() or (self.caption_place(lead) if lead else None) or self.headline_place()
        elif lead.place_from == "dateline" and TOURING.search(lead.kind or "") and THE_PROVINCE.search(
                self.text, lead.sentence.start, lead.sentence.end):
            # "… during his inspection of the province": the province the story names first.
            place = self.province_named() or place
        elif lead.place_from == "dateline" or (lead.place_from == "tour" and not TOURING.search(lead.kind or "")):
            # Only a dateline, or the province of the tour a meeting was held on: where the story
            # or a caption of the event says it was held is nearer ("The meeting was held in Harbin").
            place = self.held_place(tours=False) or self.caption_place(lead) or place
        else:
            place = self.capital_named(place, lead)
        if lead and place is None:
            self.warn("could not tell where the event took place", lead.sentence.start)
        return Event(
            id=make_id(self.path, when.value if when else None, kind, subject, place),
            title=make_title(kind, place, subject),
            source=Source(path=self.path, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                          published=header.published),
            source_text=text, date=when.value if when else None, time_of_day=time_of_day,
            kind=kind, location=place, subject=subject, host=host, attendees=attendees,
            main_speaker=main_speaker, speakers=speakers,
            paragraphs=paragraph_sections(self.paragraphs, statements),
            statements=statements, warnings=self.warnings, found=self.found,
        )

    # The stages ---------------------------------------------------------------------------

    def noise_paragraphs(self) -> set[int]:
        """Paragraphs that are not part of the story: page furniture, captions and repeats (a
        paragraph seen before, or one contained in one of the few before it)."""
        noise, seen, recent = set(), {}, []
        self.headings = set()
        for i, span in enumerate(self.paragraphs):
            body = self.quote(span)
            flat = " ".join(body.split()).lower()
            following = self.quote(self.paragraphs[i + 1]) if i < len(self.paragraphs) - 1 else None
            if following is not None and is_heading(body, following):
                self.headings.add(i)
            elif following is None and i - 1 in noise and len(body.split()) <= 8 and is_heading(body, "X"):
                # The last line of a run of links or menus ("Recent posts", "Contact us"), not a
                # story cut off mid-sentence.
                self.headings.add(i)
            if following is not None and title_case(body, self.lexicon):
                self.headings.add(i)  # "Xi Jinping Chairs … Conference, Stresses that We Must …"
            if self.lexicon.noise.fullmatch(body) or i in self.headings or (
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

    def paragraph_dateline(self, index: int) -> dates.Dateline | None:
        """The dateline a paragraph opens with, if any (worked out once a paragraph)."""
        if index not in self.datelines:
            span = self.paragraphs[index]
            self.datelines[index] = dates.match_dateline(self.text, span.start, span.end, self.lexicon.is_pinyin)
        return self.datelines[index]

    def dateline_at(self, index: int) -> bool:
        return self.paragraph_dateline(index) is not None

    def opens_story(self, index: int) -> bool:
        """Whether a paragraph before the lead sentence is already story (a summary lead, often
        after a dateline), not a headline: it is a finished sentence of some length."""
        if index not in self.openers:
            self.openers[index] = self.reads_as_opening(index)
        return self.openers[index]

    def reads_as_opening(self, index: int) -> bool:
        if self.dateline_at(index):
            return True
        span = self.paragraphs[index]
        # A photo caption ("… chairs a symposium in Hefei, Aug. 20, 2020. (Xinhua/…)") or a time
        # stamp is a finished sentence of some length too, but page furniture.
        return (span.end - span.start >= 60 and not ends_cut_off(self.text, span)
                and not dates.CAPTION.search(self.text, span.start, span.end)
                and not dates.full_dates(self.text, span.start, span.end)
                and not CAPTION_VERB.match(self.text, span.start, span.end))

    def story_dateline(self) -> dates.Dateline | None:
        """The dateline at the start of the first paragraph of the story, if any."""
        for i in self.story:
            if self.opens_story(i):
                return self.paragraph_dateline(i)
        return None

    def find_lead(self) -> tuple[tuple[int, int] | None, Lead | None]:
        """(paragraph, sentence) of the first sentence saying someone held an event, and what
        it says. It stands among the story's first paragraphs: further down, "On Monday, Li
        chaired a seminar …" tells of another event."""
        for i in self.story[:LEAD_WITHIN]:
            for j, span in enumerate(self.sentences[i]):
                match = match_lead(self.text, span, self.lexicon)
                if match:
                    lead = read_lead(self.text, span, match, self.lexicon, self.story_dateline())
                    if lead.host is None:
                        lead.host = self.earlier_full_name(span, match.start(), i)
                        if lead.host:
                            self.found["host"] = "surname before the host phrase, full name printed earlier"
                    self.found["lead"] = f"first sentence with a host phrase ({lead.verb!r}) and a kind of event"
                    self.found["kind"] = f"{match.group('kind')!r} after {lead.verb!r}"
                    if lead.place:
                        self.found["location"] = "the dateline" if lead.place == getattr(lead.dateline, "place", None) else "'in …' in the lead sentence"
                    if lead.subject:
                        self.found["subject"] = "after the kind of event in the lead sentence"
                    return (i, j), lead
        if self.story:
            self.warn("no sentence says who held what kind of event; the first paragraph is taken as the lead",
                      self.paragraphs[self.story[0]].start)
            self.found["lead"] = "first paragraph (no host sentence found)"
        return None, None

    def earlier_full_name(self, lead: Span, verb_start: int, paragraph: int) -> Mention | None:
        """Where the lead names its host by surname alone ("Xi made the remarks …", "… a
        meeting chaired by Li"), the full name the page prints for that surname: the story's
        last mention before the lead, else the first anywhere on the page (a headline or a
        caption: "Chinese President Xi Jinping …")."""
        passive = re.match(r"[^.]*?\b(?:chaired|presided\s+over|hosted|convened)\s+by\s+(?:[A-Z]\w+\s+){0,2}?([A-Z][a-z]+)\b",
                           self.text[verb_start:lead.end])
        own = dates.match_dateline(self.text, lead.start, verb_start, self.lexicon.is_pinyin)
        region = self.text[own.end if own else lead.start:verb_start]
        comma = self.text.find(",", verb_start, lead.end)
        if OPENING_PARTICIPLE.match(self.text, verb_start) and comma != -1:
            # "Addressing a plenary meeting …, Li said", "Speaking at a symposium in Shijiazhuang,
            # Hebei province, Xi, who is also …, said": the first surname after a comma.
            after = (m.group(1) for m in re.finditer(r",\s*([A-Z][a-z]+)\b", self.text[verb_start:lead.end]))
            region = next((w for w in after if w not in self.lexicon.not_names and self.lexicon.is_pinyin(w, 1)), "")
        # The subject stands right before its verb ("After …, Xi held a symposium"), else first.
        last = re.search(r"\b([A-Z][a-z]+)\W*$", region)
        # else the first word that may be a surname ("President Xi, also …, made the remarks")
        words = ([last] if last else []) + list(re.finditer(r"\b([A-Z][a-z]+)\b", region))
        # A surname is one syllable far more often than two ("Beijing" is a place).
        first = next((w for most in (1, 2) for w in words if w.group(1) not in self.lexicon.not_names
                      and self.lexicon.is_pinyin(w.group(1), most)), words[0] if words else None)
        if passive:  # "… presided over by Xi Jinping, general secretary of …": named in full
            named = parse_mention(self.text, Span(verb_start + passive.start(1), lead.end), self.lexicon)
            if named:
                return named
        surname = passive.group(1) if passive else first.group(1) if first else None
        if surname is None or surname in self.lexicon.not_names or not self.lexicon.is_pinyin(surname, 2):
            return None
        for i in self.story:  # the story's own mention, with the titles printed beside it
            if i > paragraph:
                break
            for span in self.sentences[i]:
                if span.start >= lead.start:
                    break
                mention = parse_mention(self.text, span, self.lexicon)
                if mention and self.quote(mention.name).split()[0] == surname:
                    return mention
        found = []
        for match in re.finditer(rf"\b{re.escape(surname)}[ \t]+[A-Z][a-z]+(?:-[a-z]+)?\b", self.text):
            name = Span(match.start(), match.end())
            if is_name(self.text, name, self.lexicon):
                found.append(name)
        if not found:
            return None
        before = [n for n in found if n.start < lead.start]
        return Mention(before[-1] if before else found[0])

    def person(self, mention: Mention) -> Person:
        name = self.quote(mention.name)
        return Person(slugify(name), name, mention_titles(self.text, mention))

    def read_people(self, lead: Lead | None, forced: dict):
        """(host, main speaker, attendees, speakers). The host is who presided: the lead's
        subject where the lead, a headline or a caption says so, else whoever a later sentence
        says presided. The lead's subject who only spoke, addressed or toured is the main
        speaker. Attendees and speakers in order of mention, with the titles printed in asides
        and shared-title sentences."""
        subject = self.person(lead.host) if lead and lead.host else None
        host = main_speaker = None
        if subject and (self.lead_presides(lead) or presides(self.text, subject.name.split()[0], self.lexicon)):
            host = subject
            self.found.setdefault("host", f"subject of {lead.verb!r} in the lead sentence, who presided")
        elif subject:
            main_speaker = subject
            self.found["main_speaker"] = f"subject of {lead.verb!r} in the lead sentence; nobody else is said to preside"
        # Deep in the story, a sentence that names the event but sets a task ("… must be
        # guaranteed, Xi told the symposium") is that task, and its paragraph no lead paragraph.
        if lead and self.lead_paragraph != self.story[0] and re.match(r"(?:said|told)\b", lead.verb) \
                and CALL.search(self.text, lead.sentence.start, lead.sentence.end):
            self.lead_paragraph = None
        elif lead:
            forced[lead.sentence.start] = ("lead", "the lead sentence")
        attendees: list[Person] = []
        speakers: list[Person] = []
        seen = {p.id for p in (host, main_speaker) if p}
        named_last: list[Person] = []

        def add(mentions: list[Mention], group: list[Person], field: str, how: str) -> list[Person]:
            """Each person ``mentions`` names, added to ``group`` unless already named in some role;
            the people as ``group`` holds them (so a later shared title reaches them)."""
            named = []
            for mention in mentions:
                person = self.person(mention)
                if person.id not in seen:
                    seen.add(person.id)
                    group.append(person)
                    self.found.setdefault(field, how)
                named.append(next((p for p in group if p.id == person.id), person))
            return named

        for i in self.story:
            for span in self.sentences[i]:
                chair = presider(self.text, span, self.lexicon)
                if chair and lead and span == lead.sentence and chair.name.start < lead.verb_start + len(lead.verb):
                    chair = None  # the lead's own subject; only "… chaired by X" in it names another
                if chair:
                    person = self.person(chair)
                    if host is None and (main_speaker is None or person.id != main_speaker.id):
                        host = person
                        seen.add(host.id)
                        self.found["host"] = "whoever a sentence says presided"
                        if main_speaker:
                            self.found["main_speaker"] = f"subject of {lead.verb!r} in the lead sentence, while {person.name} presided"
                        forced[span.start] = ("lead", "says who presided")
                    # Another presider ("… decisions made at the meeting chaired by Xi") is of
                    # another meeting, or of a part of this one: not named as attending.
                    # "… was presided over by Li Keqiang, and attended by A, B and C": the same
                    # sentence may name the attendees too.
                    # "A, B and C attended the meeting, presided over by D": the list may come first.
                    ahead = Span(span.start, chair.name.start)
                    for role, group, field in (("attendance", attendees, "attendees"), ("speaking", speakers, "speakers")):
                        add(attendance_mentions(self.text, ahead, self.lexicon, None, role)
                            + attendance_mentions(self.text, span, self.lexicon, chair.name.end, role), group, field,
                            "names in the sentence saying who presided")
                    continue
                floor = lead.verb_start + len(lead.verb) if lead and span == lead.sentence else None
                lowered = self.text[span.start:span.end].lower()
                spoke = attendance_mentions(self.text, span, self.lexicon, floor, role="speaking", lowered=lowered)
                mentions = attendance_mentions(self.text, span, self.lexicon, floor, lowered=lowered) if not spoke else []
                if not spoke and not mentions:
                    mentions = listed_people(self.text, span, self.lexicon)
                if spoke:
                    add(spoke, speakers, "speakers", "names in sentences saying who spoke or reported")
                    continue
                if mentions:
                    forced.setdefault(span.start, ("attendees", "names who attended"))
                    named_last = add(mentions, attendees, "attendees", "names in attendance sentences")
                    continue
                title = shared_title(self.text, span, self.lexicon)
                if title and named_last:
                    for person in named_last:
                        person.titles.append(title)
                    named_last = []
        # A sub-headline may be the one place that names who attended ("Wang Huning and Han
        # Zheng attended"); a caption, which may show another event, is not read for that.
        for i in sorted(self.headings):
            span = self.paragraphs[i]
            if not dates.full_dates(self.text, span.start, span.end):
                add(attendance_mentions(self.text, span, self.lexicon, role="headline_attendance"), attendees,
                    "attendees", "names in a sub-headline saying who attended")
        if host is None:
            # A headline or caption may be the one place that says who presided ("Xi delivered
            # an important speech, which was presided over by Li Qiang").
            for i in self.outside_story:
                chair = presider(self.text, self.paragraphs[i], self.lexicon, headline=True)
                person = self.person(chair) if chair else None
                if person and (main_speaker is None or person.id != main_speaker.id):
                    host = person
                    self.found["host"] = "whoever a headline or caption says presided"
                    break
        if main_speaker is None and lead and (host is None or subject is None):
            later, presided = self.later_host(lead)
            if later and presided and host is None:
                host = later
                self.found["host"] = self.found.pop("later")
                forced[self.host_sentence.start] = ("lead", "says who held the event")
            elif later and not presided and (host is None or later.id != host.id):
                main_speaker = later
                self.found["main_speaker"] = self.found.pop("later")
                forced[self.host_sentence.start] = ("lead", "says who addressed the event")
            self.found.pop("later", None)
        if host is None and main_speaker is None and lead:
            mention = parse_mention(self.text, lead.sentence, self.lexicon)
            if mention and presides(self.text, self.quote(mention.name).split()[0], self.lexicon):
                host = self.person(mention)
                self.found["host"] = "the first person the lead sentence names, who presided"
            elif mention:
                main_speaker = self.person(mention)
                self.found["main_speaker"] = "the first person the lead sentence names; nobody is said to preside"
        if main_speaker is None:
            giver = self.speech_giver()
            if giver and host is None and presides(self.text, giver.name.split()[0], self.lexicon):
                host = giver  # "chairs a symposium … and delivered an important speech"
                self.found["host"] = "who delivered the speech, and presided"
            elif giver and (host is None or giver.id != host.id):
                main_speaker = giver
                self.found["main_speaker"] = "who delivered the speech or report the page names"
        leaders = {p.id for p in (host, main_speaker) if p}
        attendees = [p for p in attendees if p.id not in leaders]
        speakers = [p for p in speakers if p.id not in leaders]
        if main_speaker is None and self.story and (lead is None or subject is None):
            # No sentence names who held what ("… the State Council held a conference, at which
            # Li Qiang stressed …"; "President Xi Jinping has stressed …"): the person the lead,
            # else the story, opens with — the host if said to preside, else the main speaker
            # when they speak.
            # (Without a lead, the first of the story's first paragraphs to open with a person:
            # a summary line such as "The highlights of the meeting:" may come first.)
            where, mention = lead.sentence if lead else self.paragraphs[self.story[0]], None
            for where in [lead.sentence] if lead else [self.paragraphs[i] for i in self.story[:3]]:
                mention = parse_mention(self.text, where, self.lexicon)
                if mention:
                    break
            person = self.person(mention) if mention else None
            if person and (host is None or person.id != host.id):
                if host is None and presides(self.text, person.name.split()[0], self.lexicon):
                    host = person
                    self.found["host"] = "the person the story opens with, who presided"
                elif host is None or self.lexicon.speech_verbs.search(self.text, where.start, where.end):
                    main_speaker = person
                    self.found["main_speaker"] = "the person the story opens with, who spoke"
                attendees = [p for p in attendees if p.id not in {x.id for x in (host, main_speaker) if x}]
                speakers = [p for p in speakers if p.id not in {x.id for x in (host, main_speaker) if x}]
        if host is None and self.story:
            # "The meeting, chaired by the premier, stressed …": whoever the page names with that title.
            titled = self.chair_by_title([p for p in (main_speaker,) if p] + attendees)
            if titled:
                host = titled
                self.found["host"] = "the person of the title a sentence says presided ('chaired by the premier')"
                main_speaker = None if main_speaker and main_speaker.id == host.id else main_speaker
                attendees = [p for p in attendees if p.id != host.id]
        if host is None and main_speaker is None and self.story:
            self.warn("could not tell who held the event", self.paragraphs[self.story[0]].start)
        for person in [p for p in (host, main_speaker) if p] + attendees + speakers:
            self.add_aside_titles(person)
        return host, main_speaker, attendees, speakers

    def chair_by_title(self, people: list[Person]) -> Person | None:
        """The one of ``people`` whose title a "chaired by the premier" names."""
        for i in self.story:
            span = self.paragraphs[i]
            match = CHAIRED_BY_TITLE.search(self.text, span.start, span.end)
            if match:
                word = match.group("title").lower()
                titled = [p for p in people if any(re.search(rf"\b{word}\b", t.lower()) for t in p.titles)]
                for j in self.story[:3]:  # else whoever the story's opening names with that title
                    for sentence in self.sentences[j]:
                        mention = parse_mention(self.text, sentence, self.lexicon)
                        person = self.person(mention) if mention else None
                        if person and any(re.search(rf"\b{word}\b", t.lower()) for t in person.titles):
                            titled.append(person)
                return titled[0] if titled else None
        return None

    def speech_giver(self) -> Person | None:
        """Who a sentence of the page — the story first, then a headline or caption — says
        delivered the important speech or the work report ("Xi Jinping delivered an important
        speech", "Wang Yang … delivered a work report", "Xi makes important speech at …")."""
        order = self.story + self.outside_story
        for i in order:
            for j, span in enumerate(self.sentences[i]):
                own = self.paragraph_dateline(i) if j == 0 else None  # a dateline opens a paragraph
                start = min(own.end, span.end) if own else span.start
                leading = SPEECH_FIRST.match(self.text, start, span.end)
                if leading:  # "Delivering an important speech at the conference, Xi Jinping …"
                    mention = parse_mention(self.text, Span(leading.end(), span.end), self.lexicon)
                    if mention:
                        return self.person(mention)
                verb = SPEECH.search(self.text, start, span.end)
                if verb and not self.lexicon.before_event.search(self.text, verb.end(), span.end):
                    mention = parse_mention(self.text, Span(start, verb.start()), self.lexicon)
                    if mention:
                        return self.person(mention)
        return None

    def lead_presides(self, lead: Lead) -> bool:
        """Whether the lead sentence's own verb is one of presiding ("presided over", "chaired",
        "held a symposium"; "made the remarks while chairing …" too)."""
        sentence = self.text[lead.verb_start:lead.sentence.end]
        verb = self.lexicon.presiding_form.match(sentence)
        return bool(verb) or bool(re.search(r"\bwhile\s+(?:chairing|presiding|hosting|leading)\b", sentence))

    def later_host(self, lead: Lead) -> tuple[Person | None, bool]:
        """Where the lead sentence names nobody ("The conference was held …"), the person a
        later sentence says held or addressed it ("Xi … attended the conference and delivered
        an important speech"), and whether that sentence says they presided."""
        for i in self.story[:LEAD_WITHIN]:
            for span in self.sentences[i]:
                if span.start <= lead.sentence.start:
                    continue
                match = match_lead(self.text, span, self.lexicon)
                if match and self.lexicon.before_event.search(self.text, match.end(), span.end):
                    continue  # "… presided over a meeting of … before the two-day conference"
                mention = match and parse_mention(self.text, Span(span.start, match.start()), self.lexicon)
                if mention:
                    self.found["later"] = f"subject of {match.group('verb')!r} after the lead sentence"
                    self.host_sentence = span
                    person = self.person(mention)
                    presided = bool(self.lexicon.presiding_form.match(self.text, match.start("verb"), span.end)) \
                        or presides(self.text, person.name.split()[0], self.lexicon)
                    return person, presided
        return None, False

    def add_aside_titles(self, person: Person) -> None:
        """Titles printed in an aside in the first story paragraphs ("Xi, also …")."""
        names = [person.name, person.name.split()[0]]
        for i in self.story[:4]:
            for title in aside_titles(self.text, self.paragraphs[i], names, self.lexicon):
                if title not in person.titles:
                    person.titles.append(title)

    def anchors(self, published) -> list[dates.Anchor]:
        """Every full date the page gives that a relative one can be resolved against: the
        ' date' line, time stamps and captions (see ``dates.block_anchors``)."""
        found = [dates.Anchor(published, "publication line", 0, 0)] if published else []
        for i, span in enumerate(self.paragraphs):
            found += dates.block_anchors(self.text, span.start, span.end, i in self.in_story)
        return found

    def read_date(self, lead: Lead | None, published):
        """The event date: the lead sentence's own date phrase, resolved against the nearest
        anchor the page gives (its dateline, a time stamp, a caption's date, the publication
        line); else the dateline's day; else the first date in the story; else the date of a
        caption that shows the event itself."""
        anchors = self.anchors(published)
        found = self.date_from(lead, anchors)
        if found is None and not anchors and self.story:
            # No full date anywhere: a month and day in the year the story speaks in.
            named = dates.year_anchor(self.text, self.paragraphs[self.story[0]].start, self.paragraphs[self.story[-1]].end)
            found = self.date_from(lead, [named]) if named else None
        if found is None:
            dateline = lead.dateline if lead else None
            where = Span(dateline.end if dateline else lead.sentence.start, lead.sentence.end) if lead else (
                self.paragraphs[self.story[0]] if self.story else Span(0, 0))
            unresolved = dates.find_unresolved_date(self.text, where.start, where.end)
            if dateline and not unresolved:
                unresolved = self.text[dateline.start:dateline.end].strip()
            self.warn(f"no event date: the text says only {unresolved!r}" if unresolved
                      else "no event date found in the text", where.start)
        return found

    def date_from(self, lead: Lead | None, anchors: list[dates.Anchor]):
        """The event date the lead, the story or a caption gives, resolved against ``anchors``."""
        dateline = lead.dateline if lead else None
        at = lead.sentence.start if lead else (self.paragraphs[self.story[0]].start if self.story else 0)
        anchor = dates.best_anchor(anchors, at)
        reference = anchor
        if dateline:
            day = dateline.resolve(anchor) if anchor else None
            if day:
                reference = dates.Anchor(day, "dateline", dateline.start, dateline.end)
        spans = []
        if lead:
            # "After visiting … on Tuesday, Xi held a symposium on Wednesday": the date after the
            # lead's own verb is the event's; one before it tells what came first.
            after_verb = dates.find_event_date(self.text, lead.verb_start, min(lead.sentence.end, lead.verb_end + 40), reference)
            if after_verb:
                return self.found_date(after_verb, reference)
            spans.append(Span(dateline.end if dateline else lead.sentence.start, lead.sentence.end))
        for i in self.story:  # a paragraph's own dateline is the page's date, not the event's
            own = self.paragraph_dateline(i)
            spans.append(Span(own.end if own else self.paragraphs[i].start, self.paragraphs[i].end))
        # The lead sentence, then the first paragraphs of the story ("… earlier this week. Xi made
        # the remarks … on Thursday afternoon."), then the dateline's own day, then the rest.
        first = 1 if lead else 0
        for n, span in enumerate(spans[:first + 3]):
            if n == first and lead and VAGUE_WHEN.search(self.text, lead.sentence.start, lead.sentence.end):
                # "… in recent days": a caption showing the event dates it better than a stop
                # of the tour the next paragraphs tell.
                shown = self.event_caption(anchors, lead)
                if shown:
                    self.found["date"] = f"the date of a photo caption showing the event, {shown.value}"
                    return dates.FoundDate(shown.value, None, "caption", shown.start, shown.end)
            found = dates.find_event_date(self.text, span.start, span.end, reference)
            if found:
                return self.found_date(found, reference)
        if lead and reference is not None and reference.kind == "dateline":
            self.found["date"] = f"the dateline's day, resolved against {describe_anchor(anchor)}"
            return dates.FoundDate(reference.value, None, "dateline", dateline.start, dateline.end)
        for span in spans[first + 3:]:
            found = dates.find_event_date(self.text, span.start, span.end, reference)
            if found:
                return self.found_date(found, reference)
        shown = self.event_caption(anchors, lead)
        if shown:
            self.found["date"] = f"the date of a photo caption showing the event, {shown.value}"
            return dates.FoundDate(shown.value, None, "caption", shown.start, shown.end)
        return None

    def event_caption(self, anchors: list[dates.Anchor], lead: Lead | None) -> dates.Anchor | None:
        """A caption's date where the caption shows the event itself ("… chairs a symposium …
        in Hefei, Aug. 20, 2020"), not another stop of a tour."""
        for anchor in anchors:
            if anchor.kind == "caption":
                paragraph = next(p for p in self.paragraphs if p.start <= anchor.start < p.end)
                if self.shows_event(lead, paragraph.start, anchor.start):
                    return anchor
        return None

    def shows_event(self, lead: Lead | None, start: int, end: int) -> bool:
        """Whether a caption's words (``start``–``end``) show the event of the lead: its kind,
        and someone chairing, attending or speaking at it."""
        if lead is None or not lead.kind:
            return False
        words = self.text[start:end].lower()
        named = lead.kind.split()[-1] in words or (lead.kind != "tour" and any(  # "conference" shown as "meeting"
            k in words for k in ("meeting", "conference", "symposium", "session")))
        return named and any(
            v in words for v in ("chair", "presid", "host", "convene", "attend", "speak", "deliver", "address"))

    def fuller_kind(self, kind: str) -> str:
        """A more precise name the story's opening gives the same kind ("executive meeting")."""
        for i in self.story[:2]:
            for match in self.lexicon.event_kinds.finditer(self.text, self.paragraphs[i].start, self.paragraphs[i].end):
                named = re.sub(r"\s+", " ", match.group().lower())
                if named != kind and named.endswith(" " + kind):
                    return named
        return kind

    def story_kind(self) -> str | None:
        """Where no sentence says who held what, the first kind of event the story names ("…
        told the symposium", "at a State Council meeting")."""
        for i in self.story[:3]:  # the one the story says was chaired or held ("Wednesday's meeting was chaired by …")
            match = self.lexicon.event_held.search(self.text, self.paragraphs[i].start, self.paragraphs[i].end)
            if match:
                self.found["kind"] = f"the kind of event the story says was held or chaired, {match.group('kind')!r}"
                return re.sub(r"\s+", " ", match.group("kind").lower())
        for i in self.story[:3]:
            match = self.lexicon.event_kinds.search(self.text, self.paragraphs[i].start, self.paragraphs[i].end)
            if match:
                self.found["kind"] = f"the first kind of event the story names, {match.group()!r}"
                return re.sub(r"\s+", " ", match.group().lower())
        for i in self.story[:3]:
            if VISITED.search(self.text, self.paragraphs[i].start, self.paragraphs[i].end):
                self.found["kind"] = "the story says a place was visited"
                return "visit"
        return None

    def story_place(self) -> str | None:
        """Where the lead names no place, the place the first paragraphs of the story give
        the event ("The symposium took place in Harbin", "an inspection tour of Gansu
        province"), else the story's dateline city."""
        for i in self.story[:4]:
            span = self.paragraphs[i]
            visit = VISITED.search(self.text, span.start, span.end)
            if visit and visit.group("place").split()[0] not in self.lexicon.not_names:
                self.found["location"] = "the place the story says was visited"
                return short_place(visit.group("place"), self.lexicon)
            held = self.held_place([i])
            if held:
                return held
        dateline = self.story_dateline()
        if dateline:
            self.found["location"] = "the story's dateline"
            return dateline.place
        return None

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

    def province_named(self) -> str | None:
        """The first province or region the story names ("east China's Jiangxi Province")."""
        for i in self.story[:2]:
            span = self.paragraphs[i]
            match = PROVINCE.search(self.text, span.start, span.end)
            if match:
                self.found["location"] = "the province the story names, which the tour was of"
                return short_place(match.group("place"), self.lexicon)
        return None

    def capital_named(self, place: str, lead: Lead) -> str:
        """A province the lead names, narrowed to the city the next paragraphs say the event
        was held in ("… convened a key meeting in Heilongjiang Province", then "… the meeting
        held in the provincial capital Harbin"), else to the city of the story's dateline
        ("WUHAN - … at a conference in central China's Hubei province")."""
        for i in self.story[:3]:
            span = self.paragraphs[i]
            match = HELD_IN_CAPITAL.search(self.text, span.start, span.end)
            if match:
                self.found["location"] = "the provincial capital the story says the event was held in"
                return short_place(match.group("place"), self.lexicon)
        province = re.search(rf"\b{re.escape(place)}\s+(?:[Pp]rovince|Autonomous\s+Region)\b",
                             self.text[lead.sentence.start:lead.sentence.end])
        dateline = lead.dateline or self.story_dateline()
        touring = TOURING.search(lead.kind or "")  # a tour is of the whole province
        if province and not touring and dateline and dateline.place not in (place, "Beijing"):
            self.found["location"] = "the dateline's city, in the province the lead names"
            return dateline.place
        return place

    def headline_place(self) -> str | None:
        """Where nothing in the story or a caption says, a headline's "… Held in Beijing"."""
        for i in self.outside_story:
            span = self.paragraphs[i]
            match = HEADLINE_HELD_IN.search(self.text, span.start, span.end)
            if match and match.group("place").split()[0] not in self.lexicon.not_names:
                self.found["location"] = "where a headline says the event was held"
                return short_place(match.group("place"), self.lexicon)
        return None

    def caption_place(self, lead: Lead) -> str | None:
        """Where the lead names no place, the place of a photo caption showing the event
        ("… chairs a symposium … in Hefei, east China's Anhui Province, May 9, 2024")."""
        for i, span in enumerate(self.paragraphs):
            caption = dates.CAPTION.search(self.text, span.start, span.end) or (
                i not in self.in_story and CAPTION_VERB.match(self.text, span.start, span.end))
            if caption and self.shows_event(lead, span.start, span.end):
                match = PLACE.search(self.text, span.start, span.end)
                if match:
                    self.found["location"] = "a photo caption showing the event"
                    return short_place(match.group("place"), self.lexicon)
        return None

    def found_date(self, found, reference):
        how = f"{found.rule} {self.text[found.start:found.end].strip()!r}"
        if found.rule not in ("day month year", "month day year"):
            how += f", resolved against {describe_anchor(reference)}"
        self.found["date"] = how
        return found

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
            early = i != self.story[-1] and (i in self.story[:2] or (before_sections and "person"))
            previous = next((p.section for p in reversed(pieces) if p.section not in ("other", "attendees")), None)
            got = classify_paragraph(self.text, i, self.sentences[i], self.lexicon,
                                     is_lead=i == self.lead_paragraph, before_sections=before_sections,
                                     forced=forced, early=early, previous=previous)
            if any(p.section not in ("lead", "attendees", "other") for p in got):
                before_sections = False
            called = called or any(p.reason.startswith("the overall call") for p in got)
            pieces += got
        return pieces

    def others_said(self, pieces: list[Piece], leaders: list[Person]) -> list[Person]:
        """What another participant said ("Academician Huang Wei called for …", "At the meeting,
        Wan Exiang … spoke") tells who spoke at the event: the lead, not the leader's tasks.
        Returns the participants so found."""
        surnames = {p.name.split()[0] for p in leaders}
        found: list[Person] = []
        if not surnames:
            return found
        for piece in pieces:
            if piece.section not in ("progress", "problems", "priorities") and not piece.reason.startswith("the overall call"):
                continue
            if piece.speaker:
                other = piece.speaker not in {p.id for p in leaders}
            else:
                opening = OPENING_PHRASE.match(self.text, piece.span.start, piece.span.end)
                start = opening.end() if opening else piece.span.start
                mention = parse_mention(self.text, Span(start, min(piece.span.end, start + 80)), self.lexicon)
                other = bool(mention) and TITLE_WORDS.fullmatch(self.text, start, mention.name.start) is not None \
                    and self.quote(mention.name).split()[0] not in surnames
                if other:
                    found.append(self.person(mention))
            if other:
                piece.section, piece.reason = "lead", "what another participant said"
        return found

    def check_cut_off(self) -> None:
        if self.story and ends_cut_off(self.text, self.paragraphs[self.story[-1]]):
            last = self.paragraphs[self.story[-1]]
            self.warn("the text seems cut off: its last paragraph stops mid-sentence", last.end)


# "delivered an important speech", "made important speeches", "delivered a work report",
# "pronounced an important speech" (a machine translation): the main speech of an event.
SPEECH = re.compile(r"\b(?:(?:delivered|delivers|made|makes|gave|gives|pronounced)\s+(?:(?:a|an)\s+)?(?:important\s+)?"
                    r"(?:speech(?:es)?|address|work\s+report)|(?:addressed|addresses)\s+(?:a|an|the)\s)")
SPEECH_FIRST = re.compile(r"\s*(?:(?:In\s+)?(?:delivering|making|giving|addressing)\s+(?:(?:a|an|the)\s+)?(?:important\s+)?"
                          r"(?:speech|address|remarks)\b|Speaking\s+at\s+(?:the|a|an)\b)[^,]{0,120},\s*", re.IGNORECASE)
# Words after which "in <Place>" or "of <Place>" says where the event was.
EVENT_PLACE = re.compile(r"\b(?:(?:was|were)\s+held|took\s+place|convened|opened|symposium|meeting|conference|"
                         r"session|forum|inspection\s+tour|tour)\s+(?:[a-z]+\s+){0,3}?(?=in\s+[A-Z]|of\s+[A-Z]|to\s+[A-Z]|of\s+" + CHINAS + ")")
THE_PROVINCE = re.compile(r"\b(?:tour|inspection|visit|trip)\s+(?:of|to|in)\s+the\s+(?:province|region|autonomous\s+region)\b")
PROVINCE = re.compile(r"(?:" + CHINAS + r")?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:[Pp]rovince|Autonomous\s+Region|Uygur\s+Autonomous\s+Region))\b")
VAGUE_WHEN = re.compile(r"\b(?:in\s+recent\s+days|recently|earlier\s+this\s+week|this\s+week)\b", re.IGNORECASE)
OPENING_PHRASE = re.compile(r"(?:At|During|In)\s+(?:the|his|her)\s+[^,]{1,40},\s*")
TITLE_WORDS = re.compile(r"(?:[A-Z][\w'’-]*\s+){0,3}")
TOURING = re.compile(r"tour|inspection|visit")
CHAIRED_BY_TITLE = re.compile(r"\b(?:chaired|presided\s+over|hosted)\s+by\s+the\s+(?P<title>premier|president|vice\s+premier)\b",
                              re.IGNORECASE)
HEADLINE_HELD_IN = re.compile(r"\b(?:[Hh]eld|[Oo]pens?|[Oo]pened|[Cc]onvened|[Cc]onvenes)\s+in\s+(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
HELD_IN_CAPITAL = re.compile(r"\b(?:held|took\s+place|convened)\s+in\s+the\s+(?:provincial|regional)\s+capital"
                             r"(?:\s+city)?(?:\s+of)?\s+(?P<place>[A-Z][\w'’-]+)")
# "visited Southwest China's Tibet Autonomous Region", "inspected Tianjin", "visited … in Beijing".
VISITED = re.compile(r"\b(?:visited|inspected|toured)\s+(?:(?:[A-Za-z]+\s+){0,2}?China['’]s\s+|(?:[a-z-]+\s+){0,6}?in\s+)?"
                     r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
TOUR_OF = re.compile(r"(?:of|to)\s+(?:" + CHINAS + r")?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)(?:\s+[Pp]rovince)?")
# A photo caption's present tense ("Premier Li Keqiang presides over …", "Xi, Li and Zhao attend
# the session"): before the story, such a paragraph describes a picture.
CAPTION_VERB = re.compile(r"[^.]{0,200}?\b(?:presides|chairs|attend|attends|delivers|makes|gives|moderates|inspects|"
                          r"visits|views|tours|talks\s+with|learns\s+about|listens\s+to|meets|speaks|addresses|hosts|"
                          r"waves|greets|poses|shakes\s+hands)\b")
BROKEN_END = re.compile(r"\b(?:a|an|the|of|to|in|and|on|for|with|by|at|from|that|as|or|is|are|was|were|"
                        r"said|says|made|has|have|had|he|she|it|its|their|his)\s*$")
HEADING_END = re.compile(r"[.!?…;:,][\"'”’)\]]*\s*$")


SENTENCE_STOP = re.compile(r"[.!?][\"'”’)]*\s*$")
SMALL_WORDS = frozenset("a an the and or of to in on at for with by that as from its his her their through into "
                        "over up out upon via amid".split())
WORD_RUN = re.compile(r"[A-Za-z][\w'’-]*")


def title_case(body: str, lexicon: Lexicon) -> bool:
    """Whether a short paragraph is written in title case, as translated headlines are ("Xi
    Jinping Chairs Cybersecurity and Informatization Work Conference, Stresses that We Must
    …"): nearly every word that is neither small nor part of a Chinese name is capitalized."""
    if len(body) > 400 or SENTENCE_STOP.search(body):  # a sentence of titles ends with a stop
        return False
    words = WORD_RUN.findall(body)
    if len(words) > 40 or sum(w[0].isupper() for w in words) < 0.6 * len(words):
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS and not lexicon.is_pinyin(w)]
    # A sub-heading inside the story ends with a colon ("Focusing on Industry Advancement:").
    least = 2 if body.rstrip().endswith(":") else 5
    return len(content) >= least and sum(w[0].isupper() for w in content) >= 0.85 * len(content)


def is_heading(body: str, following: str | None = None) -> bool:
    """A headline, a sub-heading or a menu line: a few words that end no sentence ("Xi chairs
    symposium on …", "WHY THE DELTA", "Share - WeChat"). The last paragraph of a page is never
    one (a page cut off mid-sentence ends like that), nor is a sentence a page broke in two: it
    stops on a little word ("… and made an") or the next paragraph goes on in lower case."""
    if len(body.split()) > 30 or HEADING_END.search(body) is not None:
        return False
    broken = BROKEN_END.search(body) or (following is not None and following.lstrip()[:1].islower())
    return not broken


def describe_anchor(anchor) -> str:
    """How ``found`` names an anchor: "the time stamp 2023-04-28"."""
    if anchor is None:
        return "nothing"
    names = {"publication line": "the publication date", "time stamp": "the page's time stamp",
             "caption": "a photo caption's date", "dateline": "the dateline"}
    if anchor.kind == "named year":
        return f"the year the story names, {'/'.join(map(str, anchor.years))}"
    return f"{names[anchor.kind]} {anchor.value}"


def paragraph_sections(paragraphs: list[Span], statements: list[Statement]) -> list[Paragraph]:
    """Each paragraph with the section holding most of its characters (the earliest on a tie)."""
    weights: list[dict[str, int]] = [{} for _ in paragraphs]
    for s in statements:
        weight = weights[s.paragraph]
        weight[s.section] = weight.get(s.section, 0) + (s.end - s.start)
    return [Paragraph(i, p.start, p.end, max(w, key=w.get) if w else "other")
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
