"""Fixture readouts of our own, one per behaviour of the genre, each compared field by field
with what a careful reader finds in it (tests/data/readouts/NAME.yml)."""

from pathlib import Path

import pytest
import yaml

from readout.load import parse_source

FIXTURES = Path(__file__).parent / "data" / "readouts"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def load(name):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = yaml.safe_load((FIXTURES / f"{name}.yml").read_text(encoding="utf-8"))
    return text, parse_source(text, f"tests/data/readouts/{name}.txt"), expected


def person(p):
    return {"name": p.name, "titles": p.titles, **({"as_printed": p.as_printed} if p.as_printed else {})} if p else None


def test_there_are_fixtures_for_each_behaviour():
    assert len(NAMES) >= 15
    for name in NAMES:
        assert (FIXTURES / f"{name}.yml").is_file(), name


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("field", ["date", "time_of_day", "kind", "location", "host", "main_speaker", "attendees",
                                   "speakers", "paragraphs", "statements", "warnings"])
def test_fixture_field(name, field):
    _, event, expected = load(name)
    if field in ("host", "main_speaker"):
        got = person(getattr(event, field))
    elif field in ("attendees", "speakers"):
        got = [person(p) for p in getattr(event, field)]
    elif field == "paragraphs":
        got = [p.section for p in event.paragraphs]
    elif field == "statements":
        got = [[s.section, s.speaker] for s in event.statements]
    elif field == "warnings":
        messages = [w.message for w in event.warnings]
        assert len(messages) == len(expected["warnings"]), messages
        for wanted in expected["warnings"]:
            assert any(wanted in m for m in messages), (wanted, messages)
        return
    else:
        got = getattr(event, field)
    # Roles added later default to none: a fixture says who spoke only where someone did.
    assert got == expected.get(field, [] if field == "speakers" else None)


@pytest.mark.parametrize("name", NAMES)
def test_fixture_spans_are_exact(name):
    text, event, _ = load(name)
    for s in event.statements:
        assert text[s.start:s.end] == s.text
    for p in event.paragraphs:
        assert text[p.start:p.end].strip() == text[p.start:p.end]
