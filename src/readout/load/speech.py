"""What is said at the event and by whom: who delivered the main speech or the work report,
and the participants whose words the story reports. A mixin of ``Reader`` (see ``roles``)."""

from __future__ import annotations

import re

from ..model import Person
from ..slugs import slugify
from .classify import Piece
from .naming import NameReading
from .people import Mention, mention_titles, parse_mention
from .segment import Span

# "delivered an important speech", "made important speeches", "delivered a work report" (or a
# report with its title in quotes: "delivered a report “Writing a New Chapter …”"),
# "delivered a key (keynote) speech" (or "a keynote report"), "pronounced an important speech" (a machine translation),
# "delivered a report (to the congress) on behalf of the Standing Committee" (a work report),
# "delivered an 'important' speech" (a rewrite's quotes): the main speech of an event.
SPEECH = re.compile(r"\b(?:(?:delivered|delivers|made|makes|gave|gives|pronounced)\s+(?:(?:a|an)\s+)?(?:['‘\"“]?(?:important|key|keynote)['’\"”]?\s+)?"
                    r"(?:speech(?:es)?|address|remarks|work\s+report|report\s+on\s+the\s+work\s+of|report\s+(?=[“\"])|report\s+(?:to\s+the\s+\w+\s+)?on\s+behalf\s+of|(?<=keynote )report\b)|(?:addressed|addresses)\s+(?:a|an|the)\s)")
# "The session heard and discussed the work report delivered by Comrade Feng Zhonghua on behalf of
# the standing committee", "The report was made by Jiang Wei, …": the report heard is the main
# speech (not "studied a speech delivered by …").
HEARD_REPORT = re.compile(r"\b(?:(?:heard|listened\s+to|deliberated(?:\s+on)?|discussed|reviewed)\s+(?:and\s+\w+\s+)?(?:the|a)\s+"
                          r"(?:work\s+)?report\s+|(?<![\w-])[Tt]he\s+(?:work\s+)?(?:report|lecture)\s+was\s+)"
                          r"(?:delivered|made|given)\s+by\s+(?:Comrade\s+)?(?=[A-Z])")
MAIN_SPEECH = re.compile(r"\b(?:delivered|delivers|made|gave|(?P<participle>delivering|making|giving))\s+(?:an\s+)?['‘\"“]?important['’\"”]?\s+speech(?:es)?\b")
# "… was held in Beijing, with Xi Jinping, …, attending the meeting and delivering an important
# speech": the speaker of a participle is named after "with".
WITH_SPEAKER = re.compile(r"\bwith\s+(?!.*\bwith\s)")
# "Xi Jinping, who is also …, in his address presented a systematic review of …".
IN_HIS_SPEECH = re.compile(r",?\s+in\s+(?:his|her)\s+(?:important\s+)?(?:speech|address|keynote\s+speech)\b(?!\s+(?:at|to)\b)")
SPEECH_FIRST = re.compile(r"\s*(?:(?:In\s+)?(?:delivering|making|giving|addressing)\s+(?:(?:a|an|the)\s+)?(?:important\s+)?"
                          r"(?:speech|address|remarks)\b|Speaking\s+at\s+(?:the|a|an)\b"
                          r"|(?:When|While)\s+addressing\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:meeting|session|conference|symposium|ceremony|congress|gathering)\b"
                          r"|(?:In|During)\s+(?:his|her)\s+(?:important\s+)?(?:speech|address|remarks)(?=,)"
                          r"|In\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:speech|address)\s+(?:at|to)\b)[^,]{0,120},\s*", re.IGNORECASE)
# "… attended the meeting and delivered a report", "…, who was invited to attend the meeting and
# delivered a report".
ATTENDED_AND_GAVE = r"\b(?:attended|(?:was|were)\s+invited\s+to\s+attend)\s+(?:the\s+\w+\s+)?and\s+(?:delivered|made|gave)\s+(?:an?\s+)?"
A_REPORT = r"(?:keynote\s+|work\s+)?(?:report|address)\b"
# "…, and Peng Qinghua, Secretary of …, attended the meeting and delivered a speech" (or a report).
ATTENDED_AND_SPOKE = re.compile(rf"[^.;]*?{ATTENDED_AND_GAVE}(?:(?:important\s+)?speech|{A_REPORT})")
# "Ding Xuexiang, …, attended the meeting and delivered a report" (while another presided): the main speaker.
ATTENDED_AND_REPORTED = re.compile(rf"{ATTENDED_AND_GAVE}{A_REPORT}")
# "… made important instructions on …", "… has issued instructions urging …".
# (Not "Li also gave instructions regarding …" on a tour: instructions given there are spoken.)
INSTRUCTED = re.compile(r"\b(?:has\s+|have\s+)?(?:made|gave|given|issued|delivers|delivered)\s+(?:important|written)\s+instructions?\b"
                        r"|\bmade\s+the\s+remarks\s+in\s+(?:an?\s+)?(?:written\s+)?instruction\b")  # "… made the remarks in an instruction to …"
