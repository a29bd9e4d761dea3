"""Which section each sentence (or clause) belongs to, and who said it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from .lead import ACCOMPANIED_BY
from .lexicon import TOKEN, Lexicon
from .people import find_name, is_name
from .segment import BULLET, NUMBER_MARK, Span, trimmed

STRONG = 3  # a cue this heavy ends the lead paragraph's run of lead sentences
CALL = re.compile(r"\b(?:called\s+for|calls\s+for|calling\s+for|called\s+on|urged|urging|(?:stressed|emphasized|underlined|highlighted)\s+(?!the\b)[a-z]+ing\b|the\s+need\s+to|(?:the\s+)?imperative\s+to|"
                  r"(?<!about\s)(?<!\bon\s)efforts\s+to|it\s+is\s+(?:important|necessary|imperative|essential|crucial|vital)\s+to|will\s+be\s+to|"
                  r"(?:premise|key|aim|goal|task|purpose|core)\s+(?:[\w-]+\s+){0,6}?is\s+to\b|"
                  r"(?:should|must)(?!\s+(?:see|be\s+(?:soberly\s+)?aware|recogni[sz]e|realize|note|be\s+submitted|be\s+sent|be\s+referred)\b))\b")


def call_in(text: str, span: Span) -> re.Match | None:
    """A call to act in the sentence ``span`` ("called for", "must", "the need to"), found in
    the lowered sentence (twice as fast as a case-insensitive search): its positions count from
    the sentence's start."""
    return CALL.search(text[span.start:span.end].lower())


# A sentence whose subject is a person ("He", "Xi", "The president", "At the symposium, he"),
# not the meeting ("The meeting called for …", "It urged …").
HOST_SUBJECT = re.compile(r"(?:(?:At|During|In|While|Moreover|Furthermore|Also)\b[^,]{0,60},\s*)?"
                          r"(?!(?:It|This|That|They|These|Those)\s)(?:[Hh]e|[Ss]he|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[Tt]he\s+(?:[Cc]hinese\s+)?(?:[Pp]resident|[Pp]remier))\s+"
                          r"(?:also\s+|further\s+)?[a-z]+ed\b")
# "urged officials to …", "asked Gansu to …": an instruction to someone is one of the tasks.
DIRECTED = re.compile(r"\b(?:urged|asked|called\s+on|instructed|required)\s+(?!efforts\b)(?:[\w'’-]+\s+){1,4}?to\s")
RELATIVE_ATTENDED = re.compile(r",\s*(?:which|that)\s+(?:(?:also|was|were)\s+){1,2}attended\b|\bwho\s+(?:also\s+|had\s+)?attended\b"
                               r"|\b(?:at|during)\s+(?:a|an|the)\s+(?:[\w-]+\s+){1,4}?attended\s+by\b",  # "At a workshop attended by …, Li said"
                               re.IGNORECASE)
SPOKEN = ("progress", "problems", "priorities", "conclusion")


@dataclass
class Piece:
    """A statement-to-be: a sentence or clause, its section, and why."""

    paragraph: int
    span: Span
    section: str
    reason: str
    speaker: str | None = None
    has_speech_verb: bool = False


def cue_section(sentence: str, lexicon: Lexicon, skip: str | None = None) -> tuple[str | None, str | None, int]:
    """The section whose cue phrases weigh most in ``sentence`` (each phrase counted once), its
    earliest cue and its score; the earliest cue breaks a tie. (None, None, 0) without a cue."""
    words = TOKEN.findall(sentence.lower())
    index = lexicon.section_cues
    seen: set[tuple[str, ...]] = set()
    scores: dict[str, list] = {}  # section → [score, first word's position, first cue]
    after = 0  # the words of a set phrase ("progress while ensuring stability") are no cue
    for i in [i for i, word in enumerate(words) if word in index]:  # most words start no cue
        if i < after:
            continue
        for phrase, section, weight in index[words[i]]:
            if section == skip or phrase in seen or (len(phrase) > 1 and tuple(words[i:i + len(phrase)]) != phrase):
                continue
            if section == "none":
                after = i + len(phrase)
                break
            seen.add(phrase)
            entry = scores.setdefault(section, [0, i, " ".join(phrase)])
            entry[0] += weight
    if not scores:
        return None, None, 0
    section, (score, _, cue) = max(scores.items(), key=lambda item: (item[1][0], -item[1][1]))
    return section, cue, score


