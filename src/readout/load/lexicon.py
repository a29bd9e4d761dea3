"""The loader's vocabulary (``lexicon.yml``), compiled once into regular expressions."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from ..yamlnodes import compose, value
from .namewords import NameVocabulary
from .phrases import CHINAS, alternation, phrase_pattern, required_words

LIST_KEYS = (
    "abbreviations", "host_verbs", "inspection_verbs", "host_patterns", "place_suffixes", "presiding_verbs", "event_kinds",
    "subject_cues", "title_heads", "title_adjectives", "nationalities", "not_names",
    "people_separators", "list_openers", "shared_titles", "speech_verbs", "pronouns",
    "clause_breaks", "noise", "organizations", "known_names", "presiding_forms", "overall_calls",
    "narrative_verbs", "business_verbs", "imperatives", "enumerations", "attending_groups", "place_nouns",
    "doctrine_nouns", "news_sources", "stop_places", "lone_surnames", "venues", "venue_halls", "body_names", "too_wide_places",
)


# "made the remarks on Tuesday, 23 July 2013, at a conference": a date between verb and event.
WHEN_PHRASE = r"on\s+[A-Z][a-z]+day,?\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}),?\s+(?:\d{4},?\s+)?"
ROLES = ("attendance", "speaking", "headline_attendance")  # lists of people a phrase names

# Words (with inner hyphens and apostrophes) and single punctuation marks.
TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
UPPER = re.compile(r"(?<!\\)[A-Z]")  # a capital letter in a pattern, an escape's ("\S") aside


@dataclass(frozen=True)
class Lexicon(NameVocabulary):
    """Cue phrases and vocabulary, as plain data plus the patterns compiled from it (those for
    people's names and titles are in ``NameVocabulary``)."""

    data: dict

    @cached_property
    def digest(self) -> str:
        """A stable hash of the vocabulary, so cached parses can tell when it changed."""
        return hashlib.sha256(json.dumps(self.data, sort_keys=True).encode()).hexdigest()

    def __getitem__(self, key):
        return self.data[key]

    @cached_property
    def header_date(self) -> re.Pattern:
        return re.compile(self.data["header_date"], re.IGNORECASE)

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        return frozenset(a.lower() for a in self.data["abbreviations"])

    @cached_property
    def host_verbs(self) -> re.Pattern:
        return phrase_pattern(self.data["host_verbs"])

    @cached_property
    def event_kinds(self) -> re.Pattern:
        return phrase_pattern(self.data["event_kinds"])

    @cached_property
    def subject_cues(self) -> re.Pattern:
        return phrase_pattern(self.data["subject_cues"])

    @cached_property
    def place_suffix(self) -> re.Pattern:
        """An administrative suffix at the end of a place name."""
        body = alternation(self.data["place_suffixes"], fold=False)
        return re.compile(rf"\s+(?:{body})$")

    @cached_property
    def outside_voice(self) -> re.Pattern:
        """The start of a sentence quoting an outside voice: a named person described as a
        scholar or analyst (the ``name`` group), or "analysts said"."""
        voices = self.data["outside_voices"]
        people = alternation(voices["people"])
        return re.compile(
            rf"(?:(?:However|But|Meanwhile),\s+)?(?:(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){{1,2}}),\s+(?:a|an)\s+"
            rf"(?:[\w'’-]+\s+){{0,4}}?(?:{people})\b[^.;]*?\bsaid\b"
            rf"|(?:{alternation(voices['groups'])})\s+(?:said|say|believe|noted|saw|see)\b"
            # '"…," said He Keng, a former vice-chairman of …': the quotation first.
            rf"|[\"“][^\"”]{{10,}}?[,.?!]?[\"”]\s*,?\s*said\s+(?P<quoted>[A-Z][a-z]+(?:[ \t]+[A-Z][\w'’-]+){{1,2}}),\s+"
            rf"(?:a|an)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{people})\b)", re.IGNORECASE)

    @cached_property
    def at_the_event(self) -> re.Pattern:
        """Words placing what is said at an event: "said at the symposium", "told the meeting"."""
        return re.compile(rf"\b(?:at|during|told|to)\s+(?:the|this|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{self.kinds_alternation})\b",
                          re.IGNORECASE)

    @cached_property
    def news_report(self) -> tuple[re.Pattern, re.Pattern]:
        """A news source reporting, after a date ("On March 30, Xinhua reported …") and before
        one ("state media said on Tuesday …", "… said in a statement on Monday that …"): the report's."""
        sources, verbs = alternation(self.data["news_sources"]), r"(?:reported|said|announced|disclosed)"
        statement = r"(?:(?:in|according\s+to)\s+a\s+statement|statement)(?:\s+(?:issued|released|published))?"
        return (re.compile(rf"\s*,?\s*(?:{sources})\s+{verbs}\b", re.IGNORECASE),
                re.compile(rf"\b(?:(?:{sources})\s+{verbs}|{statement})\s+(?:on\s+)?$", re.IGNORECASE))

    @cached_property
    def venue_pattern(self) -> re.Pattern:
        """"at the Great Hall of the People", "in Zhongnanhai" (one of ``venues``: group ``venue``),
        "at the Huai'an Grand Theater" (a name before one of ``venue_halls``: group ``place``)."""
        venues, halls = (alternation(self.data.get(key, ()), fold=False) for key in ("venues", "venue_halls"))
        return re.compile(r"\b(?:at|in)\s+(?:the\s+)?(?:(?P<venue>" + venues + r")\b|"
                          r"(?P<place>[A-Z][a-z]+(?:['’][a-z]+)?)\s+(?:" + halls + r")\b)")

    @cached_property
    def anniversaries(self) -> tuple[re.Pattern, dict[str, int]]:
        """"the 70th anniversary of the founding of New China" (its count and body), for the bodies
        of ``founding_years``; and each body's year, by its name in lower case."""
        founded = self.data.get("founding_years", {})
        bodies = "|".join(re.escape(name).replace("'", "['’]").replace(r"\ ", r"\s+") for name in sorted(founded, key=len, reverse=True))
        return (re.compile(rf"\b(?P<n>\d{{1,3}})(?:st|nd|rd|th)\s+anniversary\s+of\s+the\s+(?:founding|establishment)\s+of\s+"
                           rf"(?:both\s+)?(?:the\s+)?(?P<body>{bodies or '(?!)'})\b"), {name.lower(): year for name, year in founded.items()})

    @cached_property
    def kinds_alternation(self) -> str:
        return alternation(self.data["event_kinds"])

    @cached_property
    def lead_patterns(self) -> list[re.Pattern]:
        """What makes a lead sentence: a host verb followed within a few words by a kind of
        event, or one of the host phrases. Groups: ``verb`` (the whole phrase) and ``kind``."""
        verbs = alternation(self.data["host_verbs"])
        plain = re.compile(
            rf"(?<![\w-])(?P<verb>{verbs})\s+(?:{WHEN_PHRASE})?(?:[\w'’-]+,?\s+){{0,5}}?(?P<kind>{self.kinds_alternation})(?![\w-])",
            re.IGNORECASE)
        phrases = [re.compile(rf"(?<![\w-])(?P<verb>{p.replace('{kind}', self.kinds_alternation)})", re.IGNORECASE)
                   for p in self.data["host_patterns"]]
        inspected = "|".join(re.escape(v) for v in self.data["inspection_verbs"])
        inspection = re.compile(
            rf"(?<![\w-])(?P<verb>{inspected})\s+(?:the\s+(?:city|province|region|county)\s+of\s+|the\s+(?=[A-Z])|{CHINAS})?"
            r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)(?P<kind>)")
        return phrases + [plain, inspection]

    @cached_property
    def lead_words(self) -> list[tuple[str, ...]]:
        """For each of ``lead_patterns``, lower-case words a sentence must hold one of to match
        it (``phrases.required_words``), else every word of three letters or more it is written
        with: a sentence holding none of them cannot match it, and the pattern is spared."""
        def words(phrases) -> tuple[str, ...]:
            found: set[str] = set()
            for phrase in phrases:
                bare = re.sub(r"\\[a-zA-Z]|\(\?P<\w+>|\{kind\}", " ", str(phrase))
                found |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", bare)}
            return tuple(sorted(found))
        written = [words([p]) for p in self.data["host_patterns"]] + [words(self.data["host_verbs"]),
                                                                        words(self.data["inspection_verbs"])]
        return [required_words(p) or w for p, w in zip(self.lead_patterns, written)]

    @cached_property
    def before_event(self) -> re.Pattern:
        """"… before the two-day conference": what the sentence tells came before (or after)
        the event, so it is another one."""
        return re.compile(rf"\b(?:before|after|ahead\s+of|prior\s+to)\s+the\s+(?:[\w-]+\s+){{0,3}}?(?:{self.kinds_alternation})\b",
                          re.IGNORECASE)

    @cached_property
    def attended_kind(self) -> re.Pattern:
        """"attended a gathering", "attended the symposium": the same groups as ``lead_patterns``."""
        return re.compile(rf"(?<![\w-])(?P<verb>attended)\s+(?:[\w'’-]+,?\s+){{0,5}}?(?P<kind>{self.kinds_alternation})(?![\w-])",
                          re.IGNORECASE)

    @cached_property
    def event_held(self) -> re.Pattern:
        """A kind of event and a verb saying it was held or chaired ("the meeting was chaired by")."""
        return re.compile(rf"(?<![\w-])(?P<kind>{self.kinds_alternation})\s+(?:was|were)\s+(?:chaired|presided|held|convened|hosted)\b",
                          re.IGNORECASE)

    @cached_property
    def lead_hint(self) -> re.Pattern:
        """Any word some lead pattern cannot match without (a host verb, an inspection verb, a
        literal word of a host phrase): a sentence holding none is no lead sentence, and the
        dozen lead patterns are spared."""
        words = set(self.data["host_verbs"]) | set(self.data["inspection_verbs"])
        for pattern in self.data["host_patterns"]:
            words |= set(re.findall(r"[a-z]{4,}", re.sub(r"\(\?P<\w+>|\{kind\}", "", pattern).lower()))
        return re.compile(rf"(?<![\w-])(?:{alternation(words)})", re.IGNORECASE)

    @cached_property
    def kind_words(self) -> tuple[str, ...]:
        """The first word of each kind of event, lower-case: a sentence holding none names no kind."""
        return tuple(sorted({k.split()[0].lower() for k in self.data["event_kinds"]}))

    @cached_property
    def presiding(self) -> re.Pattern:
        """"presided over the meeting": names whoever chaired, host or not."""
        return phrase_pattern(self.data["presiding_verbs"])

    @cached_property
    def presiding_words(self) -> tuple[str, ...]:
        """The longest word of each presiding verb, in lower case: a sentence holding none of
        them holds no presiding verb, and the pattern is spared (most sentences)."""
        return tuple({max(TOKEN.findall(str(p).lower()) or [str(p).lower()], key=len) for p in self.data["presiding_verbs"]})

    @cached_property
    def list_opener(self) -> re.Pattern:
        """Words after which a list of attendees starts ("…, with Li Qiang and Cai Qi in
        attendance"); the last one in the sentence before the cue wins."""
        return phrase_pattern(self.data["list_openers"])

    @cached_property
    def shared_titles(self) -> list[re.Pattern]:
        """Sentences giving a title to the people just named: a regex with a ``title`` group."""
        return [re.compile(p, re.IGNORECASE) for p in self.data["shared_titles"]]

    @cached_property
    def clause_break(self) -> re.Pattern:
        """Where a sentence may be cut into two statements of different sections."""
        return re.compile("|".join(f"(?:{p})" for p in self.data["clause_breaks"]))

    @cached_property
    def role_phrases(self) -> dict[str, tuple[re.Pattern, ...]]:
        """For attendance and speaking: (phrases the names come before, phrases they follow)."""
        return {role: tuple(phrase_pattern(self.role_list(role, side)) for side in ("before", "after")) for role in ROLES}

    def role_list(self, role: str, side: str) -> list[str]:
        """The phrases of ``role`` on ``side``, one holding ``{kind}`` once per kind of event."""
        return [str(p).replace("{kind}", kind) for p in self.data[role].get(side, ())
                for kind in (self.data["event_kinds"] if "{kind}" in str(p) else [""])]

    @cached_property
    def role_words(self) -> dict[str, tuple[str, ...]]:
        """For attendance and speaking, lower-case stems one of which every phrase of the role
        holds (its ``telling`` list; a phrase holding none of them adds its longest word, the
        ``{kind}`` aside: "addressed the {kind}" adds "addressed", not every kind of event): a
        sentence holding none holds no phrase of the role, and the long alternations are
        spared (a substring test is many times faster than a regex of forty words)."""
        words = {}
        for role in ROLES:
            telling = {str(w).lower() for w in self.data[role].get("telling", ())}
            phrases = [str(p).lower().replace("{kind}", "") for side in ("before", "after") for p in self.data[role].get(side, ())]
            telling |= {max(TOKEN.findall(p), key=len) for p in phrases
                        if TOKEN.findall(p) and not any(w in p for w in telling)}
            words[role] = tuple(sorted(telling))
        return words

    @cached_property
    def overall_calls(self) -> frozenset[str]:
        return frozenset(p.lower() for p in self.data["overall_calls"])

    @cached_property
    def attending_groups(self) -> re.Pattern:
        return re.compile(r"\s*(?:" + alternation(self.data["attending_groups"]) + r")\b", re.IGNORECASE)

    @cached_property
    def enumeration(self) -> re.Pattern:
        """The word opening one item of a list, at the start of a sentence: "First, …"."""
        return re.compile(r"\s*(?:" + "|".join(re.escape(p).replace(",", r"\s*,") for p in self.data["enumerations"]) + r")\s*",
                          re.IGNORECASE)

    @cached_property
    def at_a_stop(self) -> re.Pattern:
        """A paragraph that opens at a stop of a tour ("During a stop at Xianglin Textiles, the
        Premier inquired …", "Visiting a farm, Xi reiterated …", "At a tea cooperative, …"):
        what happened there, the story's narrative, not the reported words before it going on."""
        places = alternation(self.data["stop_places"])
        return re.compile(r"\s*(?:During\s+(?:a|an|his|her|the)\s+(?:stop|visit|tour|trip|inspection)\b"
                          r"|(?:While\s+|When\s+)?(?:Visiting|Inspecting|Touring)\s|At\s+(?:a|an|the)\s+[A-Z]"
                          rf"|(?:At|In)\s+(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}?(?:{places})\b|Upon\s+(?:arriving|leaving|visiting))")

    @cached_property
    def narrative(self) -> re.Pattern:
        """A sentence telling what someone did rather than what they said ("In his speech, Xi
        systematically reviewed …", "On Monday morning, Xi visited …"): its subject, after an
        optional opening phrase, and a narrative verb."""
        verbs = alternation(self.data["narrative_verbs"], fold=False)
        return re.compile(
            r"(?:(?i:in\s+(?:his|her)\s+(?:important\s+)?(?:speech|remarks|address)|on\s+[^,]{1,40}|during\s+[^,]{1,60}"
            r"|in\s+(?-i:[A-Z])[^,]{1,40}"  # "In Wuhan City, Li inspected …"
            r"|after\s+[^,]{1,80}|while\s+[^,]{1,60}),\s*)?"
            r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}|[Hh]e|[Ss]he|[Tt]he\s+(?:president|premier))"
            rf"\s+(?:\w+ly\s+|also\s+|then\s+|first\s+)?(?:{verbs})\b")

    @cached_property
    def imperative(self) -> re.Pattern:
        """A sentence opening with the imperative of a task ("Adhere to …", "Be good at …"): the
        phrase, its capital as listed, and a lower-case word after it."""
        return re.compile(rf"\s*(?:{alternation(self.data['imperatives'], fold=False)})\s+(?=[a-z\"“'‘])")

    @cached_property
    def business(self) -> re.Pattern:
        """What the meeting did with its business: the meeting (or "it", the attendees; "The session,
        which opened …, approved", "… earnestly studied") and a business verb, or one in the passive "at the
        meeting" or "by the meeting" ("A plan was adopted by the meeting for reviewing the progress …")."""
        verbs = alternation(self.data["business_verbs"], fold=False)
        return re.compile(
            rf"(?i:(?:[^,.]{{0,80}},\s*)?(?:the\s+(?:meeting|session|conference|symposium|attendees|participants)|it|they|everyone|attendees|participants)"
            rf"(?:,\s+which\s[^,]{{1,60}},)?\s+(?:also\s+|[a-z]+ly\s+)?(?:{verbs})\b|[^.]{{0,400}}?\b(?:was|were)\s+(?:also\s+)?(?:{verbs})\s+(?:at|during|by)\s+the\s+(?:closing\s+|opening\s+|plenary\s+)?"
            rf"(?:meeting|session|conference|symposium)\b"  # (a list of the documents adopted may be long)
            # "During the symposium, various officials, including …, reported on the progress …"
            rf"|[^.]{{0,80}}?\b(?:officials|representatives|entrepreneurs|experts|heads|leaders|chiefs|members)\b"
            rf"[^.]{{0,160}}?\b(?:{verbs})\b)")

    @cached_property
    def presiding_form(self) -> re.Pattern:
        return phrase_pattern(self.data["presiding_forms"])

    @cached_property
    def people_separator(self) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in self.data["people_separators"]))

    @cached_property
    def speech_verbs(self) -> re.Pattern:
        return phrase_pattern(self.data["speech_verbs"])

    @cached_property
    def pronouns(self) -> re.Pattern:
        return phrase_pattern(self.data["pronouns"])

    @cached_property
    def section_cues(self) -> dict[str, list[tuple[tuple[str, ...], str, int]]]:
        """Cue phrases as word tuples, indexed by their first word: first word → [(words,
        section, weight)]. Matching whole words by lookup is what keeps parsing fast."""
        index: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
        for section, phrases in self.data["sections"].items():
            for phrase, weight in phrases.items():
                words = tuple(t.lower() for t in TOKEN.findall(str(phrase)))
                if words:
                    index.setdefault(words[0], []).append((words, section, int(weight)))
        for entries in index.values():  # the longest phrase is the cue ("stressed the need", not "stressed")
            entries.sort(key=lambda entry: -len(entry[0]))
        return index

    @cached_property
    def noise(self) -> tuple[re.Pattern, re.Pattern]:
        """The noise patterns as two: those written in lower case, for the lowered paragraph,
        and the others (a site's "Photo: Xinhua"), case-insensitively. A paragraph that is wholly
        one of them is page furniture. One match per paragraph, not one per pattern, keeps
        parsing linear on texts of thousands of tiny paragraphs; without IGNORECASE the engine
        looks for a ".*photo by" pattern's word as a literal, several times faster."""
        lower = [p for p in self.data["noise"] if not UPPER.search(p)]
        cased = [p for p in self.data["noise"] if UPPER.search(p)]
        return tuple(re.compile(rf"\s*(?:{'|'.join(f'(?:{p})' for p in group) or '(?!)'})\s*", flags)
                     for group, flags in ((lower, 0), (cased, re.IGNORECASE)))  # type: ignore[return-value]

    def is_noise(self, paragraph: str) -> bool:
        lower, cased = self.noise
        return bool(lower.fullmatch(paragraph.lower()) or cased.fullmatch(paragraph))

    def compile_all(self) -> None:
        """Compile every pattern now, so a bad one is reported before any source is read."""
        for name, attribute in {**vars(NameVocabulary), **vars(type(self))}.items():
            if isinstance(attribute, cached_property):
                getattr(self, name)

    def extended(self, extra: dict) -> Lexicon:
        """A lexicon with ``extra``'s entries added to this one's (lists appended, cues merged)."""
        data = json.loads(json.dumps(self.data))
        for key, entry in extra.items():
            if key in LIST_KEYS:
                data[key] = data[key] + [v for v in entry if v not in data[key]]
            elif key in ("attendance", "speaking"):
                for side, phrases in entry.items():
                    data[key][side] = data[key][side] + list(phrases)
            elif key == "sections":
                for section, phrases in entry.items():
                    data["sections"].setdefault(section, {}).update(phrases)
            else:
                data[key] = entry
        return Lexicon(data)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package, read by the rules every YAML of readout follows."""
    text = resources.files("readout.load").joinpath("lexicon.yml").read_text(encoding="utf-8")
    node = compose(text, "lexicon.yml")
    if node is None:
        raise ValueError("the packaged lexicon.yml is empty")
    return Lexicon(value(node, "lexicon.yml"))
