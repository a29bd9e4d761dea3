"""Who attended: the people an attendance sentence names, whoever presided besides the host,
and titles given elsewhere ("Xi, also general secretary of …"; "The three are members of …")."""

from __future__ import annotations

import re
from functools import lru_cache

from .classify import cue_section
from .lead import ANOTHER_EVENT, TALKS_WITH_FOLK, WHICH_BEFORE
from .lexicon import Lexicon
from .people import Mention, is_name, parse_mention, singular, split_people, titles_after
from .phrases import alternation
from .segment import Span, trimmed, up_to

ALONG_WITH = re.compile(r"[^,.;]{0,60}?(?:\b|,\s*)(?:along\s+|together\s+)?with\s+")
AND_OTHERS = re.compile(r"\s+and\s+other\s+(?:[\w-]+\s+){0,5}?(?:leaders|officials)\s*,?\s*$")
WHILE = re.compile(r"\s*(?:(?:while|when)\s+)?", re.IGNORECASE)  # "Presiding over the meeting, Li …" too
AND_THEN = re.compile(r",?\s+and\s+")
SEMICOLON = re.compile(r";\s*(?:and\s+)?")
DASH_END = re.compile(r"\s*[—–-]+\s*$")
LIST_END = re.compile(r",?\s+(?:while|whereas)\b")
CREDIT_BEFORE = re.compile(r"/\s*$")  # a photographer's name in a caption's credit


def list_after(text: str, span: Span, after: re.Match | None, before: re.Match | None,
               lexicon: Lexicon) -> tuple[re.Match | None, Span]:
    """The phrase the names follow ("… was attended by A and B") and where they stand, to the
    clause's end; (None, …) where there is none, or where it names nobody and a phrase the names
    come before stands first ("A, B and C were present at the reception, which was attended by
    about 800 guests")."""
    if after is None:
        return None, span
    people = up_to(text, after.end(), span, LIST_END)  # "…, while Wang Yang made concluding remarks"
    if before and before.start() < after.start() and parse_mention(text, people, lexicon) is None:
        return None, span
    return after, people


def attendance_mentions(text: str, span: Span, lexicon: Lexicon, floor: int | None = None,
                        role: str = "attendance", lowered: str | None = None) -> list[Mention]:
    """The people a sentence says attended (``role`` "attendance") or spoke ("speaking");
    ``floor`` is where the list may start at the earliest (after the lead's own host phrase,
    for instance)."""
    # A cheap look for the words every phrase of the role holds spares the long alternations.
    sentence = lowered if lowered is not None else text[span.start:span.end].lower()
    if not any(map(sentence.__contains__, lexicon.role_words[role])):
        return []
    before_phrases, after_phrases = lexicon.role_phrases[role]
    before = before_phrases.search(text, span.start, span.end)
    after, people = list_after(text, span, after_phrases.search(text, span.start, span.end), before, lexicon)
    if after is None:
        if before is None:
            return []
        # (A floor after the phrase is another clause's: "A and B attended the meeting, while
        # C presided over it".)
        start = floor if floor is not None and floor <= before.start() else span.start
        openers = list(lexicon.list_opener.finditer(text, start, before.start()))
        people = Span(openers[-1].end() if openers else start, before.start())
        others = AND_OTHERS.search(text, start, openers[-1].start()) if openers else None
        named = trimmed(text, start, others.start()) if others else None
        first = parse_mention(text, named, lexicon) if named else None
        if first and named and first.name.start == named.start:
            # "Xi Jinping and other Party and state leaders, including Li Qiang, …, attended":
            # the one named first is among them.
            return [first] + attendance_mentions(text, span, lexicon, openers[-1].start(), role, lowered)
        dash = DASH_END.search(text, people.start, people.end)  # "… and Wang Yong — attended"
        if dash:
            people = Span(people.start, dash.start())
    run = names_run_together(text, people, lexicon) if before and not after else []
    if run:
        return run
    mentions = []
    for piece in split_people(text, people, lexicon):
        mention = parse_mention(text, piece, lexicon)
        if mention and CREDIT_BEFORE.search(text, max(0, mention.name.start - 3), mention.name.start):
            mention = parse_mention(text, Span(mention.name.end, piece.end), lexicon)  # "(Xinhua/Wang Ye) … Wang Huning"
        if mention:
            mentions.append(mention)
            # "Premier Li Keqiang, and the other members of the Standing Committee Zhang
            # Dejiang": a name after a long title the list did not split at.
            more = AND_THEN.search(text, mention.name.end, piece.end)
            extra = parse_mention(text, Span(more.end(), piece.end), lexicon) if more else None
            if extra and extra.name.start > mention.name.end:
                mentions.append(extra)
    if before and not after and role == "attendance":
        # (with or without the one who attended along with them named in full: "Li attended
        # the meeting, along with Liu Yunshan and Vice-Premier Zhang Gaoli")
        mentions += attended_with(text, Span(before.end(), span.end), lexicon, before_phrases)
    share_plural_title(text, mentions)
    share_plural_apposition(text, mentions, lexicon)
    return mentions


