"""Source text → ``Event``. Pure functions over text; ``read_source`` is the only I/O here.

The stages, in order: the header line (publication date), paragraphs, sentences, noise, the lead
sentence (host, kind, place, subject, date), attendees, sections sentence by sentence, speakers.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import Location, ReadoutError, line_column
from ..model import Event, LoadWarning, Paragraph, Person, Source, Statement
from . import dates
from .classify import Speakers, classify_paragraph
from .lexicon import Lexicon, default_lexicon
from .people import Mention, parse_mention, slugify, split_people
from .segment import Span, parse_header, split_paragraphs, split_sentences, trimmed

__all__ = ["parse_source", "read_source", "decode_source", "default_lexicon", "Lexicon", "slugify"]

DATELINE = re.compile(r"(?P<place>[A-Z][A-Z .'-]+[A-Z]),\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*\([^)]*\)\s*[-–—]+\s*")
PLACE = re.compile(r"\bin\s+(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")


def decode_source(data: bytes, path: str) -> str:
    """The text of a source file: UTF-8, a leading BOM dropped; an error names the bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = line_column(data[:error.start].decode("utf-8", "replace"), error.start)
        raise ReadoutError(
            f"not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start}",
            Location(path, line, column),
            "save the readout as UTF-8 (most editors offer it under 'Save as… / Encoding')",
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_source(path: Path, root: Path | None = None, lexicon: Lexicon | None = None) -> Event:
    """Read and parse one source file; its path in the event is relative to ``root``."""
    shown = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    return parse_source(decode_source(path.read_bytes(), shown), shown, lexicon)


def parse_source(text: str, path: str = "<string>", lexicon: Lexicon | None = None) -> Event:
    """Read one readout's text into an ``Event``: every statement tied to its span of ``text``."""
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

    # The stages ---------------------------------------------------------------------------

    def event(self) -> Event:
        text, lexicon = self.text, self.lexicon
        header = parse_header(text, lexicon)
        if header.published:
            self.found["published"] = "the page's ' date' line"
        paragraphs = split_paragraphs(text, header.body_start)
        if not paragraphs:
            self.warn("the source has no text after its header", header.body_start)
        sentences = [split_sentences(text, p, lexicon) for p in paragraphs]
        noise = self.noise_paragraphs(paragraphs)
        lead_at = self.find_lead(paragraphs, sentences, noise)

        host, kind, place, subject, when = None, None, None, None, None
        if lead_at is not None:
            lead = sentences[lead_at[0]][lead_at[1]]
            host, kind, place, subject = self.read_lead(lead)
        story = [i for i in range(len(paragraphs)) if i not in noise]
        when = self.read_date(paragraphs, story, lead_at, sentences, header.published)
        attendees = self.read_attendees(paragraphs, sentences, story, host)

        labelled = self.label(paragraphs, sentences, noise, lead_at)
        people = ([host] if host else []) + attendees
        speakers = Speakers(people, lexicon, host.id if host else None)
        statements = []
        for (index, span, section) in labelled:
            sentence = self.quote(span)
            speaker = speakers.speaker_of(sentence) if section != "other" else None
            statements.append(Statement(f"s{len(statements) + 1}", section, sentence, index,
                                        span.start, span.end, speaker))
        paragraph_models = [
            Paragraph(i, p.start, p.end, majority_section(p, [s for s in statements if s.paragraph == i]))
            for i, p in enumerate(paragraphs)
        ]
        event_date, time_of_day = (when.value, when.time_of_day) if when else (None, None)
        if time_of_day is None and lead_at is not None:
            lead = sentences[lead_at[0]][lead_at[1]]
            time_of_day = dates.find_time_of_day(text, lead.start, lead.end)
        title = make_title(kind, place, subject)
        return Event(
            id=make_id(self.path, event_date, kind, subject, place),
            title=title,
            source=Source(path=self.path, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                          published=header.published),
            source_text=text,
            date=event_date,
            time_of_day=time_of_day,
            kind=kind,
            location=place,
            subject=subject,
            host=host,
            attendees=attendees,
            paragraphs=paragraph_models,
            statements=statements,
            warnings=self.warnings,
            found=self.found,
        )

    def noise_paragraphs(self, paragraphs: list[Span]) -> set[int]:
        """Paragraphs that are not part of the story: page furniture and repeats."""
        noise, seen = set(), set()
        for i, span in enumerate(paragraphs):
            body = self.quote(span)
            if any(p.fullmatch(body) for p in self.lexicon.noise) or body in seen:
                noise.add(i)
            seen.add(body)
        return noise

    def find_lead(self, paragraphs, sentences, noise) -> tuple[int, int] | None:
        """(paragraph, sentence) of the first sentence saying someone held an event."""
        for i in range(len(paragraphs)):
            if i in noise:
                continue
            for j, span in enumerate(sentences[i]):
                sentence = self.quote(span)
                verb = self.lexicon.host_verbs.search(sentence)
                if verb and self.lexicon.event_kinds.search(sentence, verb.end()):
                    self.found["lead"] = f"first sentence with a host verb ({verb.group()!r}) and a kind of event"
                    return i, j
        first = next((i for i in range(len(paragraphs)) if i not in noise), None)
        if first is not None:
            self.warn("no sentence says who held the event; the first paragraph is taken as the lead",
                      paragraphs[first].start)
            self.found["lead"] = "first paragraph (no host sentence found)"
            return first, 0
        return None

    def read_lead(self, lead: Span):
        """Host, kind, place and subject from the lead sentence."""
        text, lexicon = self.text, self.lexicon
        verb = lexicon.host_verbs.search(text, lead.start, lead.end)
        host = kind = place = subject = None
        if verb is None:
            return host, kind, place, subject
        body_start = lead.start
        dateline = DATELINE.match(text, lead.start, lead.end)
        if dateline:
            body_start = dateline.end()
        mention = parse_mention(text, Span(body_start, verb.start()), lexicon)
        if mention:
            host = self.person(mention)
            self.found["host"] = f"subject of {verb.group()!r} in the lead sentence"
        else:
            self.warn("the lead sentence does not name who held the event", body_start)
        kind_match = lexicon.event_kinds.search(text, verb.end(), lead.end)
        if kind_match:
            kind = kind_match.group().lower()
            self.found["kind"] = f"{kind_match.group()!r} after {verb.group()!r}"
            after_kind = kind_match.end()
            place_match = PLACE.match(text, after_kind + 1, lead.end) if text[after_kind:after_kind + 1] == " " else None
            if place_match:
                place = place_match.group("place")
                self.found["location"] = "'in …' after the kind of event"
            cue = next((c for c in lexicon.subject_cues.finditer(text, after_kind, lead.end)
                        if not dates.names_a_time(text, c.end(), lead.end)), None)
            if cue:
                end = lead.end - (1 if text[lead.end - 1] in ".!?" else 0)
                piece = trimmed(text, cue.end(), end)
                if piece:
                    subject = self.quote(piece)
                    self.found["subject"] = f"after {cue.group()!r} in the lead sentence"
        if place is None and dateline:
            place = dateline.group("place").title()
            self.found["location"] = "the dateline"
        if kind is None:
            self.warn("could not tell what kind of event this was", verb.start())
        if place is None:
            self.warn("could not tell where the event took place", lead.start)
        return host, kind, place, subject

    def read_date(self, paragraphs, story, lead_at, sentences, published):
        """The event date: first in the lead sentence, then the lead paragraph, then the story."""
        spans = []
        if lead_at is not None:
            spans.append(sentences[lead_at[0]][lead_at[1]])
            spans.append(paragraphs[lead_at[0]])
        spans += [paragraphs[i] for i in story]
        for span in spans:
            found = dates.find_event_date(self.text, span.start, span.end, published)
            if found:
                self.found["date"] = f"{found.rule} {self.text[found.start:found.end].strip()!r}" + (
                    f", resolved against the publication date {published}" if published else "")
                return found
        self.warn("no event date found in the text", paragraphs[story[0]].start if story else 0)
        return None

    def read_attendees(self, paragraphs, sentences, story, host) -> list[Person]:
        """Everyone an attendance sentence names, the host excluded, in order of mention."""
        attendees: list[Person] = []
        seen = {host.id} if host else set()
        for i in story:
            for span in sentences[i]:
                for mention in self.attendance_mentions(span):
                    person = self.person(mention)
                    if person.id not in seen:
                        seen.add(person.id)
                        attendees.append(person)
                        self.found.setdefault("attendees", "names in attendance sentences")
        return attendees

    def attendance_mentions(self, span: Span) -> list[Mention]:
        text, lexicon = self.text, self.lexicon
        before = lexicon.attendance_before.search(text, span.start, span.end)
        after = lexicon.attendance_after.search(text, span.start, span.end)
        if after:
            end = span.end - (1 if text[span.end - 1] in ".!?" else 0)
            people = Span(after.end(), end)
        elif before:
            people = Span(span.start, before.start())
        else:
            return []
        mentions = []
        for piece in split_people(text, people, lexicon):
            mention = parse_mention(text, piece, lexicon)
            if mention:
                mentions.append(mention)
        return mentions

    def person(self, mention: Mention) -> Person:
        name = self.quote(mention.name)
        titles = [self.quote(t).rstrip(",") for t in mention.titles]
        return Person(slugify(name), name, titles)

    def label(self, paragraphs, sentences, noise, lead_at):
        """(paragraph, span, section) for every sentence of the text, in order."""
        labelled = []
        lead_paragraph = lead_at[0] if lead_at else None
        for i, span in enumerate(paragraphs):
            if i in noise or (lead_paragraph is not None and i < lead_paragraph):
                labelled += [(i, s, "other") for s in sentences[i]]
                continue
            labels = classify_paragraph(self.text, sentences[i], self.lexicon, i == lead_paragraph)
            labelled += [(i, s, section) for s, (section, _) in zip(sentences[i], labels)]
        return labelled


def majority_section(paragraph: Span, statements: list[Statement]) -> str:
    """The section holding most of the paragraph's characters (earliest wins a tie)."""
    weight: dict[str, int] = {}
    for s in statements:
        weight[s.section] = weight.get(s.section, 0) + (s.end - s.start)
    return max(weight, key=weight.get) if weight else "other"


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