def split_clauses(text: str, span: Span, lexicon: Lexicon) -> list[tuple[Span, str, str | None]] | None:
    """Two clauses of one sentence with cues of different sections ("… made progress, but …
    still faces …"), each with its section and cue; None when the sentence is one statement."""
    for cut in lexicon.clause_break.finditer(text, span.start, span.end):
        left, right = trimmed(text, span.start, cut.start()), trimmed(text, cut.end(), span.end)
        if not left or not right:
            continue
        left_section, left_cue, _ = cue_section(text[left.start:left.end], lexicon)
        right_section, right_cue, _ = cue_section(text[right.start:right.end], lexicon)
        if left_section and right_section and left_section != right_section \
                and "attendees" not in (left_section, right_section):
            return [(left, left_section, left_cue), (right, right_section, right_cue)]
    return None


def classify_paragraph(text: str, index: int, sentences: list[Span], lexicon: Lexicon, *,
                       is_lead: bool, before_sections: bool,
                       forced: dict[int, tuple[str, str]], early: bool | Literal["person"] = False,
                       previous: str | None = None) -> list[Piece]:
    """The pieces of one paragraph. Sentences in ``forced`` (by start offset) have their section
    already. In the lead paragraph sentences are lead until a strong cue of progress, problems
    or a conclusion (the host's calls there are his general message, not the tasks); before any other
    section has begun, a sentence without a cue is lead too, and so is a call ("Xi called for
    …") in one of the story's first two paragraphs (``early``): the overall call, not one of the
    tasks. A conclusion cue makes the rest of its paragraph conclusion; a sentence without a
    cue continues the one before it, and so does a paragraph opening with reported words (a
    quotation, "…, he said") or cut off, once the story's sections have begun (``previous``, the
    section the story was in)."""
    pieces: list[Piece] = []
    closing, leading = False, is_lead or before_sections
    for span in sentences:
        if span.start in forced:
            pieces.append(Piece(index, span, *forced[span.start]))
            continue
        section, cue, score, narrative = sentence_cue(text, span, lexicon, pieces[-1].section if pieces else previous)
        if narrative:
            pieces.append(Piece(index, span, "lead", narrative))
            continue
        if section == "attendees":
            pieces.append(Piece(index, span, section, f"cue {cue!r}"))
        elif closing:
            pieces.append(Piece(index, span, "conclusion", "follows a conclusion cue in its paragraph"))
        elif leading and ((section is None and (is_lead or not pieces)) or (is_lead and (score < STRONG or section == "priorities"))):
            pieces.append(Piece(index, span, "lead", "lead paragraph" if is_lead else "no cue before any topic"))
        elif early and before_sections and section == "priorities" and cue in lexicon.overall_calls \
                and not any(p.section in SPOKEN for p in pieces) \
                and (early != "person" or (HOST_SUBJECT.match(text, span.start, span.end)
                                           and not DIRECTED.search(text, span.start, span.end))):
            pieces.append(Piece(index, span, "lead", f"the overall call ({cue!r}) before any progress or problems"))
        elif section:
            leading = False
            closing = section == "conclusion"
            clauses = split_clauses(text, span, lexicon)
            if clauses:
                pieces += [Piece(index, s, sec, f"cue {c!r} in one clause of a sentence") for s, sec, c in clauses]
            else:
                pieces.append(Piece(index, span, section, f"cue {cue!r}"))
        elif pieces:
            pieces.append(Piece(index, span, pieces[-1].section, "no cue; continues the sentence before"))
        elif previous in SPOKEN and not before_sections and reported(text, span, lexicon) \
                and not lexicon.at_a_stop.match(text, span.start, span.end):
            pieces.append(Piece(index, span, previous, "no cue; reported words go on with the section before"))
        else:
            pieces.append(Piece(index, span, "lead", "no cue: narrative of the story"))
    return pieces


