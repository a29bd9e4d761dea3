"""Property tests: any text gives an Event (or a ReadoutError with a location), never another
exception, and every span the loader reports is exact."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout.errors import ReadoutError
from readout.load import decode_source, default_lexicon, parse_source

LONE_SURNAMES = frozenset(default_lexicon().data["lone_surnames"])
MISPRINTED = default_lexicon().data["misprinted_names"]  # "Cai Qiding" printed for Cai Qi

FRAGMENTS = [
    " date 2024-03-21\n", "BEIJING, March 20 (Xinhua) -- ", "Xi Jinping", "Li Qiang", "Cai Qi",
    ", General Secretary of the CPC Central Committee,", ", also premier of the State Council,",
    " held a symposium", " presided over a meeting", " attended the conference and delivered a speech",
    " in Shanghai", " on the morning of the 30th", " on Thursday", " from Wednesday to Friday",
    " on Aug. 20", " on 31 February 2023", " to discuss", " the integrated development of the region",
    ". ", ".", "\n\n", "\n", "\r\n", " and ", "; ", ", ", " were in attendance", " was attended by ",
    " Vice Premiers ", " The three are members of the Political Bureau.", " has made progress",
    ", but ", " still faces problems", " called for", " must ", "First, ", " Xi said.", " he said",
    "Overall, ", " concluded", "(Web editor: Li Hua)", "Enditem", "Share | Print", "U.S.", " No. 1",
    " 3.5 percent", "\"", "“", "”", "—", "--", "\ufeff", "\x00", "Ü", "习近平", "\u202e", " ",
]

genre_text = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=400), genre_text,
                     st.tuples(genre_text, st.text(max_size=50), genre_text).map("".join))


def check_event(text: str) -> None:
    event = parse_source(text, "prop.txt")
    seen_ids = set()
    for s in event.statements:
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text and s.text
        paragraph = event.paragraphs[s.paragraph]
        assert paragraph.start <= s.start <= s.end <= paragraph.end
        assert s.id not in seen_ids
        seen_ids.add(s.id)
    ends = [(p.start, p.end) for p in event.paragraphs]
    assert ends == sorted(ends) and all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))
    spans = [(s.start, s.end) for s in event.statements]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    for person in event.people():
        # The name as printed is in the text: the name itself, or beside it what was printed.
        assert person.id and (person.as_printed or person.name) in text
        # … and differs from the name only in case and spacing ("Ai  Ai", printed with two
        # spaces, is Ai Ai), unless it is the surname alone of a leader the lexicon knows by it
        # ("Xi" for Xi Jinping) or a garbling the lexicon knows ("Cai Qiding" for Cai Qi).
        assert person.as_printed is None or " ".join(person.as_printed.split()).lower() == person.name.lower() or (
            person.name in LONE_SURNAMES and person.name.split()[0] == person.as_printed) or (
            MISPRINTED.get(" ".join(person.as_printed.split())) == person.name)
        for title in person.titles:
            assert title
    for w in event.warnings:
        assert w.line is None or w.line >= 1
    event.to_json()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_gives_an_event_with_exact_spans(text):
    check_event(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_text_or_a_located_error(data):
    try:
        text = decode_source(data, "bytes.txt")
    except ReadoutError as error:
        location = error.diagnostics[0].location
        assert location.path == "bytes.txt"
        assert location.line is None or (location.line >= 1 and location.column >= 1)
        return
    check_event(text)