def attended_with(text: str, span: Span, lexicon: Lexicon, attending: re.Pattern) -> list[Mention]:
    """The people someone attended with ("Xi Jinping attended the conference with members of
    the Standing Committee … Li Qiang, Zhao Leji, …, and Vice President Han Zheng attended",
    "… along with Li Qiang and Ding Xuexiang"), in the clause after the attendance phrase."""
    along = ALONG_WITH.match(text, span.start, span.end)
    if along is None:
        return []
    people = up_to(text, along.end(), span, attending, LIST_END)
    return [m for piece in split_people(text, people, lexicon) if (m := parse_mention(text, piece, lexicon))]


# A photo's roll of the leaders it shows, each with their place in it: "Xi Jinping (C, front),
# Li Keqiang (R4, front), … and Han Zheng (1st L, front) attend the opening meeting …".
ROLL_NAME = re.compile(r"(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){1,2})[ \t]*\((?:C|[LR]\d{0,2}|\d{1,2}(?:st|nd|rd|th)[ \t]+[LR])"
                       r"(?:,[ \t]*(?:front|back|rear))?\)")
ROLL_GAP = re.compile(r",?[ \t]*(?:and[ \t]+)?")
ROLL_END = re.compile(r"[ \t]*,?[ \t]*(?:also[ \t]+)?attend")


def caption_roll(text: str, span: Span, lexicon: Lexicon) -> list[Mention]:
    """The people of a photo's roll (``ROLL_NAME``) said to attend: two or more names one after
    the other, then "attend"; none for a caption of one leader ("Xi Jinping (C) talks with …")."""
    names = list(ROLL_NAME.finditer(text, span.start, span.end))
    if len(names) < 2 or not ROLL_END.match(text, names[-1].end(), span.end) or not all(
            ROLL_GAP.fullmatch(text, a.end(), b.start()) for a, b in zip(names, names[1:])):
        return []
    spans = [Span(m.start("name"), m.end("name")) for m in names]
    return [Mention(name) for name in spans if is_name(text, name, lexicon)]


def listed_people(text: str, span: Span, lexicon: Lexicon) -> list[Mention]:
    """A sentence that is only a list of three or more people with their titles, one a
    semicolon ("A, general secretary …; B, member of …; and C, …"): the leaders present, where
    a translation lost the verb that said so."""
    if text.count(";", span.start, span.end) < 2:
        return []
    pieces = [piece for bounds in semicolon_pieces(text, span) if (piece := trimmed(text, *bounds))]
    mentions = [m for piece in pieces if (m := parse_mention(text, piece, lexicon)) and m.name.start == piece.start]
    return mentions if len(mentions) >= 3 and len(mentions) == len(pieces) else []