def sentence_cue(text: str, span: Span, lexicon: Lexicon, before: str | None) -> tuple[str | None, str | None, int, str | None]:
    """The section a sentence's cues point to, its cue and score, read in context: an
    attendance phrase in a relative clause is not the point ("During the symposium, which was
    also attended by …, Xi commended …"); a call before the achievements it names sets a task
    ("Xi called for summarizing the achievements …"); an item of a list goes on with the list
    (``before``, the section of the sentence before). The last value, where it is not None,
    says why the sentence tells what someone did (the narrative, the lead) whatever its cues."""
    section, cue, score = cue_section(text[span.start:span.end], lexicon)
    aside = text.find(",", span.start, min(span.end, span.start + 100)) \
        if section == "attendees" and ACCOMPANIED_BY.match(text, span.start, span.end) else -1
    if section == "attendees" and (RELATIVE_ATTENDED.search(text, span.start, span.end)
                                   or (aside != -1 and find_name(text, Span(span.start, aside), lexicon) is None)):
        # "…, which was also attended by …" is an aside; so is "Accompanied by provincial
        # leaders, Premier Li visited …", which names nobody as attending.
        section, cue, score = cue_section(text[span.start:span.end], lexicon, skip="attendees")
    lowered = text[span.start:span.end].lower()  # positions below count from the sentence's start
    call = CALL.search(lowered)
    if section in ("progress", "problems") and call and cue:
        told = lowered.find(cue)
        if told != -1 and call.start() < told:
            section, cue = "priorities", call.group()
    if section == "priorities" and cue in ("called on", "calls on") and called_on_someone(text, span, lexicon):
        return section, cue, score, "a visit ('called on' a person): the story's narrative"
    agenda = AGENDA.search(lowered) if section in ("progress", "problems") else None
    if agenda and cue and agenda.start() < lowered.find(cue.split()[0]):
        # "The congress will review the Party's work over the past five years", "to sum up the
        # achievements": what a meeting is to look back on, its agenda, not progress told.
        return section, cue, score, "the agenda: what the meeting is to review"
    decided = (WILL_BE_DONE.search(text, span.start, span.end) or MUST_BE.search(text, span.start, span.end)) \
        if section == "progress" else None
    if decided:
        # "Faster progress will be made in …", "Greater support will be provided to speed up
        # recovery", "The achievements should be further consolidated": a measure decided or
        # required, not progress made.
        section, cue = "priorities", decided.group()
    if section == "priorities":
        section, cue = listed(text, span, lexicon, before) or (section, cue)
    elif (section is None or score <= 1) and (item := list_item(text, span, before)):  # ("steady" weighs less)
        section, cue, score = item, "an item of a list", 2
    elif section is None and (imperative := lexicon.imperative.match(text, span.start, span.end)):
        section, cue, score = "priorities", imperative.group().strip(), 2  # "Adhere to practical work, …"
    if section in ("progress", "problems", "priorities", None) and not call and (
            lexicon.narrative.match(text, span.start, span.end) or lexicon.business.match(text, span.start, span.end)):
        return section, cue, score, "tells what someone did: the story's narrative"
    return section, cue, score, None


CALLED_ON = re.compile(r"\bcall(?:ed|s|ing)\s+on\s+(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+)")


def called_on_someone(text: str, span: Span, lexicon: Lexicon) -> bool:
    """Whether "called on" is a visit to a person ("Xi called on Sun Guanfa, a villager, at his
    home"), not a call on people to act ("called on officials to …")."""
    match = CALLED_ON.search(text, span.start, span.end)
    return bool(match and is_name(text, Span(match.start("name"), match.end("name")), lexicon))


def listed(text: str, span: Span, lexicon: Lexicon, before: str | None) -> tuple[str, str] | None:
    """(section, cue) of an item of a list that goes on telling progress or problems ("Historic
    achievements have been made. First, it has created …"): a sentence whose only cue of the
    tasks is the word opening it; None for any other sentence."""
    opener = lexicon.enumeration.match(text, span.start, span.end)
    if before not in ("progress", "problems") or not opener:
        return None
    rest, cue, _ = cue_section(text[opener.end():span.end], lexicon)
    if rest not in (None, before):
        return None
    return before, cue or "a list going on with the " + before


