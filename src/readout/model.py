"""The data the loader produces and the site is built from: plain dataclasses, no I/O.

``Event.to_json()`` is the data contract (``schema/event.schema.json``): ``readout parse --json``
prints it and the site's ``data/events.json`` holds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SECTIONS = ("lead", "attendees", "progress", "problems", "priorities", "conclusion", "other")

# The sections a reader browses as topics, in reading order; lead and other are not topics.
TOPICS = ("attendees", "progress", "problems", "priorities", "conclusion")

SECTION_TITLES = {
    "lead": "Lead",
    "attendees": "Attendees",
    "progress": "Progress",
    "problems": "Problems",
    "priorities": "Priorities",
    "conclusion": "Conclusion",
    "other": "Other",
}


@dataclass
class Person:
    """Someone named in a readout, with the titles printed beside the name there."""

    id: str
    name: str
    titles: list[str] = field(default_factory=list)
    as_printed: str | None = None  # the name as the text prints it, where a translation garbled it

    def to_json(self) -> dict:
        data = {"id": self.id, "name": self.name, "titles": list(self.titles)}
        if self.as_printed:
            data["as_printed"] = self.as_printed
        return data


@dataclass
class Paragraph:
    """A paragraph of the source: its 0-based index, its span, and the section most of it is in."""

    index: int
    start: int
    end: int
    section: str = "other"

    def to_json(self) -> dict:
        return {"index": self.index, "start": self.start, "end": self.end, "section": self.section}


@dataclass
class Statement:
    """One sentence (or clause) of the source, labelled with a section, tied to its exact span."""

    id: str
    section: str
    text: str
    paragraph: int
    start: int
    end: int
    speaker: str | None = None
    themes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "section": self.section,
            "text": self.text,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "themes": list(self.themes),
        }


@dataclass
class LoadWarning:
    """Something the loader could not determine or was unsure of, at a 1-based line and column."""

    message: str
    line: int | None = None
    column: int | None = None

    def to_json(self) -> dict:
        return {"message": self.message, "line": self.line, "column": self.column}


@dataclass
class Source:
    """Where an event's text came from: a path relative to the project and its digest; where
    known, the page it was published on, who published it, when, and when it was saved."""

    path: str
    sha256: str
    url: str | None = None
    published: date | None = None
    publisher: str | None = None
    retrieved: date | None = None

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "publisher": self.publisher,
            "retrieved": self.retrieved.isoformat() if self.retrieved else None,
        }


# The roles people have at an event, in the order every page and list gives them: the role's
# name (as data/people.json gives it) and the Event field holding its people.
ROLE_FIELDS = (("host", "host"), ("main_speaker", "main_speaker"), ("attendee", "attendees"), ("speaker", "speakers"))


@dataclass
class Event:
    """One meeting as read from its source text."""

    id: str
    title: str
    source: Source
    source_text: str
    date: date | None = None
    time_of_day: str | None = None
    kind: str | None = None
    location: str | None = None
    subject: str | None = None
    host: Person | None = None  # who presided or chaired
    attendees: list[Person] = field(default_factory=list)
    # Who gave the main speech while someone else presided (or when nobody is said to preside),
    # and who reported or spoke: neither the host nor attendees.
    main_speaker: Person | None = None
    speakers: list[Person] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)
    # How each extracted field was found: field name -> the rule or cue that gave it.
    found: dict[str, str] = field(default_factory=dict)
    # Themes an editor gave the whole event, and what an editor corrected by hand
    # (field names, and "s5.section"-style entries for statements).
    themes: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    # The series an editor put the event in ("" for none); None: the one the loader proposes.
    series: str | None = None
    # The editor's matches with the event before it in its series: a statement id here → the
    # statement it continues there (None: it continues none), with where the editor wrote it.
    matches: dict = field(default_factory=dict)

    def statements_in(self, section: str) -> list[Statement]:
        """The statements labelled ``section``, in source order."""
        return [s for s in self.statements if s.section == section]

    def by_role(self) -> list[tuple[str, list[Person]]]:
        """Each role (see ``ROLE_FIELDS``), in that order, with its people; empty roles included."""
        found = [(role, getattr(self, name)) for role, name in ROLE_FIELDS]
        return [(role, value if isinstance(value, list) else [value] if value else []) for role, value in found]

    def people(self) -> list[Person]:
        """Everyone the event names, each once: the host, the main speaker, the attendees and the
        speakers, in that order."""
        return [person for _, people in self.by_role() for person in people]

    def to_json(self) -> dict:
        """The event as the JSON contract describes it."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source.to_json(),
            "date": self.date.isoformat() if self.date else None,
            "time_of_day": self.time_of_day,
            "kind": self.kind,
            "location": self.location,
            "subject": self.subject,
            "host": self.host.to_json() if self.host else None,
            "main_speaker": self.main_speaker.to_json() if self.main_speaker else None,
            "attendees": [p.to_json() for p in self.attendees],
            "speakers": [p.to_json() for p in self.speakers],
            "paragraphs": [p.to_json() for p in self.paragraphs],
            "statements": [s.to_json() for s in self.statements],
            "warnings": [w.to_json() for w in self.warnings],
            "found": dict(self.found),
            "themes": list(self.themes),
            "corrected": list(self.corrected),
        }
