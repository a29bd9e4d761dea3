"""Who held the event, who gave the main speech, who attended and who spoke: the lead's subject,
whoever a sentence, a headline or a caption says presided, and the people attendance and
speaking sentences name. A mixin of ``Reader``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Person
from . import attendance, dates
from .attendance import aside_titles, attendance_mentions, caption_roll, listed_people, presider, presides, shared_title
from .classify import call_in
from .lead import LEAD_WITHIN, Lead, match_lead
from .page import CAPTION_VERB
from .people import Mention, parse_mention
from .segment import Span, ends_cut_off, split_sentences
from .speech import ATTENDED_AND_REPORTED, ATTENDED_AND_SPOKE, IN_HIS_SPEECH, MAIN_SPEECH, WITH_SPEAKER, SpeechReading

CHAIRED_BY_TITLE = re.compile(r"\b(?:chaired|presided\s+over|hosted)\s+by\s+the\s+(?P<title>premier|president|vice\s+premier)\b",
                              re.IGNORECASE)
JOURNEY = re.compile(r"\b(?:tour|trip|inspection|visit)s?$")  # kinds of event that are journeys


def is_journey(lead: Lead | None) -> bool:
    """Whether the lead's event is a tour, a trip, an inspection or a visit: nobody presides it."""
    return bool(lead and lead.kind and JOURNEY.search(lead.kind))


# "On Wednesday afternoon, Xi went to …": a surname alone as a sentence's subject, after a phrase of time or place.
SURNAME_FIRST = re.compile(r"(?:(?:On|In|At|During)\s[^,]{1,40},\s*)?(?P<surname>[A-Z][a-z]+)\s+(?=(?:also\s+|then\s+)?[a-z]+ed\b|went\b|met\b|made\b|said\b)")


@lru_cache(maxsize=4)
def presided_with_subject(kinds: str) -> re.Pattern:
    return re.compile(rf"\b(?:chaired|chairing|chairs|presided\s+over|presiding\s+over|presides\s+over)\s+(?:a|an|the)\s+"
                      rf"(?:[\w'’-]+\s+){{0,2}}?(?:{kinds})\s+(?:on|to\s+discuss|about)\s", re.IGNORECASE)


def one_meeting_presided(text: str, lexicon) -> bool:
    """Whether the page says someone presided over one meeting and names its subject ("chaired a
    symposium on …"), not meetings, "a related meeting" or "a symposium at the end of the trip"."""
    return bool(presided_with_subject(lexicon.kinds_alternation).search(text))


@dataclass
class Cast:
    """The people of an event as reading finds them: who held it, who gave the main speech, who
    attended and who spoke; the ids already given a role; and the people the last attendance
    sentence named (a shared title after it, "The three are members of …", is theirs)."""

    host: Person | None = None
    main_speaker: Person | None = None
    attendees: list[Person] = field(default_factory=list)
    speakers: list[Person] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    named_last: list[Person] = field(default_factory=list)

    def leaders(self) -> list[Person]:
        return [p for p in (self.host, self.main_speaker) if p]

    def everyone(self) -> list[Person]:
        return self.leaders() + self.attendees + self.speakers

    def drop_leaders(self) -> None:
        """The host and the main speaker are not also listed as attending or speaking."""
        leaders = {p.id for p in self.leaders()}
        self.attendees = [p for p in self.attendees if p.id not in leaders]
        self.speakers = [p for p in self.speakers if p.id not in leaders]