AGENDA = re.compile(  # read in the lowered sentence
    r"\b(?:will|to|would)\s+(?:\w+ly\s+)?(?:review|sum\s+up|summari[sz]e|study|hear)\b")
# (Not in a relative clause: "… results last year, which should be valued" tells the results.)
MUST_BE = re.compile(r"(?<!\bwhich\s)(?<!\bthat\s)\b(?:should|must)\s+(?:also\s+|further\s+)?be\b")
WILL_BE_DONE = re.compile(r"\bwill\s+be\s+(?:further\s+|fully\s+|greatly\s+)?(?:[a-z]+ed|made|given|taken|built|set\s+up|drawn\s+up)\b")
# An item of a list: "1. lower …", "2, lay …", "(3) open …", "• implemented …", or a line in
# lower case ("expanding the middle-income group", the page having dropped the bullets).
ITEM = re.compile(rf"\s*(?:(?P<number>{NUMBER_MARK}\s+)?(?(number)|{BULLET}\s*)(?P<word>[A-Za-z][\w'’-]*)|(?P<low>[a-z][\w'’-]*))")


def list_item(text: str, span: Span, before: str | None) -> str | None:
    """The section of an item of a list that names no cue of its own: what was done ("•
    implemented the decisions …") is progress; what is to be done ("1. lower the price …",
    "expanding the middle-income group") is one of the measures the meeting set out, and so
    is a numbered item; another ("• kept to the rules") goes on with the list (``before``)."""
    match = ITEM.match(text, span.start, span.end)
    if match is None or (match.group("low") and not after_colon(text, span.start)):
        return None
    word = (match.group("word") or match.group("low")).lower()
    if word.endswith(("ed", "ing")):
        return "progress" if word.endswith("ed") else "priorities"
    return before if before in ("progress", "priorities") and not match.group("number") else "priorities"


def after_colon(text: str, start: int) -> bool:
    """Whether the line in lower case at ``start`` follows "… include:" or another such line
    (an item of a list whose bullets the page dropped), not a sentence the page broke in two
    ("… should be fully aware of …,\n\nseize the opportunities …")."""
    before = text[:start].rstrip()
    while before and not before.endswith(":"):
        line = before[before.rfind("\n") + 1:]
        if not line[:1].islower() or line[-1] in ",.;":
            return False
        before = before[:len(before) - len(line)].rstrip()
    return bool(before)


QUOTE_OPEN = re.compile(r"\s*[\"“‘']")
FRAGMENT_END = re.compile(r"[\w,]\s*$")


def reported(text: str, span: Span, lexicon: Lexicon) -> bool:
    """Whether a sentence reports someone's words: a quotation, a verb of saying, or a sentence
    the page cut off ("He said a")."""
    return bool(QUOTE_OPEN.match(text, span.start, span.end) or lexicon.speech_verbs.search(text, span.start, span.end)
                or (span.end == len(text.rstrip()) and FRAGMENT_END.search(text, span.start, span.end)))


