"""Who the lead means by a surname alone ("Xi made the remarks …", "… chaired by Li"): the
subject of the lead's verb, and the full name the page prints for it. A mixin of ``Reader``."""

from __future__ import annotations

import re

from . import dates
from .lead import OPENING_PARTICIPLE, REPORTERS
from .people import Mention, is_name, parse_mention
from .reading import Reading
from .segment import Span

# "While presiding over a meeting of …, Xi, head of the group, acknowledged …": the subject
# follows the clause, as after "Addressing …,".
WHILE_BEFORE = re.compile(r"\s*(?:While|When)\s+")


class NameReading(Reading):
    """Reading the full name of a host the lead names by surname."""

    def earlier_full_name(self, lead: Span, verb_start: int, paragraph: int) -> Mention | None:
        """Where the lead names its host by surname alone ("Xi made the remarks …", "… a
        meeting chaired by Li"), the full name the page prints for that surname: the story's
        last mention before the lead, else the first anywhere on the page (a headline or a
        caption: "Chinese President Xi Jinping …")."""
        passive = re.match(r"[^.]*?\b(?:chaired|presided\s+over|hosted|convened)\s+by\s+(?:[A-Z]\w+\s+){0,2}?([A-Z][a-z]+)\b",
                           self.text[verb_start:lead.end])
        if passive:  # "… presided over by Xi Jinping, general secretary of …": named in full
            named = parse_mention(self.text, Span(verb_start + passive.start(1), lead.end), self.lexicon)
            if named:
                return named
        surname = passive.group(1) if passive else self.subject_surname(lead, verb_start)
        if surname is None or not self.lexicon.may_be_name(surname, 2):
            return None
        if self.lexicon.pronouns.fullmatch(surname):  # "He was in Wuzhishan City …, and inspected …": the leader, not He Lifeng
            return None
        full = self.full_name(surname, lead, paragraph)
        meant = next((n for n in self.lexicon.data.get("lone_surnames", ()) if n.split()[0] == surname), None)
        alone = re.search(rf"\b{surname}\b", self.text[lead.start:verb_start]) if meant and full is None else None
        # A surname the page never prints in full, which only one leader has ("Xi convened …").
        return Mention(Span(lead.start + alone.start(), lead.start + alone.end()), meant=meant) if alone else full

    def subject_surname(self, lead: Span, verb_start: int) -> str | None:
        """The surname that is the subject of the lead's verb: right before it ("After …, Xi
        held a symposium"), else the first word that may be one ("President Xi, also …, made
        the remarks"); after the clause where the sentence opens with one ("Addressing a
        plenary meeting …, Li said")."""
        own = dates.match_dateline(self.text, lead.start, verb_start, self.lexicon.is_pinyin)
        credits = list(REPORTERS.finditer(self.text, own.end if own else lead.start, verb_start))  # "(reporter/Chen Yize) …"
        region = self.text[credits[-1].end() if credits else own.end if own else lead.start:verb_start]
        comma = self.text.find(",", verb_start, lead.end)
        opening = OPENING_PARTICIPLE.match(self.text, verb_start) or WHILE_BEFORE.fullmatch(region) or not region.strip()
        if opening and comma != -1:
            # "Speaking at a symposium in Shijiazhuang, Hebei province, Xi, who is also …, said",
            # "During his inspection of … in Jinzhou City, Xi was briefed …": the first surname
            # after a comma.
            # A title may come first: "Chairing a symposium on Wednesday, President Xi highlighted …".
            runs = (m.group().split() for m in re.finditer(r"(?<=,)\s*(?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+\b", self.text[verb_start:lead.end]))
            after = (next((w for w in run if w not in self.lexicon.not_names), "") for run in runs)
            region = next((w for w in after if w and self.lexicon.is_pinyin(w, 1)), "")
        last = re.search(r"\b([A-Z][a-z]+)\W*$", region)
        words = ([last] if last else []) + list(re.finditer(r"\b([A-Z][a-z]+)\b", region))
        # A surname is one syllable far more often than two ("Beijing" is a place).
        first = next((w for most in (1, 2) for w in words if self.lexicon.may_be_name(w.group(1), most)), words[0] if words else None)
        return first.group(1) if first else None

    def full_name(self, surname: str, lead: Span, paragraph: int) -> Mention | None:
        """Where the page prints ``surname`` in full: the story's last mention before the lead
        (with the titles printed beside it), else the nearest name of that surname before the
        lead, else the first after it."""
        for i in self.story:
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