# "Xi's instructions were conveyed to officials at a video conference".
CONVEYED = re.compile(r"\b([A-Z][a-z]+)['’]s\s+(?:important\s+)?instructions?\s+(?:were|was)\s+(?:conveyed|read|relayed)\b")
# A translated headline naming who spoke: "Xi Jinping stressed at the National Conference on …".
SPOKE_AT = re.compile(r"\b(?:stressed|emphasi[sz]ed|underlined|underscored|pointed\s+out)\s+at\s+(?:the|a)\s")
ATTENDED = re.compile(r"\battended\b")
# "… studied General Secretary Xi Jinping's important speeches", "under the leadership of General
# Secretary Xi Jinping", "the Central Committee with Comrade Xi Jinping as the core", "studied the
# speech delivered by General Secretary Xi Jinping": a name in the possessive, after "of" or
# "speech delivered by", or as the core is not who the story is about.
NOT_SUBJECT_AFTER = re.compile(r"['’]s\b|\s+(?:as|at)\s+the\s+core\b")
# "… the instructions of President Xi Jinping and Premier Li Keqiang": whose words, not who acts.
NOT_SUBJECT_BEFORE = re.compile(r"\b(?:of|(?:speech(?:es)?|instructions?|remarks)\s+(?:delivered|made|given)\s+by)\s+"
                                r"(?:[A-Z][\w-]*\s+){0,3}(?:(?:[A-Z][\w-]*\s+){1,6}and\s+(?:[A-Z][\w-]*\s+){0,3})?$")
LONE_WORD = re.compile(r"[A-Z][a-z]+\b")
OPENING_PHRASE = re.compile(r"(?:At|During|In)\s+(?:the|his|her)\s+[^,]{1,40},\s*")
TITLE_WORDS = re.compile(r"(?:[A-Z][\w'’-]*\s+){0,3}")