class Speakers:
    """Who a statement is attributed to: a name or surname before its verb of saying ("Xi
    said", "Li Qiang stressed"), or a pronoun meaning the last person named."""

    def __init__(self, people, lexicon: Lexicon, default: str | None):
        self.lexicon = lexicon
        names = {}
        for person in people:
            names[person.name] = person.id
            surname = person.name.split()[0]
            # A surname that is also a pronoun ("He" Lifeng) would take every "he" for him.
            if not lexicon.pronouns.fullmatch(surname):
                names.setdefault(surname, person.id)
        self.names = names
        # A surname several people share ("Liu" for Liu Yunshan, Liu Qibao and Liu Yandong)
        # means the one of them the story spoke of last (not one of a list of who attended).
        self.surname_of = {person.id: person.name.split()[0] for person in people}
        counts = Counter(self.surname_of.values())
        self.recent = {surname: names[surname] for surname, n in counts.items() if n > 1 and surname in names}
        ordered = sorted(names, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b") if ordered else None
        self.last = default

    def who(self, named: str) -> str:
        """The id a name or surname as printed means."""
        return self.recent.get(named) or self.names[named]

    def about(self, person: str | None) -> None:
        """``person`` is whom the story speaks of now ("he", a shared surname)."""
        self.last = person
        if person and self.surname_of.get(person) in self.recent:
            self.recent[self.surname_of[person]] = person

    def attribute(self, text: str, piece: Piece) -> None:
        """Set ``piece.speaker`` (and ``has_speech_verb``) from its own words."""
        sentence = text[piece.span.start:piece.span.end]
        verb = self.lexicon.speech_verbs.search(sentence)
        named = list(self.pattern.finditer(sentence)) if self.pattern else []
        if verb is None:
            # The person a sentence is about, not one named in its object ("He commended the
            # work, noting advances under the leadership … with Xi at its core" is still his).
            people = {self.who(m.group()) for m in named}
            if len(people) == 1 and piece.section != "attendees" and not self.lexicon.pronouns.match(sentence):
                self.about(people.pop())  # (a sentence naming several, a list or a photo's roll, says nothing of "he")
            return
        piece.has_speech_verb = True
        before = sentence[:verb.start()]
        candidates: list[tuple[int, str | None]] = [(m.start(), self.who(m.group())) for m in named if m.start() < verb.start()]
        candidates += [(m.start(), self.last) for m in self.lexicon.pronouns.finditer(before)]
        candidates = [c for c in candidates if c[1]]
        if not candidates and self.pattern:
            # "…," said Li, adding that …
            after = self.pattern.match(sentence, verb.end() + 1) if sentence[verb.end():verb.end() + 1] == " " else None
            if after:
                candidates = [(after.start(), self.who(after.group()))]
        if candidates:
            piece.speaker = max(candidates)[1]
            self.about(piece.speaker)


def attribute_speakers(text: str, pieces: list[Piece], speakers: Speakers) -> None:
    """Attribute every piece; a statement of what was said with no verb of saying of its own
    ("First, the region must …") takes the speaker of the nearest piece of its paragraph that
    has one ("Second, …, Xi said."), the later one on a tie."""
    for piece in pieces:
        if piece.section != "other":
            speakers.attribute(text, piece)
    start = 0
    while start < len(pieces):
        end = start
        while end < len(pieces) and pieces[end].paragraph == pieces[start].paragraph:
            end += 1
        voiced = [i for i in range(start, end) if pieces[i].has_speech_verb]
        if voiced:
            for i in range(start, end):
                piece = pieces[i]
                if not piece.has_speech_verb and piece.section in SPOKEN:
                    nearest = min(voiced, key=lambda j: (abs(j - i), j < i))
                    piece.speaker = pieces[nearest].speaker
        start = end


def outside_voices(text: str, pieces: list[Piece], lexicon: Lexicon, participants: set[str]) -> None:
    """Mark as page matter (``other``) the paragraphs in which a wire story quotes outside
    voices after the event ("Jia Qingguo, a professor … at Peking University, said …";
    "However, analysts said …"), and the paragraphs that go on quoting them ("'…,' Niu
    said."). Someone the story names as taking part (``participants``, by surname), or
    speaking at the event ("said at the symposium"), is no outside voice."""
    by_paragraph: dict[int, list[Piece]] = {}
    for piece in pieces:
        by_paragraph.setdefault(piece.paragraph, []).append(piece)
    voices: set[str] = set()
    for group in by_paragraph.values():
        first = group[0]
        if first.section == "other":
            continue
        voice = lexicon.outside_voice.match(text, first.span.start, first.span.end)
        sentence = text[first.span.start:first.span.end]
        name = voice and (voice.group("name") or voice.group("quoted"))
        if name and name.split()[0] in participants:
            voice = None
        if voice and not lexicon.at_the_event.search(text, first.span.start, first.span.end):
            if name:
                voices.add(name.split()[0])
        elif not (voices and re.search(rf"\b(?:{'|'.join(map(re.escape, voices))})\s+(?:said|added|noted)\b", sentence)):
            continue
        for piece in group:
            piece.section, piece.reason = "other", "an outside voice (a scholar or analyst quoted on the event), not the event"