def semicolon_pieces(text: str, span: Span) -> list[tuple[int, int]]:
    """The stretches of ``span`` between semicolons, an "and" after the last one left out."""
    bounds, cursor = [], span.start
    for match in SEMICOLON.finditer(text, span.start, span.end):
        bounds.append((cursor, match.start()))
        cursor = match.end()
    return bounds + [(cursor, span.end)]


def share_plural_title(text: str, mentions: list[Mention]) -> None:
    """"Vice Premiers A and B": the plural title before the first name is each one's."""
    for i, mention in enumerate(mentions):
        if mention.plural_title:
            for other in mentions[i + 1:]:
                if other.titles:
                    break
                other.titles = list(mention.titles)


NAMES_RUN = re.compile(r"(?P<run>(?:[A-Z][a-z]+[ \t]+[A-Z][a-z]+(?:-[a-z]+)?[ \t]+){2,})(?:and[ \t]+others[ \t]+)?$")


def names_run_together(text: str, people: Span, lexicon: Lexicon) -> list[Mention]:
    """Names with nothing between them right before the verb, as a Chinese headline run into
    one line prints them ("… Li Keqiang presided over Li Zhanshu Wang Huning Zhao Leji Han Zheng
    attended …", "Zhao Leji Han Zheng and others attended"): each two words one person, if
    every pair is a name."""
    run = NAMES_RUN.search(text, people.start, people.end)
    if not run:
        return []
    words = list(re.finditer(r"\S+", text[run.start("run"):run.end("run")]))
    names = [Span(run.start("run") + a.start(), run.start("run") + b.end()) for a, b in zip(words[::2], words[1::2])]
    if len(words) % 2 or not all(is_name(text, name, lexicon) for name in names):
        return []
    return [Mention(name) for name in names]


def share_plural_apposition(text: str, mentions: list[Mention], lexicon: Lexicon) -> None:
    """"A, B and C, members of the Standing Committee …": a plural title after the last name
    of a list is everyone's in it who has no title of their own."""
    if len(mentions) < 2 or not mentions[-1].titles or isinstance(mentions[-1].titles[0], str):
        return
    first = mentions[-1].titles[0]
    words = text[first.start:first.end].split()
    head = " ".join(words[:2]) if len(words) > 1 and words[1] != "of" else words[0]
    if not (head.endswith("s") and lexicon.title_head.fullmatch(head[:-1])):
        return
    title = singular(text[first.start:first.end])
    mentions[-1].titles[0] = title
    for mention in mentions[:-1]:
        if not mention.titles:
            mention.titles = [title]


