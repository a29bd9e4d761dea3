"""The shapes of a page around a story: headlines and sub-headings, captions, lines in another
script, a broadcast's opening — what the loader keeps out of the story."""

from __future__ import annotations

import re

from .dates import CREDIT_OPEN
from .lexicon import Lexicon
from .segment import BULLET, LINK_LABEL, NUMBER_MARK

# A photo caption's present tense ("Premier Li Keqiang presides over …", "Xi, Li and Zhao attend
# the session"): before the story, such a paragraph describes a picture.
CAPTION_VERB = re.compile(r"[^.]{0,200}?\b(?:presides|chairs|attend|attends|delivers|makes|gives|moderates|inspects|"
                          r"visits|views|tours|talks\s+with|learns\s+about|listens\s+to|meets|speaks|addresses|hosts|"
                          r"waves|greets|poses|shakes\s+hands|looks\s+at|checks|examines|chats\s+with|interacts\s+with|"
                          r"communicates\s+with|watches|observes|hears|plants|applauds)\b")
# A caption without a date: a name, the caption's present tense of what the picture shows at the
# event, a full stop ("Guo Shengkun speaks at the meeting.", "Guo shakes hands with deputies.");
# not "President Wen visits a hospital in Xining.", which a rewrite may open its story with.
SHORT_CAPTION = re.compile(r"\s*(?:[A-Z][\w'’-]+\s+){1,3}(?:(?:speaks|presides|chairs|addresses|attends)\s+(?:over\s+|at\s+)?the\s+"
                           r"(?:[\w-]+\s+){0,2}(?:meeting|session|symposium|conference|ceremony|forum|gathering|discussion)"
                           r"|shakes\s+hands\s+with\b[^.!?]{0,60})\.\s*")
BROKEN_END = re.compile(r"\b(?:a|an|the|of|to|in|and|on|for|with|by|at|from|that|as|or|is|are|was|were|"
                        r"said|says|made|has|have|had|he|she|it|its|their|his)\s*$")
HEADING_END = re.compile(r"[.!?…;:,。！？][\"'”’)\]]*" + LINK_LABEL + r"\s*$")
LIST_ITEM = re.compile(rf"\s*(?:{BULLET}|{NUMBER_MARK})\s*[a-z]")  # "• implemented …", "2, promote …"
SENTENCE_STOP = re.compile(r"[.!?][\"'”’)]*\s*$")
SMALL_WORDS = frozenset(["a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "that", "as", "from", "its", "his", "her", "their", "through", "into", "over", "up", "out", "upon", "via", "amid"])
WORD_RUN = re.compile(r"[A-Za-z][\w'’-]*")
# A line in another script ("作者 admin", "中文 | App"): an English readout's page furniture.
OTHER_SCRIPT = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
# "CCTV news (news broadcast): …": a broadcast transcript's opening, which starts the story as
# a dateline would (it names no place).
BROADCAST_OPENER = re.compile(r"(?:CCTV|China\s+Central\s+Television|CNR)(?:\s+news)?\s*(?:\([^)]{0,40}\))?\s*:", re.IGNORECASE)


def title_case(body: str, lexicon: Lexicon) -> bool:
    """Whether a short paragraph is written in title case, as translated headlines are ("Xi
    Jinping Chairs Cybersecurity and Informatization Work Conference, Stresses that We Must
    …"): nearly every word that is neither small nor part of a Chinese name is capitalized."""
    if len(body) > 400 or (SENTENCE_STOP.search(body) and "," in body):  # a sentence of titles ends with a stop
        return False  # (a headline may end with one too: "Yuan Jiajun Attended the Fourth Exchange Meeting …")
    words = WORD_RUN.findall(body)
    if len(words) > 40 or sum(w[0].isupper() for w in words) < 0.6 * len(words):
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS and not lexicon.is_pinyin(w)
               and w not in ("st", "nd", "rd", "th")]  # the end of "12th"
    # A sub-heading inside the story ends with a colon ("Focusing on Industry Advancement:").
    least = 2 if body.rstrip().endswith(":") else 4
    return len(content) >= least and sum(w[0].isupper() for w in content) >= 0.85 * len(content)


def is_heading(body: str, following: str | None = None, most_words: int = 30) -> bool:
    """A headline, a sub-heading or a menu line: a few words that end no sentence ("Xi chairs
    symposium on …", "WHY THE DELTA", "Share - WeChat"). The last paragraph of a page is never
    one (a page cut off mid-sentence ends like that), nor is a sentence a page broke in two: it
    stops on a little word ("… and made an") or the next paragraph goes on in lower case."""
    if len(body.split()) > most_words or HEADING_END.search(body) is not None or LIST_ITEM.match(body):
        return False  # (a list's item goes on a sentence: "• implemented the decisions of …")
    broken = BROKEN_END.search(body) or (following is not None and following.lstrip()[:1].islower())
    return not broken


INNER_STOP = re.compile(r"[.!?。！？][\"'”’)]*\s+[A-Z]")


def long_heading(body: str, following: str) -> bool:
    """Before the story, a headline of up to sixty words, as translated ones run ("Li Keqiang
    presided over the executive meeting of the State Council to deploy … property"): one
    sentence without a stop, and no photo's caption ("Premier Li … speaks at …")."""
    return is_heading(body, following, 60) and not INNER_STOP.search(body) and not CAPTION_VERB.match(body)


# A caption's closing date: "…, Hunan Province, March 18, 2024.", "…, 18 March 2024", "… on February 22.".
DATE_AT_END = re.compile(r"(?:,\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+),?\s+\d{4}"
                         r"|\s+on\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)(?:,?\s+\d{4})?)\s*[.)\]]?\s*$")


def uncredited_caption(body: str) -> bool:
    """A photo's caption the page printed without its credit: one sentence in the caption's
    present tense ending with the picture's date ("President Xi talks with teachers … in
    Changsha, Hunan Province, March 18, 2024.", "Wang inspects a farm park on February 22.")."""
    if len(body) < 120 and SHORT_CAPTION.fullmatch(body):
        return True  # "Guo Shengkun speaks at the meeting.", "Guo shakes hands with Yunnan deputies."
    if not body.rstrip().rstrip(".)]").rstrip()[-1:].isdigit():
        return False  # (most paragraphs: no date at the end, and no long pattern tried)
    date_at_end = DATE_AT_END.search(body)
    if date_at_end and not date_at_end.group().rstrip(".)] ")[-4:].isdigit() and len(body) > 160:
        return False  # a day without its year closes short captions only, not "…, which is set to open on March 3."
    return bool(CAPTION_VERB.match(body) and date_at_end and not INNER_STOP.search(body))


# A photo's credit: "(Xinhua/Li Xiang)", "(AP Photo/Ng Han Guan)".
CREDIT = re.compile(CREDIT_OPEN + r"[^)\n]{1,60}\)", re.I)


def caption_end(text: str, start: int, end: int) -> int | None:
    """Where the first photo credit between ``start`` and ``end`` ends ("… (Xinhua/Li Xiang)")."""
    credit = CREDIT.search(text, start, end)
    return credit.end() if credit else None
