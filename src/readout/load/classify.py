"""Which section each sentence belongs to, and who said it."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .segment import Span


def cue_section(sentence: str, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """The section whose cue phrases weigh most in ``sentence``, and its first cue; the
    earliest cue breaks a tie. (None, None) when no cue is present."""
    best = None
    for section, cues in lexicon.section_cues.items():
        score, first, first_cue = 0, len(sentence), None
        for pattern, weight in cues:
            match = pattern.search(sentence)
            if match:
                score += weight
                if match.start() < first:
                    first, first_cue = match.start(), match.group()
        if score and (best is None or (score, -first) > (best[0], -best[1])):
            best = (score, first, section, first_cue)
    return (best[2], best[3]) if best else (None, None)


def classify_paragraph(text: str, sentences: list[Span], lexicon: Lexicon,
                       is_lead: bool) -> list[tuple[str, str]]:
    """A (section, reason) for each sentence of one paragraph. In the lead paragraph every
    sentence is lead unless it names attendees; a conclusion cue makes the rest of its paragraph
    conclusion; a sentence without a cue continues the one before it."""
    labels: list[tuple[str, str]] = []
    closing = False
    for span in sentences:
        sentence = text[span.start:span.end]
        section, cue = cue_section(sentence, lexicon)
        if section == "attendees":
            labels.append((section, f"cue {cue!r}"))
            continue
        if is_lead:
            labels.append(("lead", "lead paragraph"))
        elif closing:
            labels.append(("conclusion", "follows a conclusion cue in its paragraph"))
        elif section:
            closing = section == "conclusion"
            labels.append((section, f"cue {cue!r}"))
        elif labels:
            labels.append((labels[-1][0], "no cue; continues the sentence before"))
        else:
            labels.append(("other", "no cue"))
    return labels


class Speakers:
    """Resolves who a sentence is attributed to: a name, a surname ("Xi"), or a pronoun meaning
    the last person named."""

    def __init__(self, people, lexicon: Lexicon, default: str | None):
        self.lexicon = lexicon
        names = {}
        for person in people:
            names[person.name] = person.id
            names.setdefault(person.name.split()[0], person.id)
        self.names = names
        ordered = sorted(names, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b") if ordered else None
        self.last = default

    def speaker_of(self, sentence: str) -> str | None:
        """The id of the person the sentence's first verb of saying belongs to, if any."""
        verb = self.lexicon.speech_verbs.search(sentence)
        named = list(self.pattern.finditer(sentence)) if self.pattern else []
        if verb is None:
            if named:
                self.last = self.names[named[0].group()]
            return None
        before = sentence[:verb.start()]
        candidates = [(m.start(), self.names[m.group()]) for m in named if m.start() < verb.start()]
        candidates += [(m.start(), self.last) for m in self.lexicon.pronouns.finditer(before)]
        candidates = [c for c in candidates if c[1]]
        if not candidates:
            return None
        speaker = max(candidates)[1]
        self.last = speaker
        return speaker