def presider(text: str, span: Span, lexicon: Lexicon, headline: bool = False) -> Mention | None:
    """Who a "X presided over the meeting" (or "… was presided over by X") sentence names; a
    ``headline`` may say it in the present tense ("Li Keqiang Chairs, …")."""
    if not headline:
        sentence = text[span.start:span.end].lower()
        if not any(map(sentence.__contains__, lexicon.presiding_words)):
            return None
    verb = (lexicon.presiding_form if headline else lexicon.presiding).search(text, span.start, span.end)
    if not verb or ANOTHER_EVENT.search(text, span.start, verb.start()) or lexicon.before_event.search(text, verb.end(), span.end):
        return None  # "…, before Xi chaired …"; "presided over a meeting of … before the two-day conference"
    by = BY_AFTER.match(text, verb.end(), span.end)  # "… convened on 25 April by President Xi Jinping"
    if by:
        # Up to a bracket: "… held by the National Committee … in Beijing. (Xinhua/Pang
        # Xinglei)" names a photographer there, not who held it; up to "with": "… held by the
        # State Council with State Councilors A and B" names those who were with whoever held it.
        end = span.end - (text[span.end - 1] == ".")
        cut = [i for i in (text.find("(", by.end(), end), text.find(" with ", by.end(), end)) if i != -1]
        return parse_mention(text, Span(by.end(), min(cut, default=end)), lexicon)
    if WAS_BEFORE.search(text, max(span.start, verb.start() - 12), verb.start()) \
            or PARTICIPLE.search(text, max(span.start, verb.start() - 20), verb.start()) \
            or WHICH_BEFORE.search(text, max(span.start, verb.start() - 12), verb.start()):
        # "The conference was held from Wednesday to Friday", "… meets workers before the
        # conference held in Beijing", "…, which convened its session": by nobody the sentence names
        return None
    if WHILE.fullmatch(text, span.start, verb.start()):
        # "While presiding over the conference, Li Qiang stressed …"
        comma = text.find(",", verb.end(), span.end)
        return parse_mention(text, Span(comma + 1, span.end), lexicon) if comma != -1 else None
    clauses = list(AND_CLAUSE.finditer(text, span.start, verb.start()))
    if clauses:  # "Li, …, was invited to give a report, and Hu Wanning, …, presided over the seminar"
        second = parse_mention(text, Span(clauses[-1].end(), verb.start()), lexicon)
        if second:
            return second
    first = parse_mention(text, Span(span.start, verb.start()), lexicon)
    last = NAME_BEFORE.search(text, span.start, verb.start())
    if first and last and last.start() > first.name.end:
        name = trimmed(text, last.start(), verb.start())
        if name and is_name(text, name, lexicon):
            return Mention(name)  # "… Xi Jinping stressed at … Li Keqiang presided over …": headlines run together
    return first


def co_presiders(text: str, span: Span, chair: Mention, lexicon: Lexicon) -> list[Mention]:
    """The others a sentence says presided with ``chair``, its first name: "… presided over by
    the standing chairmen of the presidium, A, Vice Governor B, C and D" (B, C and D). Only a
    list counts: "by Li Qiang, and attended by …", "by Xi, general secretary …" and "by Li and
    Governor Wang made a speech" (another clause) list nobody."""
    if not NEXT_NAME.match(text, chair.name.end, span.end):
        return []
    pieces = split_people(text, Span(chair.name.start, up_to(text, chair.name.end, span, LIST_END).end), lexicon)
    mentions = [parse_mention(text, piece, lexicon) for piece in pieces]
    return [m for m in mentions[1:] if m]


NEXT_NAME = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=[A-Z][a-z]+\s+[A-Z][a-z])")
HE_SAID_WHILE = re.compile(r"\b(?:he|she)\s+(?:said|stressed|noted|added|told\s+[\w\s]{1,40}?)\s+(?:while|when)\s+$", re.IGNORECASE)
AND_CLAUSE = re.compile(r",\s+and\s+(?=[A-Z])")  # a clause of its own joined to the one before
BY_AFTER = re.compile(r"(?:\s+and\s+[a-z]+ed)?(?:\s+(?:on|in|at)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?\s+by\s+")  # ("hosted and convened by")
WAS_BEFORE = re.compile(r"\b(?:was|were|be|been|being|is|are)\s+$")  # (a caption's "The conference is held in …", "will be convened")
NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+[A-Z][a-z]+(?:-[a-z]+)?\s+$")
MEETING = r"\b(?:meeting|conference|symposium|session|forum|seminar|gathering)\s+"
PARTICIPLE = re.compile(rf"{MEETING}$", re.IGNORECASE)  # "a conference held here"
BY_NAME = re.compile(r"\s+by\s+((?:[A-Z][\w-]*,?\s+){0,4}[A-Z][\w-]*)")  # "… presided over by Li Qiang"
KIND_HE = re.compile(rf"{MEETING}(?:that\s+|which\s+)?(?:he|she)\s+$")  # "in a meeting he presided over"
UNAMBIGUOUS_PRESIDING = re.compile(r"presid|chair|moderat", re.IGNORECASE)
SENTENCE_START = re.compile(r"[.!?;:]\s|\n|--|—")
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“‘]|\s*$)")


