"""People and their titles, as the text names them: "Name, Title of …, and Title of …",
"Premier Name", "Vice Premiers Name and Name", "Name, also title of …"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import CAPITAL_CITIES, OTHER_CITIES
from .lexicon import Lexicon
from .segment import Span, trimmed

# "Xi JinPing", as a rewrite site printed it; "Chen Min'er" (a syllable after an apostrophe opens with a vowel: not "'s")
NAME_WORD = r"[A-Z][a-z]+(?:['’][aeo][a-z]*)?(?:[A-Z][a-z]+(?![A-Za-z]))?(?:-[a-z]+)?"
# A surname in capitals, as some translations print it ("CAI Qi", "LI Qiang"): one syllable (see ``is_name``).
CAPS_SURNAME = r"[A-Z]{2,6}(?=[ \t]+[A-Z][a-z])"
NAME = re.compile(rf"(?:{CAPS_SURNAME}|{NAME_WORD})(?:[ \t]+{NAME_WORD}){{1,2}}")  # a name never spans lines
WORD = re.compile(r"[\w'’-]+")
# The first letter of a word, where it is a capital: where a name may start.
CAPITAL_START = re.compile(r"(?<![\w'’-])[A-Z]")
# An honorific before a name, as Hong Kong's government prints names in English order ("Mr Alfred Sit").
HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Madam|Dr)\.?\s$")
# A surname and a hyphenated given name, as Hong Kong and Macao names are printed.
HONG_KONG_NAME = re.compile(r"[A-Z][a-z]{1,5} [A-Z][a-z]{1,5}-[a-z]{2,5}")
COMMA = re.compile(r"\s*,\s*")
NON_SPACE = re.compile(r"\S+")
TITLE_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


@dataclass
class Mention:
    """A person as one phrase names them: the name's span and the titles printed with it (as
    spans, or as text where a title was rewritten, e.g. a plural made singular)."""

    name: Span
    titles: list[Span | str] = field(default_factory=list)
    plural_title: bool = False
    meant: str | None = None  # the full name a surname printed alone stands for ("Xi" → "Xi Jinping")


CITIES = CAPITAL_CITIES | OTHER_CITIES


def is_name(text: str, span: Span, lexicon: Lexicon) -> bool:
    """Whether ``span`` is a person's name: two or three capitalised words, none of them a
    title or a word that begins sentences."""
    if NAME.fullmatch(text, span.start, span.end) is None:
        return False
    name = text[span.start:span.end]
    words = name.split()
    if name.lower() in CITIES:
        return False  # "Hong Kong", "Harbin Wuhan": cities, not people
    if any(w in lexicon.not_names for w in words) or lexicon.not_person_after.match(text, span.end):
        return False  # "Ningxia Hui Autonomous Region", "Hong Kong Special Administrative Region", "Xi Jinping Thought"
    # The surname must be pinyin; a given name may carry one stray letter, as misprints and
    # machine translations do ("Li Quiang").
    if HONG_KONG_NAME.fullmatch(name):  # "Tung Chee-hwa", "Leung Chun-ying": Cantonese spelling
        return True
    if len(words) == 2 and HONORIFIC_BEFORE.search(text, max(0, span.start - 6), span.start):
        return True  # "the Secretary for Innovation and Technology, Mr Alfred Sit": a name in English order
    if words[0].isupper() and not lexicon.is_pinyin(words[0], 1):
        return False  # "BEIJING Xinhua": a dateline, not a surname in capitals
    return name in lexicon.known_names or (lexicon.is_pinyin(words[0], 2) and all(
        lexicon.is_pinyin(w) or any(lexicon.is_pinyin(w[:i] + w[i + 1:]) for i in range(1, len(w) - 1))
        for w in words[1:]))


def find_name(text: str, span: Span, lexicon: Lexicon) -> Span | None:
    """The first name in ``span`` (three words preferred to two)."""
    for word in CAPITAL_START.finditer(text[span.start:span.end]):  # (a word may start where the span does)
        match = NAME.match(text, span.start + word.start(), span.end)
        if not match:
            continue
        words = list(NON_SPACE.finditer(match.group()))
        for size in (3, 2):
            if len(words) < size:
                continue
            candidate = Span(match.start(), match.start() + words[size - 1].end())
            if is_name(text, candidate, lexicon):
                return candidate
    return None


def split_titles(text: str, span: Span, lexicon: Lexicon) -> list[Span]:
    """Title spans in a run of titles ("General Secretary of …, President of …, and Chairman of
    …"): a new title starts after a comma or "and" where a title word begins."""
    cuts = [span.start]
    for sep in TITLE_SEPARATOR.finditer(text, span.start, span.end):
        if lexicon.title_head.match(text, sep.end(), span.end):
            cuts.extend([sep.start(), sep.end()])
    cuts.append(span.end)
    titles = []
    for i in range(0, len(cuts), 2):
        piece = trimmed(text, cuts[i], cuts[i + 1])
        verb = PREDICATE.search(text, piece.start, piece.end) if piece else None
        if piece and verb:  # "Chairman of the Central Military Commission attended the event and": the page left out a comma
            piece = trimmed(text, piece.start, verb.start())
        if piece:
            titles.append(strip_title_prefix(text, piece, lexicon))
        if verb:
            break
    return titles


# What the sentence says its subject did, where a title runs on into it without a comma.
PREDICATE = re.compile(r"\s+(?:and\s+)?(?:attended|presided|chaired|said|stressed|emphasi[sz]ed|visited|inspected|urged|called|delivered"
                       r"|pointed|noted|heads\s+the|was|were)\b")


def strip_title_prefix(text: str, span: Span, lexicon: Lexicon) -> Span:
    """A title without what is printed before it but is not part of it: "also", an article, a
    nationality ("also a member of …" → "member of …", "Chinese president" → "president")."""
    match = lexicon.title_lead_in.match(text, span.start, span.end)
    return Span(match.end(), span.end) if match and match.end() < span.end else span


ALL_OF = re.compile(r"(?:all|both)\s+(?=[a-z]+s\b)")


def titles_after(text: str, start: int, end: int, lexicon: Lexicon) -> list[Span]:
    """The titles in an aside that starts at ``start`` (after "Name, "): they run while each
    piece begins with a title word, and the last one stops at the next comma. "all" or
    "both" before a plural title ("A and B, both members of …") is not part of it."""
    both = ALL_OF.match(text, start, end)
    if both:
        start = both.end()
    head = lexicon.title_head.match(text, start, end)
    if not head:
        return []
    titles = split_titles(text, Span(start, end), lexicon)
    kept = []
    for title in titles:
        if not lexicon.title_head.match(text, title.start, title.end):
            break
        comma = text.find(",", title.start, title.end)
        if comma != -1:
            kept.append(trimmed(text, title.start, comma))
            break
        kept.append(title)
    return [t for t in kept if t]


def title_prefix(text: str, name: Span, floor: int, lexicon: Lexicon) -> tuple[Span | None, bool]:
    """The short title printed just before a name ("Vice Premier"; "Chinese President" gives
    "President"), and whether it is plural ("Vice Premiers Name and Name")."""
    start, cursor = None, name.start
    for word in reversed(list(WORD.finditer(text, floor, name.start))):
        if text[word.end():cursor].strip() or not is_title_word(word.group(), lexicon):
            break
        start = cursor = word.start()
        if word.group() in lexicon.nationalities:
            break
    words = [w for w in WORD.finditer(text, start, name.start)] if start is not None else []
    words = [w for w in words if w.group() not in lexicon.nationalities]
    if not words:
        return None, False
    last = words[-1].group()
    return Span(words[0].start(), words[-1].end()), last not in lexicon.title_words


def is_title_word(word: str, lexicon: Lexicon) -> bool:
    """A word of a short title, singular or plural, or a nationality before one."""
    parts = [part for part in word.split("-") if part]
    if len(parts) > 1:  # "Vice-Premiers", "Vice-Chairman": each part a title word
        return all(is_title_word(part, lexicon) for part in parts)
    return (word in lexicon.title_words or word in lexicon.nationalities
            or (word.endswith("s") and word[:-1] in lexicon.title_words))


def parse_mention(text: str, span: Span, lexicon: Lexicon) -> Mention | None:
    """The person a phrase names: its first name, the short title just before it, and the
    titles after it ("Name, Title of …, and Title of …")."""
    phrase = trimmed(text, span.start, span.end)
    if phrase is None:
        return None
    span = phrase
    name = find_name(text, span, lexicon)
    if name is None:
        return None
    prefix, plural = title_prefix(text, name, span.start, lexicon)
    titles: list[Span | str] = []
    if prefix:
        titles.append(singular(text[prefix.start:prefix.end]) if plural else prefix)
    rest = COMMA.match(text, name.end, span.end)
    if rest:
        titles += titles_after(text, rest.end(), span.end, lexicon)
    return Mention(name, titles, plural)


def singular(title: str) -> str:
    """"Vice Premiers" → "Vice Premier"; "members of …" → "member of …"."""
    words = title.split(" ")
    for i, word in enumerate(words):
        if word.endswith("s") and (i + 1 == len(words) or words[i + 1] == "of"):
            words[i] = word[:-1]
            break
    return " ".join(words)


def split_people(text: str, span: Span, lexicon: Lexicon) -> list[Span]:
    """The spans of each person in a list ("A, titles, as well as B, titles"; "A; B and C"):
    a separator starts a new person only where a name follows it."""
    cuts: list[tuple[int, int]] = []
    for sep in lexicon.people_separator.finditer(text, span.start, span.end):
        if sep.start() == sep.end() or (cuts and sep.start() < cuts[-1][1]):
            continue
        if starts_with_person(text, sep.end(), span.end, lexicon) or text.startswith(";", sep.start()):
            cuts.append((sep.start(), sep.end()))  # (a semicolon always ends an item: "…; and the heads of …")
    pieces, cursor = [], span.start
    for start, end in cuts + [(span.end, span.end)]:
        piece = trimmed(text, cursor, start)
        if piece:
            pieces.append(piece)
        cursor = end
    return pieces


# What may follow a name that ends one person of a list.
AFTER_NAME = re.compile(r"\s*(?:,|;|\(|$)|\s+(?:and|as\s+well\s+as|were|was|are|is|also|attended)\b|\s+of\s+(?=[A-Z])")  # ("Lei Jun of Xiaomi")


def starts_with_person(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a person's name, after at most three words of a short title, begins at ``start``
    and ends where a list item may end."""
    words: list[re.Match] = []
    for word in WORD.finditer(text, start, end):
        if len(words) == 6 or text[words[-1].end() if words else start:word.start()].strip():
            break
        words.append(word)
    for k in range(min(4, len(words))):
        # a title word before the name, or a word naming where or of what before the title
        # ("Heilongjiang Governor Lu …", "Agriculture Minister Tan …")
        if k and not is_title_word(words[k - 1].group(), lexicon) and not (k == 1 and is_title_word(words[1].group(), lexicon)):
            break
        for size in (2, 3):
            if k + size > len(words):
                break
            name = Span(words[k].start(), words[k + size - 1].end())
            if is_name(text, name, lexicon) and AFTER_NAME.match(text, name.end, end):
                return True
    return False


def mention_titles(text: str, mention: Mention) -> list[str]:
    """The titles of a mention as text, without trailing commas."""
    return [(t if isinstance(t, str) else text[t.start:t.end]).rstrip(",.; ") for t in mention.titles]
