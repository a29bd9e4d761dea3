"""The seed readout, read field by field: what issue 2 promises the loader gets right."""

from datetime import date

SEED_STATEMENTS = [
    # (section, paragraph, speaker, first words)
    ("lead", 0, None, "Xi Jinping, General Secretary of the CPC Central Committee"),
    ("lead", 0, "xi-jinping", "During the symposium, he stressed"),
    ("lead", 0, "xi-jinping", "This, he emphasized, is crucial"),
    ("attendees", 1, None, "Li Qiang, Member of the Standing Committee"),
    ("progress", 2, "xi-jinping", "Xi Jinping highlighted the progress"),
    ("problems", 2, "xi-jinping", "However, he also pointed out"),
    ("priorities", 3, "xi-jinping", "To address these issues, Xi Jinping outlined several key areas"),
    ("priorities", 3, "xi-jinping", "He emphasized the need to promote high-level coordinated opening up"),
    ("priorities", 3, "xi-jinping", "Additionally, Xi Jinping stressed the need for joint protection"),
    ("conclusion", 4, "xi-jinping", "Xi Jinping concluded the symposium"),
    ("conclusion", 5, None, "Overall, the symposium underlined"),
    ("conclusion", 5, None, "It also emphasized the need for continued collaboration"),
]


def test_event_fields(seed_event):
    e = seed_event
    assert e.id == "2023-11-30-yangtze-river-delta-symposium"
    assert e.date == date(2023, 11, 30)
    assert e.source.published == date(2023, 11, 30)
    assert e.time_of_day == "morning"
    assert e.kind == "symposium"
    assert e.location == "Shanghai"
    assert e.subject == "further promoting the integrated development of the Yangtze River Delta"
    assert e.warnings == []


def test_host_with_three_titles(seed_event):
    host = seed_event.host
    assert (host.id, host.name) == ("xi-jinping", "Xi Jinping")
    assert host.titles == [
        "General Secretary of the CPC Central Committee",
        "President of the State",
        "Chairman of the Central Military Commission",
    ]


def test_attendees_with_both_titles(seed_event):
    standing = "Member of the Standing Committee of the Political Bureau of the CPC Central Committee"
    assert [(p.id, p.name, p.titles) for p in seed_event.attendees] == [
        ("li-qiang", "Li Qiang", [standing, "Premier of the State Council"]),
        ("cai-qi", "Cai Qi", [standing, "Director of the General Office of the CPC Central Committee"]),
    ]


def test_statements_sentence_by_sentence(seed_event):
    got = [(s.section, s.paragraph, s.speaker) for s in seed_event.statements]
    assert got == [row[:3] for row in SEED_STATEMENTS]
    for statement, row in zip(seed_event.statements, SEED_STATEMENTS):
        assert statement.text.startswith(row[3])
    assert [s.id for s in seed_event.statements] == [f"s{i}" for i in range(1, 13)]


def test_third_paragraph_holds_progress_and_problems(seed_event):
    sections = {s.section for s in seed_event.statements if s.paragraph == 2}
    assert sections == {"progress", "problems"}


def test_one_priority_per_key_area(seed_event):
    priorities = seed_event.statements_in("priorities")
    assert len(priorities) == 3
    areas = ["scientific and technological innovation", "institutional opening up", "ecological environment"]
    for statement, area in zip(priorities, areas):
        assert area in statement.text


def test_every_span_is_exact(seed_event, seed_text):
    for s in seed_event.statements:
        assert seed_text[s.start:s.end] == s.text
        para = seed_event.paragraphs[s.paragraph]
        assert para.start <= s.start < s.end <= para.end


def test_statements_cover_the_story(seed_event, seed_text):
    """Between consecutive statements of a paragraph there is only white space: no sentence lost."""
    for p in seed_event.paragraphs:
        inside = [s for s in seed_event.statements if s.paragraph == p.index]
        assert inside[0].start == p.start and inside[-1].end == p.end
        for a, b in zip(inside, inside[1:]):
            assert seed_text[a.end:b.start].strip() == ""


def test_header_line_is_not_story(seed_event, seed_text):
    assert seed_text.startswith(" date 2023-11-30 ")
    assert seed_event.paragraphs[0].start == len(" date 2023-11-30 ")
    assert seed_event.statements[0].text.startswith("Xi Jinping,")


def test_paragraph_sections(seed_event):
    assert [p.section for p in seed_event.paragraphs] == [
        "lead", "attendees", "progress", "priorities", "conclusion", "conclusion"]


def test_seed_is_the_shared_seed_byte_for_byte(seed_text):
    import hashlib

    from helpers import SEED_PATH

    digest = hashlib.sha256(SEED_PATH.read_bytes()).hexdigest()
    # The digest of ../shared/seeds/000_4a9bbdc68f5b54af.txt, which a clone does not have.
    assert digest == "fe7a0996a286bee684c46ccdc198db6f326e72bc2a8187b879731593372ae5e1"
