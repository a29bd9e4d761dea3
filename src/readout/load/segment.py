"""Source text → header, paragraphs and sentences, each as a span into the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .lexicon import Lexicon

# A line break is LF, CRLF or a lone CR (old Mac files); a blank line is two of them.
BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t\f\v]*(?:\r\n|\r(?!\n)|\n)\s*")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A candidate sentence end: terminal punctuation, closing quotes or brackets, then white space.
# The end of a sentence: a stop before white space; on a page that runs a stop into the next
# sentence ("… a new chapter.Construction of …": a word in lower case, the stop, a capitalised
# word), as careless pages and translations do, that too.
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)")
SENTENCE_END_GLUED = re.compile(SENTENCE_END.pattern + r"|(?<=[a-z)\]\s])[.!?]+[\"'”’]?(?=[A-Z][a-z])")
GLUED = re.compile(r"[.!?][\"'”’]?[A-Z][a-z]")  # a quick look; SENTENCE_END_GLUED decides
# What may begin the next sentence: a capital, a digit, or an opening quote.
SENTENCE_START = re.compile(r"\s+(?=[\"'“‘]?[A-Z0-9])")
DOTTED_CAPITALS = re.compile(r"(?:[A-Z]\.)+")
# What opens an item of a list: a bullet, or a number ("1. ", "2, ", "(3) ").
BULLET = r"[•▪■◆●·*]"
NUMBER_MARK = r"\(?\d{1,2}\s*[.),、]\)?"
# A link's label a page sets after a sentence ("….[Special coverage]"): the sentence is finished.
LINK_LABEL = r"(?:\s*\[[^\]\n]{1,40}\])?"
TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*" + LINK_LABEL + "$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Header:
    """What a scraped page's first line says: its publication date, and where the story starts."""

    published: date | None
    body_start: int


def parse_header(text: str, lexicon: Lexicon) -> Header:
    """The ``date YYYY-MM-DD`` publication line, if the text starts with one."""
    match = lexicon.header_date.match(text)
    if not match:
        return Header(None, 0)
    try:
        published = date.fromisoformat(match.group(1))
    except ValueError:
        return Header(None, 0)
    end = match.end()
    while end < len(text) and text[end].isspace():
        end += 1
    if BLANK_LINE.search(text, match.end(), end):
        return Header(published, 0)  # a block of its own: a paragraph of the page, as any stamp is
    return Header(published, end)


def trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding white space, or None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def up_to(text: str, start: int, sentence: Span, *stops: re.Pattern) -> Span:
    """From ``start`` to where the first of ``stops`` that is found after it begins, else to the
    end of ``sentence`` without its closing stop: a list or a clause to its end."""
    end = sentence.end - (1 if text[sentence.end - 1] in ".!?" else 0)
    return Span(start, next((m.start() for stop in stops if (m := stop.search(text, start, end))), end))


def is_hard_wrapped(lines: list[str]) -> bool:
    """Whether single line breaks are soft (text wrapped at a fixed width), not paragraph ends:
    most lines that run on into another stop mid-sentence and the next line goes on with it
    (a lower-case word, or the line ends in a comma or hyphen). A page copied off the web keeps
    one item a line — a headline, a time stamp, the story — which never reads on like that."""
    running = [(a, b) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(running) < 2:
        return False
    wrapped = [a for a, b in running
               if len(a.strip()) >= 40 and not TERMINAL.search(a.rstrip())
               and (b.lstrip()[:1].islower() or a.rstrip()[-1:] in ",-;")]
    return len(wrapped) >= 0.6 * len(running)


CONTINUATION = re.compile(r"[ \t]*(?:[,;)\]]|[a-z])")


def goes_on(text: str, start: int, end: int, following: int) -> bool:
    """Whether the line after a single line break goes on with the sentence before it: that line
    did not finish a sentence and the next opens with a comma or a lower-case word."""
    before = text[start:end].rstrip()
    return bool(before) and not TERMINAL.search(before) and CONTINUATION.match(text, following) is not None


def split_paragraphs(text: str, start: int = 0) -> list[Span]:
    """Paragraph spans from ``start``. Every line is a paragraph — pages copied off the web keep
    one paragraph a line, with or without blank lines between — unless the text is wrapped at a
    fixed width, when only blank lines separate paragraphs."""
    lines = LINE_BREAK.split(text[start:])
    separator = BLANK_LINE if is_hard_wrapped(lines) else LINE_BREAK
    spans, cursor = [], start
    for match in separator.finditer(text, start):
        if separator is LINE_BREAK and goes_on(text, cursor, match.start(), match.end()):
            continue  # a sentence the page broke in two ("Li Keqiang\n, Liu Yunshan\nand Zhang Gaoli")
        span = trimmed(text, cursor, match.start())
        if span:
            spans.append(span)
        cursor = match.end()
    span = trimmed(text, cursor, len(text))
    if span:
        spans.append(span)
    return spans


def split_sentences(text: str, span: Span, lexicon: Lexicon) -> list[Span]:
    """Sentence spans within a paragraph span. A full stop after an abbreviation ("Aug.",
    "U.S."), an initial ("J."), or inside a number does not end a sentence."""
    sentences, cursor = [], span.start
    ends = SENTENCE_END_GLUED if GLUED.search(text, span.start, span.end) else SENTENCE_END
    for match in ends.finditer(text, span.start, span.end):
        glued = match.end() < span.end and not text[match.end()].isspace()
        follow = SENTENCE_START.match(text, match.end(), span.end)
        if not (glued or follow) or is_abbreviation(text, cursor, match, lexicon):
            continue
        piece = trimmed(text, cursor, match.end())
        if piece:
            sentences.append(piece)
        cursor = match.end() if glued or follow is None else follow.end()
    piece = trimmed(text, cursor, span.end)
    if piece:
        sentences.append(piece)
    if "Photo" in text[span.start:span.end]:
        sentences = [part for piece in sentences for part in without_credit(text, piece)]
    return sentences


# "Photo by Xinhua News Agency reporter Ding Haitao Li Keqiang presided over …": a picture's
# credit run into the next sentence (the photographer's name is two words).
CREDIT = re.compile(r"(?:Photo(?:graph)?|Photographed)\s+by\s+(?:[A-Z][\w'’-]*\s+){0,5}?(?:reporter|correspondent|photographer)\s+"
                    r"[A-Z][a-z]+\s+[A-Z][a-z]+\s+(?=[A-Z])")


def without_credit(text: str, piece: Span) -> list[Span]:
    """``piece``, cut after a photo's credit that runs into it."""
    for match in CREDIT.finditer(text, piece.start, piece.end):
        before, after = trimmed(text, piece.start, match.end()), trimmed(text, match.end(), piece.end)
        if before and after:
            return [before, after]
    return [piece]


def is_abbreviation(text: str, floor: int, end: re.Match, lexicon: Lexicon) -> bool:
    """Whether the full stop that ``end`` matched belongs to an abbreviation or an initial."""
    if end.group().rstrip("\"'”’)]") != ".":
        return False
    word_start = end.start()
    while word_start > floor and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:end.start() + 1].lstrip("\"'“‘([")
    if word.lower() in lexicon.abbreviations:
        return True
    # A single capital letter ("J.") is an initial; dotted capitals ("U.S.") an acronym.
    return bool(DOTTED_CAPITALS.fullmatch(word))


def ends_cut_off(text: str, span: Span) -> bool:
    """Whether a paragraph stops without ending its sentence (a page cut off mid-word)."""
    return TERMINAL.search(text[span.start:span.end]) is None
