"""People and their titles: the host of a lead sentence, the attendees of an attendance sentence."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .segment import Span, trimmed

NAME_WORD = r"[A-Z][a-z]+(?:-[a-z]+)?"
NAME = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}")


def slugify(text: str) -> str:
    """A URL-safe id: lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass
class Mention:
    """A person as one phrase of the text names them: name and title spans."""

    name: Span
    titles: list[Span] = field(default_factory=list)


def is_name(text: str, span: Span, lexicon: Lexicon) -> bool:
    """Whether ``span`` looks like a person's name: two or three capitalised words, none of
    them a title or a word that starts sentences."""
    words = text[span.start:span.end].split()
    return (NAME.fullmatch(text, span.start, span.end) is not None
            and not any(w in lexicon.not_names for w in words))


def split_titles(text: str, span: Span, lexicon: Lexicon) -> list[Span]:
    """Title spans in a run of titles ("General Secretary of …, President of …, and Chairman of
    …"): a new title starts after a comma or "and" where a title word begins."""
    cuts = [span.start]
    for sep in re.finditer(r",\s*(?:and\s+)?|\s+and\s+", text[:span.end]):
        if sep.start() < span.start:
            continue
        if lexicon.title_head.match(text, sep.end(), span.end):
            cuts.extend([sep.start(), sep.end()])
    cuts.append(span.end)
    titles = []
    for i in range(0, len(cuts), 2):
        piece = trimmed(text, cuts[i], cuts[i + 1])
        if piece:
            piece = strip_also(text, piece)
            titles.append(piece)
    return titles


def strip_also(text: str, span: Span) -> Span:
    match = re.match(r"also\s+", text[span.start:span.end], re.IGNORECASE)
    return Span(span.start + match.end(), span.end) if match else span


def parse_mention(text: str, span: Span, lexicon: Lexicon) -> Mention | None:
    """A person named in ``span``: "Name, titles" or "Short Title Name" (e.g. "Premier Li Qiang")."""
    span = trimmed(text, span.start, span.end)
    if span is None:
        return None
    comma = text.find(",", span.start, span.end)
    head = Span(span.start, comma) if comma != -1 else span
    head = trimmed(text, head.start, head.end) or head
    if is_name(text, head, lexicon):
        titles = []
        if comma != -1:
            rest = trimmed(text, comma + 1, span.end)
            if rest and lexicon.title_head.match(text, rest.start, rest.end):
                titles = split_titles(text, Span(rest.start, rest.end - (text[rest.end - 1] == ",")),
                                      lexicon)
        return Mention(head, titles)
    # A short title before the name: the name is the last two or three words.
    words = [Span(m.start(), m.end()) for m in re.finditer(r"\S+", text[:head.end])
             if m.start() >= head.start]
    for size in (3, 2):
        if len(words) <= size:
            continue
        name = Span(words[-size].start, head.end)
        title = Span(head.start, words[-size - 1].end)
        if is_name(text, name, lexicon) and all(
                w in lexicon.title_words for w in text[title.start:title.end].split()):
            return Mention(name, [title])
    return None


def split_people(text: str, span: Span, lexicon: Lexicon) -> list[Span]:
    """The spans of each person in a list ("A, titles, as well as B, titles"; "A; B and C"):
    a separator starts a new person only where a name follows it."""
    starts = [span.start]
    cuts = []
    for sep in lexicon.people_separator.finditer(text, span.start, span.end):
        if sep.start() == sep.end() or (cuts and sep.start() < cuts[-1][1]):
            continue
        if starts_with_person(text, sep.end(), span.end, lexicon):
            cuts.append((sep.start(), sep.end()))
    pieces, cursor = [], span.start
    for start, end in cuts:
        piece = trimmed(text, cursor, start)
        if piece:
            pieces.append(piece)
        cursor = end
    piece = trimmed(text, cursor, span.end)
    if piece:
        pieces.append(piece)
    return pieces


def starts_with_person(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a person's name (after an optional short title) begins at ``start``."""
    match = re.compile(rf"(?:(?:{NAME_WORD}|[a-z]+)\s+){{0,3}}?({NAME.pattern})(?=\s*(?:,|;|\(|$|\s+and\s|\s+as\s+well\s+as\s))").match(
        text, start, end)
    if not match:
        return False
    prefix = text[start:match.start(1)].split()
    return (is_name(text, Span(match.start(1), match.end(1)), lexicon)
            and all(w in lexicon.title_words for w in prefix))