def presides(text: str, name: str, lexicon: Lexicon) -> bool:
    """Whether the page says anywhere — in the story, a headline or a caption — that the person
    ``name`` presided: "Xi chairs symposium …", "Premier Li Keqiang presided over …", "… was
    presided over by Li" (not "… chaired by Liu Qibao" for Liu Yunshan: a full name is matched
    whole). The subject is the first name-like word of the clause before the verb; "held" and
    "hosted" count only with a kind of event after them."""
    surname = name.split()[0]
    for match in lexicon.presiding_form.finditer(text):
        kind = None if UNAMBIGUOUS_PRESIDING.match(match.group()) else \
            lexicon.event_kinds.search(text, match.end(), min(len(text), match.end() + 60))
        participle = PARTICIPLE.search(text, max(0, match.start() - 20), match.start())
        by = BY_NAME.match(text, match.end(), match.end() + 80)
        if not UNAMBIGUOUS_PRESIDING.match(match.group()) and not (participle and by) and (
                not kind or participle or (kind.group().lower() == "talks" and TALKS_WITH_FOLK.match(text, kind.end()))):
            # "held" with no event after it, "a conference held here", "held talks with
            # workers": nobody's act ("a meeting hosted by President Xi" is his).
            continue
        if by:
            printed = re.search(rf"\b{re.escape(surname)}(?:\s+[A-Z][\w-]*)?\b", by.group(1))
            if printed and same_person(printed.group(), name):
                return True
            continue
        starts = [m.end() for m in SENTENCE_START.finditer(text, max(0, match.start() - 300), match.start())]
        clause = text[starts[-1] if starts else max(0, match.start() - 300):match.start()]
        stop = text.find(". ", match.end())
        if ANOTHER_EVENT.search(clause) or WHICH_BEFORE.search(clause) or lexicon.before_event.search(
                text, match.end(), stop if stop != -1 else len(text)):
            continue  # "…, before Xi chaired the summit, he …"; "…, which convened its session"; "… before the two-day conference"
        if re.fullmatch(r"\s*(?:while|when|after|before)\s+", clause, re.IGNORECASE):
            # "While presiding over the symposium, Xi said …": the subject follows the clause.
            comma = text.find(",", match.end(), match.end() + 200)
            clause = text[comma + 1:comma + 80] if comma != -1 else ""
        # A full name right before the verb is its subject, in a headline run together from
        # several ("… Xi Jinping stressed at … Li Keqiang presided over …"); else the clause's
        # first name ("Xi, also general secretary …, presided over").
        if HE_SAID_WHILE.search(clause) or KIND_HE.search(clause):
            # "…, he said while presiding over a meeting", "… a success, in a meeting he presided
            # over": whoever the page named last before "he".
            named = [w for w in re.findall(r"\b[A-Z][a-z]+\b", text[max(0, match.start() - 600):match.start() - len(clause)])
                     if lexicon.may_be_name(w, 1)]
            if named and (named[-1] == surname or named[-2:] == name.split()):  # ("Luo Jian": the given name last)
                return True
        right_before = NAME_BEFORE.search(clause)
        words = [right_before.group(1)] if right_before else re.findall(r"\b[A-Z][a-z]+\b", clause)
        subject = next((w for w in words if lexicon.may_be_name(w, 2)), None)
        if subject == surname and (right_before is None or same_person(right_before.group(), name)):
            return True  # ("Liu Qibao chaired …" is not Liu Yunshan's act)
    return False


def same_person(printed: str, name: str) -> bool:
    """Whether a name printed with the surname of ``name`` means that person: the surname alone,
    or the same given name ("Liu Qibao" is not Liu Yunshan)."""
    given, full = printed.split()[1:], name.split()
    return not given or len(full) == 1 or given == full[1:]