class SpeechReading(NameReading):
    """Reading who spoke: the giver of the speech or report, and the other participants quoted."""

    def person(self, mention: Mention) -> Person:
        printed = self.quote(mention.name)
        # "Xi JinPing", as a rewrite printed it, is Xi Jinping, and "Cai Qiding", as a machine
        # translation garbles him, Cai Qi (``misprinted_names``): the name as it is spelt, the
        # printed one kept beside it.
        name = mention.meant or self.lexicon.data.get("misprinted_names", {}).get(" ".join(printed.split())) or " ".join(
            word.capitalize() if word[1:] != word[1:].lower() and "-" not in word else word for word in printed.split())
        name = name.replace("’", "'")  # "Chen Min’er" is spelt "Chen Min'er" wherever a page prints him
        return Person(slugify(name), name, mention_titles(self.text, mention), printed if name != printed.replace("’", "'") else None)

    def named_as_subject(self, span: Span) -> Mention | None:
        """The first person ``span`` names who may be what it is about: not one named as whose
        words or leadership it tells of ("studied Xi Jinping's speeches", "under the leadership of
        General Secretary Xi Jinping", "with Comrade Xi Jinping as the core")."""
        start = span.start
        while (mention := parse_mention(self.text, Span(start, span.end), self.lexicon)) and (
                NOT_SUBJECT_AFTER.match(self.text, mention.name.end) or NOT_SUBJECT_BEFORE.search(self.text, span.start, mention.name.start)):
            start = mention.name.end  # "…, with Comrade Xi Jinping as the core, …, said Zhang Dejiang": the next name
        return mention

    def speech_giver(self) -> Person | None:
        """Who a sentence of the page — the story first, then a headline or caption — says
        delivered the important speech or the work report ("Xi Jinping delivered an important
        speech", "Wang Yang … delivered a work report", "Xi makes important speech at …"), else
        whom a headline says spoke there ("Xi Jinping stressed at the National Conference on …")."""
        order = self.story + self.outside_story
        for i in order:
            for j, span in enumerate(self.sentences[i]):
                own = self.paragraph_dateline(i) if j == 0 else None  # a dateline opens a paragraph
                start = min(own.end, span.end) if own else span.start
                leading = SPEECH_FIRST.match(self.text, start, span.end)
                if leading:  # "Delivering an important speech at the conference, Xi Jinping …", "In his speech, Xi …"
                    lone = LONE_WORD.match(self.text, leading.end(), span.end)  # "In his speech, Xi, who is also …"
                    first = lone.group() if lone else ""
                    mention = parse_mention(self.text, Span(leading.end(), span.end), self.lexicon) or (
                        self.full_name(first, span, i) if first and self.lexicon.may_be_name(first, 1) else None)
                    if mention:
                        return self.person(mention)
                heard = HEARD_REPORT.search(self.text, start, span.end) if self.text.find("by", start, span.end) != -1 else None
                mention = parse_mention(self.text, Span(heard.end(), span.end), self.lexicon) if heard else None
                if mention:
                    return self.person(mention)
                verb = SPEECH.search(self.text, start, span.end) or ATTENDED_AND_REPORTED.search(self.text, start, span.end)
                if verb and not self.lexicon.before_event.search(self.text, verb.end(), span.end):
                    # The sentence of the verb, where a caption runs several together unsplit
                    # ("… Xi Jinping, … attended the closing meeting. Wang Yang presided over
                    # the meeting and delivered a speech.").
                    start = max(start, self.text.rfind(". ", start, verb.start()) + 2)
                    mention = parse_mention(self.text, Span(start, verb.start()), self.lexicon) \
                        or self.named_by_surname(span, verb.start(), i)
                    if mention:
                        return self.person(mention)
        for i in self.outside_story:
            span = self.paragraphs[i]
            verb = SPOKE_AT.search(self.text, span.start, span.end)
            mention = parse_mention(self.text, Span(span.start, verb.start()), self.lexicon) if verb else None
            if mention:
                return self.person(mention)
        return None

    def instruction_givers(self) -> set[str]:
        """Who the page says sent the event written instructions ("Xi Jinping, …, made important
        instructions on …", "Xi Jinping gave important instructions") and is not said to have
        attended or spoken there (see ``SPEECH``)."""
        givers: set[str] = set()
        if "instruction" not in self.text:  # most pages: nothing to look for
            return givers
        for i in self.story:
            for span in self.sentences[i]:
                conveyed = CONVEYED.search(self.text, span.start, span.end)
                named = self.full_name(conveyed.group(1), span, i) if conveyed else None
                if named:
                    givers.add(self.quote(named.name))
                verb = INSTRUCTED.search(self.text, span.start, span.end)
                if verb is None:
                    continue
                mention = parse_mention(self.text, Span(span.start, verb.start()), self.lexicon) \
                    or self.named_by_surname(span, verb.start(), i)  # "President Xi, who is also …, issued …"
                if mention:
                    givers.add(self.quote(mention.name))
        spoke = {self.quote(m.name) for i in self.story for span in self.sentences[i]
                 if SPEECH.search(self.text, span.start, span.end) or ATTENDED.search(self.text, span.start, span.end)
                 if (m := parse_mention(self.text, span, self.lexicon))}
        return givers - spoke

    def named_by_surname(self, span: Span, at: int, paragraph: int) -> Mention | None:
        """"After listening to …, Xi delivered an important address": the subject of the verb at
        ``at`` named by surname (``subject_surname``), as the page prints it in full."""
        surname = self.subject_surname(span, at)
        return self.full_name(surname, span, paragraph) if surname else None

    def others_said(self, pieces: list[Piece], leaders: list[Person]) -> list[Person]:
        """What another participant said ("Academician Huang Wei called for …", "At the meeting,
        Wan Exiang … spoke") tells who spoke at the event: the lead, not the leader's tasks.
        Returns the participants so found."""
        surnames = {p.name.split()[0] for p in leaders}
        found: list[Person] = []
        if not surnames:
            return found
        for piece in pieces:
            if piece.section not in ("progress", "problems", "priorities") and not piece.reason.startswith("the overall call"):
                continue
            if piece.speaker:
                other = piece.speaker not in {p.id for p in leaders}
            else:
                opening = OPENING_PHRASE.match(self.text, piece.span.start, piece.span.end)
                start = opening.end() if opening else piece.span.start
                mention = parse_mention(self.text, Span(start, min(piece.span.end, start + 80)), self.lexicon)
                other = mention is not None and TITLE_WORDS.fullmatch(self.text, start, mention.name.start) is not None \
                    and self.quote(mention.name).split()[0] not in surnames
                if mention and other:
                    found.append(self.person(mention))
            if other:
                piece.section, piece.reason = "lead", "what another participant said"
        return found