class RoleReading(SpeechReading):
    """Reading who held, addressed, attended and spoke at the event."""

    def read_people(self, lead: Lead | None) -> Cast:
        """Who held the event, who gave the main speech, who attended and who spoke. The host is
        who presided: the lead's subject where the lead, a headline or a caption says so, else
        whoever a later sentence says presided. The lead's subject who only spoke, addressed or
        toured is the main speaker. Attendees and speakers in order of mention, with the titles
        printed in asides and shared-title sentences. Each step below looks only where the ones
        before it found nobody."""
        cast = self.lead_cast(lead)
        subject = cast.host or cast.main_speaker
        self.mark_lead(lead)
        self.read_story_people(lead, cast)
        self.read_headline_people(cast, lead.kind if lead and lead.kind else "event")
        if cast.host is None:
            self.headline_host(cast)
        if cast.main_speaker is None and lead and subject is None:
            self.main_speech(cast)  # "Xi delivered an important speech": before whoever "concluded the meeting"
        if cast.main_speaker is None and lead and (cast.host is None or subject is None):
            self.later_roles(lead, cast)
        if cast.host is None and cast.main_speaker is None and lead:
            self.lead_names(lead, cast)
        if cast.main_speaker is None:
            self.speech_roles(cast)
        cast.drop_leaders()
        if cast.main_speaker is None and self.story and (lead is None or subject is None):
            self.opening_person(lead, cast)
        if cast.host is None and self.story:
            self.titled_host(cast)
        if cast.host is None and cast.main_speaker is None and self.story:
            self.warn("could not tell who held the event", self.paragraphs[self.story[0]].start)
        for person in cast.everyone():
            self.add_aside_titles(person)
        return cast

    def lead_cast(self, lead: Lead | None) -> Cast:
        """The lead's subject as host (if the page says they presided) or main speaker."""
        cast = Cast()
        subject = self.person(lead.host) if lead and lead.host else None
        if lead is None or subject is None:
            return cast
        # A tour has no host: its leader who "presided over meetings to solicit opinions" or "a
        # symposium at the end of the trip" is still the one who toured, and spoke. Unless the
        # story is of one meeting on its own subject held during the tour ("During the tour, Xi
        # chaired a symposium on the region's coordinated development"): that one is the event.
        touring = is_journey(lead) and not one_meeting_presided(self.text, self.lexicon)
        if not touring and (self.lead_presides(lead) or presides(self.text, subject.name, self.lexicon)):
            cast.host = subject
            self.found.setdefault("host", f"subject of {lead.verb!r} in the lead sentence, who presided")
        else:
            cast.main_speaker = subject
            self.found["main_speaker"] = f"subject of {lead.verb!r} in the lead sentence; nobody else is said to preside"
        cast.seen.add(subject.id)
        return cast

    def mark_lead(self, lead: Lead | None) -> None:
        """The lead sentence is the lead's, unless it stands deep in the story and sets a task
        ("… must be guaranteed, Xi told the symposium"): then it is that task, and its
        paragraph no lead paragraph."""
        if lead is None:
            return
        if self.lead_paragraph != self.story[0] and re.match(r"(?:said|told)\b", lead.verb) \
                and call_in(self.text, lead.sentence):
            self.lead_paragraph = None
        else:
            self.forced[lead.sentence.start] = ("lead", "the lead sentence")

    def add(self, cast: Cast, mentions: list[Mention], group: list[Person], field: str, how: str) -> list[Person]:
        """Each person ``mentions`` names, added to ``group`` unless named already; as ``group`` holds them (shared titles)."""
        named = []
        for mention in mentions:
            person = self.person(mention)
            if person.id not in cast.seen:
                cast.seen.add(person.id)
                group.append(person)
                self.found.setdefault(field, how)
            named.append(next((p for p in group if p.id == person.id), person))
        return named

    def read_story_people(self, lead: Lead | None, cast: Cast) -> None:
        """The people the story's sentences say presided, attended or spoke."""
        last = self.story[-1] if self.story else None
        cut = self.sentences[last][-1] if last is not None and self.sentences[last] \
            and ends_cut_off(self.text, self.paragraphs[last]) else None
        for i in self.story:
            for span in self.sentences[i]:
                chair = presider(self.text, span, self.lexicon)
                if chair and lead and span == lead.sentence and chair.name.start < lead.verb_start + len(lead.verb):
                    chair = None  # the lead's own subject; only "… chaired by X" in it names another
                if chair:
                    self.chair_sentence(span, chair, lead, cast)
                else:
                    self.people_sentence(span, lead, cast, span == cut)

    def chair_sentence(self, span: Span, chair: Mention, lead: Lead | None, cast: Cast) -> None:
        """A sentence saying someone presided: the host, if none yet, and whoever it says
        attended or spoke. Another presider ("… decisions made at the meeting chaired by Xi")
        is of another meeting, or of a part of this one: not named as attending."""
        person = self.person(chair)
        if cast.host is None and (cast.main_speaker is None or person.id != cast.main_speaker.id):
            cast.host = person
            cast.seen.add(person.id)
            self.found["host"] = "whoever a sentence says presided"
            if cast.main_speaker and lead:
                self.found["main_speaker"] = f"subject of {lead.verb!r} in the lead sentence, while {person.name} presided"
            self.forced[span.start] = ("lead", "says who presided")
            self.add(cast, attendance.co_presiders(self.text, span, chair, self.lexicon), cast.attendees, "attendees",
                     "the others a sentence says presided with the host")
        # "… was presided over by Li Keqiang, and attended by A, B and C": the same sentence may
        # name the attendees too; "A, B and C attended the meeting, presided over by D": the list
        # may come first.
        ahead = Span(span.start, chair.name.start)
        for role, group, name in (("attendance", cast.attendees, "attendees"), ("speaking", cast.speakers, "speakers")):
            named = attendance_mentions(self.text, ahead, self.lexicon, None, role) \
                + attendance_mentions(self.text, span, self.lexicon, chair.name.end, role)
            if role == "attendance" and len(named) == 1 and cast.main_speaker is None \
                    and ATTENDED_AND_SPOKE.match(self.text, named[0].name.end, span.end):
                # "Chen presided over the meeting, and Peng, Secretary of …, attended the
                # meeting and delivered a speech": the main speaker, not an attendee.
                cast.main_speaker = self.person(named[0])
                cast.seen.add(cast.main_speaker.id)
                self.found["main_speaker"] = "who a sentence says attended and spoke while another presided"
                continue
            self.add(cast, named, group, name, "names in the sentence saying who presided")
            if named and role == "attendance" and self.forced.get(span.start, ("lead",))[0] == "lead":
                # "The conference was presided over by Li Keqiang, and attended by A, B, C and
                # D": the list of who attended is most of it.
                self.forced[span.start] = ("attendees", "says who presided and who attended")

    def people_sentence(self, span: Span, lead: Lead | None, cast: Cast, cut: bool) -> None:
        """A sentence saying who spoke or who attended (or, cut off by the page, listing
        officials), or giving the people just listed a shared title."""
        floor = lead.verb_start + len(lead.verb) if lead and span == lead.sentence else None
        lowered = self.text[span.start:span.end].lower()
        spoke = attendance_mentions(self.text, span, self.lexicon, floor, role="speaking", lowered=lowered)
        if spoke:  # (and who attended, after them: "Xi addressed the session, while A and B attended")
            self.add(cast, spoke, cast.speakers, "speakers", "names in sentences saying who spoke or reported")
            later = attendance_mentions(self.text, span, self.lexicon, max(m.name.end for m in spoke), lowered=lowered)
            cast.named_last = self.add(cast, later, cast.attendees, "attendees", "names in attendance sentences") or cast.named_last
            return
        mentions = attendance_mentions(self.text, span, self.lexicon, floor, lowered=lowered) \
            or listed_people(self.text, span, self.lexicon)
        if mentions:
            # "Xi, also …, attended and delivered an important speech": who gave the main
            # speech, told in the lead, not the list of who attended.
            main = len(mentions) == 1 and MAIN_SPEECH.search(self.text, span.start, span.end)
            self.forced.setdefault(span.start, ("lead", "says who gave the main speech") if main
                                   else ("attendees", "names who attended"))
            cast.named_last = self.add(cast, mentions, cast.attendees, "attendees", "names in attendance sentences")
            return
        listed = attendance.cut_list(self.text, span, self.lexicon) if cut else None
        if listed is not None:
            self.forced.setdefault(span.start, ("attendees", "a list of officials the page cuts off before its verb"))
            cast.named_last = self.add(cast, listed, cast.attendees, "attendees", "names in a list of officials the page cuts off")
            return
        title = shared_title(self.text, span, self.lexicon)
        if title and cast.named_last:
            for person in cast.named_last:
                person.titles.append(title)
            cast.named_last = []

    def read_headline_people(self, cast: Cast, kind: str) -> None:
        """Who a sub-headline or a headline above the story ("Wang Huning and Han Zheng attended"),
        or a caption of the event of ``kind`` (not "… attended the press conference"), says attended."""
        above = {i for i in self.outside_story if self.story and i < self.story[0]
                 and not CAPTION_VERB.match(self.text, self.paragraphs[i].start, self.paragraphs[i].end)}
        for i in sorted(self.headings | above):
            span = self.paragraphs[i]
            if not dates.full_dates(self.text, span.start, span.end) and not self.caption_at(i):
                self.add(cast, attendance_mentions(self.text, span, self.lexicon, role="headline_attendance"), cast.attendees,
                         "attendees", "names in a sub-headline saying who attended")
        for i in self.outside_story:  # a photo's roll of the leaders who attend, or a caption's last word on who attended
            span = self.paragraphs[i]
            self.add(cast, caption_roll(self.text, span, self.lexicon), cast.attendees,
                     "attendees", "names in a photo's roll of those attending")
            if self.caption_at(i):
                for sentence in split_sentences(self.text, span, self.lexicon):  # "… Vice Premier Zhang Gaoli also attended the seminar."
                    named = {m.group().lower().split()[-1] for m in self.lexicon.event_kinds.finditer(self.text, sentence.start, sentence.end)}
                    if named and named != {kind.split()[-1]}:
                        continue  # "Vice premiers … attended the press conference": another event
                    self.add(cast, attendance_mentions(self.text, sentence, self.lexicon), cast.attendees,
                             "attendees", "names a photo caption says attended")

    def headline_host(self, cast: Cast) -> None:
        """Whoever a headline or caption says presided: it may be the one place that says so
        ("Xi delivered an important speech, which was presided over by Li Qiang")."""
        for i in self.outside_story:
            chair = presider(self.text, self.paragraphs[i], self.lexicon, headline=True)
            person = self.person(chair) if chair else None
            if person and (cast.main_speaker is None or person.id != cast.main_speaker.id):
                cast.host = person
                self.found["host"] = "whoever a headline or caption says presided"
                return

    def later_roles(self, lead: Lead, cast: Cast) -> None:
        """The person a sentence after the lead says held or addressed the event, where the
        lead names nobody ("The conference was held …")."""
        later, presided = self.later_host(lead)
        if later and presided and cast.host is None:
            cast.host = later
            self.found["host"] = self.found.pop("later")
            self.forced[self.host_sentence.start] = ("lead", "says who held the event")
        elif later and not presided and (cast.host is None or later.id != cast.host.id):
            cast.main_speaker = later
            self.found["main_speaker"] = self.found.pop("later")
            self.forced[self.host_sentence.start] = ("lead", "says who addressed the event")
        self.found.pop("later", None)

    def lead_names(self, lead: Lead, cast: Cast) -> None:
        """The first person the lead sentence names: the host if said to preside, else main speaker."""
        mention = self.named_as_subject(lead.sentence)
        if mention and presides(self.text, self.quote(mention.name), self.lexicon):
            cast.host = self.person(mention)
            self.found["host"] = "the first person the lead sentence names, who presided"
        elif mention:
            cast.main_speaker = self.person(mention)
            self.found["main_speaker"] = "the first person the lead sentence names; nobody is said to preside"

    def main_speech(self, cast: Cast) -> None:
        """Whoever the story says gave the important speech (or attended and gave the report), the lead naming
        nobody: main speaker, unless host."""
        for i in self.story:
            for span in self.sentences[i]:
                verb = MAIN_SPEECH.search(self.text, span.start, span.end) or IN_HIS_SPEECH.search(self.text, span.start, span.end) \
                    or ATTENDED_AND_REPORTED.search(self.text, span.start, span.end)
                if verb and self.lexicon.before_event.search(self.text, verb.end(), span.end):
                    continue  # "… delivered an important speech before the two-day conference": another event
                subject = span.start
                if verb and verb.groupdict().get("participle"):
                    with_ = WITH_SPEAKER.search(self.text, span.start, verb.start())
                    if not with_:
                        continue  # "Delivering an important speech at …, Xi said": another rule's
                    subject = with_.end()
                mention = parse_mention(self.text, Span(subject, verb.start()), self.lexicon) if verb else None
                if mention:
                    person = self.person(mention)
                    if cast.host is None and presides(self.text, person.name, self.lexicon):
                        return  # "… delivered an important speech … He chaired the symposium": the host, found later
                    if cast.host is None or person.id != cast.host.id:
                        cast.main_speaker = person
                        cast.seen.add(person.id)
                        self.found["main_speaker"] = "who the story says delivered an important speech"
                    return

    def speech_roles(self, cast: Cast) -> None:
        """Who the page says delivered the speech: the host if said to preside and nobody
        presides yet ("chairs a symposium … and delivered an important speech"), else the main
        speaker."""
        giver = self.speech_giver()
        if giver and cast.host is None and presides(self.text, giver.name, self.lexicon):
            cast.host = giver
            self.found["host"] = "who delivered the speech, and presided"
        elif giver and (cast.host is None or giver.id != cast.host.id):
            cast.main_speaker = giver
            self.found["main_speaker"] = "who delivered the speech or report the page names"

    def opening_person(self, lead: Lead | None, cast: Cast) -> None:
        """Where no sentence names who held what ("… the State Council held a conference, at
        which Li Qiang stressed …"; "President Xi Jinping has stressed …"): the person the lead,
        else the story, opens with — the host if said to preside, else the main speaker when
        they speak; not someone the page lists as attending. (The first of the story's first
        paragraphs to open with a person: a summary line such as "The highlights of the
        meeting:" may come first, and a lead may name only a title: "The Chinese premier made
        the visit during an inspection tour …".)"""
        where, person = lead.sentence if lead else self.paragraphs[self.story[0]], None
        # "… with the presence of Xi Jinping, …" lists, not leads; but the one speaker the page
        # names ("The Politburo held a group study … Xi Jinping spoke") is who spoke there.
        present = {p.id for p in cast.attendees + (cast.speakers if len(cast.speakers) > 1 else [])}
        for where in ([lead.sentence] if lead else []) + [self.opening(i) for i in self.story[:3] if self.sentences[i]]:
            if lead and where != lead.sentence and self.lexicon.before_event.search(self.text, where.start, where.end):
                continue  # "Xi presided over a meeting of … before the two-day conference": another event
            mention = self.named_as_subject(where) or self.surname_subject(where)
            person = self.person(mention) if mention else None
            if person and person.id not in present:
                break
            person = None
        if person is None or (cast.host is not None and person.id == cast.host.id):
            return
        pronoun = lead and self.lexicon.pronouns.match(self.text, lead.sentence.start) and self.lead_presides(lead)  # "He … while chairing"
        if cast.host is None and (pronoun or presides(self.text, person.name, self.lexicon)):
            cast.host = person
            self.found["host"] = "the person the story opens with, who presided"
        elif cast.host is None or self.lexicon.speech_verbs.search(self.text, where.start, where.end):
            cast.main_speaker = person
            self.found["main_speaker"] = "the person the story opens with, who spoke"
        cast.drop_leaders()

    def surname_subject(self, where: Span) -> Mention | None:
        """A surname alone opening ``where`` (after a phrase of time or place), printed in full
        elsewhere on the page: "On Wednesday afternoon, Xi went to …" under "Xi Jinping's
        inspection tour of Xinjiang"."""
        opening = SURNAME_FIRST.match(self.text, where.start, where.end)
        if opening is None or self.lexicon.pronouns.match(self.text, opening.start("surname")):  # "He made the remarks …" is no Mr He
            return None
        paragraph = next((i for i in self.story if self.paragraphs[i].start <= where.start < self.paragraphs[i].end), self.story[0])
        return self.named_by_surname(where, opening.end("surname"), paragraph)

    def opening(self, paragraph: int) -> Span:
        """A paragraph's first two sentences: where it names who it is about."""
        sentences = self.sentences[paragraph][:2]
        return Span(sentences[0].start, sentences[-1].end)

    def titled_host(self, cast: Cast) -> None:
        """"The meeting, chaired by the premier, stressed …": whoever is named with that title presided."""
        titled = self.chair_by_title([p for p in (cast.main_speaker,) if p] + cast.attendees)
        if titled:
            cast.host = titled
            self.found["host"] = "the person of the title a sentence says presided ('chaired by the premier')"
            if cast.main_speaker and cast.main_speaker.id == titled.id:
                cast.main_speaker = None
            cast.attendees = [p for p in cast.attendees if p.id != titled.id]

    def chair_by_title(self, people: list[Person]) -> Person | None:
        """The one of ``people`` whose title a "chaired by the premier" names."""
        for i in self.story:
            span = self.paragraphs[i]
            match = CHAIRED_BY_TITLE.search(self.text, span.start, span.end)
            if match:
                word = match.group("title").lower()
                titled = [p for p in people if any(re.search(rf"\b{word}\b", t.lower()) for t in p.titles)]
                for j in self.story[:3]:  # else whoever the story's opening names with that title
                    for sentence in self.sentences[j]:
                        mention = parse_mention(self.text, sentence, self.lexicon)
                        person = self.person(mention) if mention else None
                        if person and any(re.search(rf"\b{word}\b", t.lower()) for t in person.titles):
                            titled.append(person)
                return titled[0] if titled else None
        return None

    def lead_presides(self, lead: Lead) -> bool:
        """Whether the lead sentence's own verb is one of presiding ("presided over", "chaired",
        "held a symposium"; "made the remarks while chairing …" too)."""
        sentence = self.text[lead.verb_start:lead.sentence.end]
        verb = self.lexicon.presiding_form.match(sentence)
        return bool(verb) or bool(re.search(r"\bwhile\s+(?:chairing|presiding|hosting|leading)\b", sentence))

    def later_host(self, lead: Lead) -> tuple[Person | None, bool]:
        """Where the lead sentence names nobody ("The conference was held …"), the person a
        later sentence says held or addressed it ("Xi … attended the conference and delivered
        an important speech"), and whether that sentence says they presided."""
        for i in self.story[:LEAD_WITHIN]:
            for span in self.sentences[i]:
                if span.start <= lead.sentence.start:
                    continue
                match = match_lead(self.text, span, self.lexicon)
                if match is None or self.lexicon.before_event.search(self.text, match.end(), span.end):
                    continue  # none, or "… presided over a meeting of … before the two-day conference"
                mention = self.named_as_subject(Span(span.start, match.start()))  # not "Xi Jinping's speeches during his tour"
                if mention:
                    self.found["later"] = f"subject of {match.group('verb')!r} after the lead sentence"
                    self.host_sentence = span
                    person = self.person(mention)
                    presided = bool(self.lexicon.presiding_form.match(self.text, match.start("verb"), span.end)) \
                        or presides(self.text, person.name, self.lexicon)
                    return person, presided
        return None, False

    def add_aside_titles(self, person: Person) -> None:
        """Titles printed in an aside in the first story paragraphs ("Xi, also …")."""
        names = [person.name, person.name.split()[0]]
        for i in self.story[:4]:
            for title in aside_titles(self.text, self.paragraphs[i], names, self.lexicon):
                if title not in person.titles:
                    person.titles.append(title)