def shared_title(text: str, span: Span, lexicon: Lexicon) -> str | None:
    """The title a "The three are members of …" sentence gives the people just named."""
    sentence = text[span.start:span.end]
    for pattern in lexicon.shared_titles:
        match = pattern.match(sentence)
        if match and lexicon.title_head.match(match.group("title")):
            return singular(match.group("title").strip())
    return None


@lru_cache(maxsize=4096)
def aside_pattern(names: tuple[str, ...]) -> re.Pattern:
    """"Name, (who is) also …" for any of ``names`` (remembered: the same names recur)."""
    return re.compile(rf"\b(?:{alternation(names, fold=False)}),\s+(?:who\s+is\s+)?(?=also\s)")


def aside_titles(text: str, span: Span, names: list[str], lexicon: Lexicon) -> list[str]:
    """Titles in a lower-case aside after one of ``names``: "Xi, also general secretary of …"."""
    if "also" not in text[span.start:span.end]:  # most paragraphs hold no aside at all
        return []
    match = aside_pattern(tuple(names)).search(text, span.start, span.end)
    if not match:
        return []
    # The aside ends with its sentence: "…, also a member of the commission." gives no full stop,
    # and "…, also head of the group. Han presided over …" nothing of the next sentence.
    stop = SENTENCE_END.search(text, match.end(), span.end)
    titles = titles_after(text, match.end(), stop.start() if stop else span.end, lexicon)
    return [text[t.start:t.end] for t in (trimmed(text, t.start, t.end) for t in titles) if t]


# What a cut may leave after the last name of a list: the start of a title or of another name
# ("all membe", "Cai Q", "was a"), a few words and no verb of what someone did.
CUT_SHORT = re.compile(r"(?:(?![\w'’.-]*ed\b)[\w'’.-]+[\s,]*){1,4}")


def cut_list(text: str, span: Span, lexicon: Lexicon) -> list[Mention] | None:
    """The people of a sentence the page cuts off that opens the way a list of who attended
    does: people with titles ("Li Qiang, member of the Standing Committee …, Cai Qi, member
    of the Poli") or a group of officials ("Comrades in charge of all provinces, …", nobody
    by name); None for any other sentence. A title the cut runs through is left out."""
    if cue_section(text[span.start:span.end], lexicon)[0] not in (None, "attendees"):
        return None  # it says something: "Members of the Political Bureau should take an exemplary role, …"
    if lexicon.attending_groups.match(text, span.start, span.end):
        return []
    if lexicon.speech_verbs.search(text, span.start, span.end):
        return None
    mentions: list[Mention] = []
    pieces = split_people(text, span, lexicon)
    for piece in pieces:
        mention = parse_mention(text, piece, lexicon)
        cut = piece is pieces[-1]  # the piece the page's cut runs through: "…, Cai Q", "…, all membe"
        if mention is None:
            if cut and mentions:
                break
            return None
        printed = [mention.name] + [t for t in mention.titles if not isinstance(t, str)]  # titles before or after
        rest = text[max(p.end for p in printed):piece.end].strip(" ,;")
        if rest and not (cut and CUT_SHORT.fullmatch(rest)):
            return None  # not a name with its titles only: "Cao Guowei, CEO of Sina, suggested that …"
        mentions.append(mention)
        if len(mentions) == 1 and min(p.start for p in printed) != span.start:
            return None  # the list opens the sentence ("Vice Premier Liu Yandong and Vice Premier Wang Yang, …")
    if not mentions or not (mentions[0].titles or len(mentions) > 1):
        return None  # (several names alone are a list too: "Li Keqiang, Wang Huning and Han Zheng, all membe")
    last = mentions[-1]
    if last.titles and not isinstance(last.titles[-1], str) and last.titles[-1].end >= span.end:
        last.titles = last.titles[:-1]
        if len(mentions) == 1 and not last.titles:
            return None  # one name and a title cut short says nothing yet: "Xi Jinping, general secretary of the Commun"
    return mentions
