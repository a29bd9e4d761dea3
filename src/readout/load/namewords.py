"""The part of the loader's vocabulary that tells people from other capitalised words: titles,
bodies a title names, pinyin syllables, names known and words that never are one. A base of
``Lexicon`` (``lexicon.py``); every pattern here is compiled once per lexicon, as there."""

from __future__ import annotations

import re
from functools import cached_property

from .phrases import alternation


class NameVocabulary:
    """Titles, bodies and names, from ``self.data`` (``lexicon.yml``)."""

    data: dict

    @cached_property
    def title_head(self) -> re.Pattern:
        """Matches at the start of a title ("Premier of …", "also premier of …")."""
        ordered = sorted(set(self.data["title_heads"]), key=len, reverse=True)
        body = "|".join(re.escape(t) for t in ordered)
        nations = "|".join(re.escape(n) for n in self.data["nationalities"])
        return re.compile(rf"(?:also\s+)?(?:(?:a|an|the)\s+)?(?:(?:{nations})\s+)?(?:{body})(?![\w-])",
                          re.IGNORECASE)

    @cached_property
    def title_lead_in(self) -> re.Pattern:
        """What may stand before a title without being part of it: "(who is) also", an article,
        a nationality ("also a member of …", "Chinese president")."""
        nations = "|".join(re.escape(n) for n in self.data["nationalities"])
        return re.compile(rf"(?:(?:who\s+is\s+)?also\s+)?(?:(?:a|an|the)\s+)?(?:(?:{nations})\s+)?", re.IGNORECASE)

    @cached_property
    def title_words(self) -> frozenset[str]:
        words = set()
        for title in self.data["title_heads"] + self.data["title_adjectives"]:
            words.update(title.replace("-", " ").split())
        return frozenset(words)

    @cached_property
    def not_person_after(self) -> re.Pattern:
        """What follows a proper name that is not a person's: a place's noun ("… Autonomous
        Region", "… County") or a doctrine's ("Xi Jinping Thought")."""
        nouns = self.data["place_nouns"] + self.data["doctrine_nouns"]
        return re.compile(rf"[ \t]+(?:{alternation(nouns, fold=False)})\b")

    @cached_property
    def organizations(self) -> list[tuple[re.Pattern, str]]:
        """(pattern, canonical name) for each body a title may name."""
        found = []
        for entry in self.data.get("organizations", []):
            aliases = sorted({entry["name"], *entry.get("aliases", [])}, key=len, reverse=True)
            # "People's" and "People’s": pages print either apostrophe.
            escaped = (re.escape(a).replace("'", "['’]") for a in aliases)
            found.append((re.compile(r"(?<![\w-])(?:" + "|".join(escaped) + r")(?![\w-])",
                                     re.IGNORECASE), entry["name"]))
        return found

    @cached_property
    def any_organization(self) -> re.Pattern:
        """Any body's name the lexicon knows, in one pattern: the organizations', and the
        names bodies of every level share (``body_names``: "the Municipal Commission for
        Discipline Inspection")."""
        shared = [re.escape(name) for name in self.data.get("body_names", [])]
        return re.compile("|".join([f"(?:{pattern.pattern})" for pattern, _ in self.organizations] + shared) or "(?!)",
                          re.IGNORECASE)

    def organizations_in(self, title: str) -> list[str]:
        """The canonical names of the bodies a title names, in the order of the lexicon
        (remembered per title: an archive prints the same titles again and again)."""
        if title not in self.bodies_by_title:
            self.bodies_by_title[title] = [name for pattern, name in self.organizations if pattern.search(title)]
        return list(self.bodies_by_title[title])

    @cached_property
    def bodies_by_title(self) -> dict[str, list[str]]:
        return {}

    @cached_property
    def nationalities(self) -> frozenset[str]:
        return frozenset(self.data["nationalities"])

    @cached_property
    def pinyin(self) -> frozenset[str]:
        return frozenset(str(self.data["pinyin_syllables"]).split())

    @cached_property
    def known_names(self) -> frozenset[str]:
        return frozenset(self.data["known_names"])

    @cached_property
    def pinyin_memo(self) -> dict:
        return {}

    def may_be_name(self, word: str, most: int = 3) -> bool:
        """Whether ``word`` may be (part of) a person's name: one to ``most`` pinyin syllables,
        and no word the lexicon says is never one (a title, a nationality, "Premier")."""
        return word not in self.not_names and self.is_pinyin(word, most)

    def is_pinyin(self, word: str, most: int = 3) -> bool:
        """Whether ``word`` is one to ``most`` pinyin syllables ("Jinping", "Ouyang"; "Xi-an"
        counts its parts): names readouts print are, page furniture mostly is not.
        Remembered: the same few names recur in every readout."""
        key = (word, most)
        known = self.pinyin_memo.get(key)
        if known is None:
            known = self.pinyin_memo[key] = self.segments_into_pinyin(word, most)
        return known

    def segments_into_pinyin(self, word: str, most: int) -> bool:
        letters = word.lower().replace("ü", "v").replace("-", "").replace("'", "").replace("’", "")
        ends = {0: 0}  # position -> fewest syllables to reach it
        for i in range(len(letters)):
            if i not in ends or ends[i] >= most:
                continue
            for size in range(1, 7):
                if letters[i:i + size] in self.pinyin and i + size <= len(letters):
                    ends[i + size] = min(ends.get(i + size, most + 1), ends[i] + 1)
        return len(letters) in ends and bool(letters)

    @cached_property
    def not_names(self) -> frozenset[str]:
        plurals = {w + "s" for w in self.title_words}
        return frozenset(self.data["not_names"]) | self.title_words | plurals | self.nationalities
