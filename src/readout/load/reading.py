"""What every stage of reading one text shares: the text, the lexicon, the paragraphs and
sentences, the story's extent, and what has been found so far; with the queries each stage asks
of them (a paragraph's dateline, whether a paragraph opens the story). ``Reader`` fills it in,
stage by stage; the mixins that read roles, dates and places read it."""

from __future__ import annotations

import re

from ..errors import line_column
from ..model import LoadWarning
from . import dates
from .lexicon import Lexicon
from .page import CAPTION_VERB
from .segment import Span, ends_cut_off

PROPER_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")


class Reading:
    """The state of one pass over one text."""

    text: str
    path: str
    lexicon: Lexicon
    warnings: list[LoadWarning]
    found: dict[str, str]  # field → how it was found, for ``Event.found``
    paragraphs: list[Span]
    sentences: list[list[Span]]  # of each paragraph (a noise paragraph is one)
    noise: set[int]  # paragraphs that are page furniture or repeats
    headings: set[int]  # paragraphs that are headlines or sub-headlines
    story: list[int]  # the paragraphs of the story, in order
    in_story: set[int]
    outside_story: list[int]
    lead_paragraph: int | None
    host_sentence: Span  # where a later sentence says who held the event (set by ``later_host``)
    forced: dict[int, tuple[str, str]]  # sentence start → (section, why): what reading the people settled
    datelines: dict[int, dates.Dateline | None]  # worked out once a paragraph
    openers: dict[int, bool]
    captions: dict[int, bool]

    def warn(self, message: str, offset: int | None = None) -> None:
        line, column = line_column(self.text, offset) if offset is not None else (None, None)
        self.warnings.append(LoadWarning(message, line, column))

    def quote(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def paragraph_dateline(self, index: int) -> dates.Dateline | None:
        """The dateline a paragraph opens with, if any (worked out once a paragraph)."""
        if index not in self.datelines:
            span = self.paragraphs[index]
            self.datelines[index] = dates.match_dateline(self.text, span.start, span.end, self.lexicon.is_pinyin)
        return self.datelines[index]

    def caption_at(self, index: int) -> bool:
        """Whether a paragraph carries a photo's caption or credit (worked out once a paragraph)."""
        if index not in self.captions:
            span = self.paragraphs[index]
            self.captions[index] = dates.is_caption(self.text, span.start, span.end)
        return self.captions[index]

    def dateline_at(self, index: int) -> bool:
        return self.paragraph_dateline(index) is not None

    def opens_story(self, index: int) -> bool:
        """Whether a paragraph before the lead sentence is already story (a summary lead, often
        after a dateline), not a headline: it is a finished sentence of some length."""
        if index not in self.openers:
            self.openers[index] = self.reads_as_opening(index)
        return self.openers[index]

    def reads_as_opening(self, index: int) -> bool:
        if self.dateline_at(index):
            return True
        span = self.paragraphs[index]
        # A photo caption ("… chairs a symposium in Hefei, Aug. 20, 2020. (Xinhua/…)") or a time
        # stamp is a finished sentence of some length too, but page furniture.
        return (span.end - span.start >= 60 and not ends_cut_off(self.text, span)
                and not self.caption_at(index)
                and not dates.full_dates(self.text, span.start, span.end)
                and not CAPTION_VERB.match(self.text, span.start, span.end))

    def in_organization(self, start: int, end: int) -> bool:
        """Whether ``start``–``end`` lies within a body's name the lexicon knows ("…
        Consultative Conference" in "the National Committee of the Chinese People's Political
        Consultative Conference"): a kind of event there is not the event's kind."""
        if not self.text[start:end].istitle() or not PROPER_BEFORE.search(self.text, max(0, start - 40), start):
            return False  # a kind in lower case, or not after a capitalised word, is no part of a name
        line = Span(self.text.rfind("\n", 0, start) + 1, max(self.text.find("\n", end), end))
        return any(m.start() <= start and end <= m.end()
                   for m in self.lexicon.any_organization.finditer(self.text, line.start, line.end))

    def story_dateline(self) -> dates.Dateline | None:
        """The dateline at the start of the first paragraph of the story, if any."""
        for i in self.story:
            if self.opens_story(i):
                return self.paragraph_dateline(i)
        return None
