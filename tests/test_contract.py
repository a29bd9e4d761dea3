"""`readout parse PATH --json` follows the JSON contract in schema/event.schema.json."""

import json
from importlib import resources

import jsonschema
from helpers import ROOT, SEED_PATH

from readout.cli import main


def schema():
    return json.loads(resources.files("readout").joinpath("schema/event.schema.json").read_text())


def parse_json(capsys, path) -> dict:
    assert main(["-C", str(ROOT), "parse", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_parse_json_validates_against_the_schema(capsys):
    data = parse_json(capsys, SEED_PATH)
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(data, schema(), format_checker=jsonschema.FormatChecker())
    assert data["id"] == "2023-11-30-yangtze-river-delta-symposium"
    assert data["source"]["path"] == "content/sources/2023-11-30-yangtze-river-delta-symposium.txt"
    assert data["host"]["name"] == "Xi Jinping"
    assert [p["name"] for p in data["attendees"]] == ["Li Qiang", "Cai Qi"]


def test_json_spans_index_the_decoded_text(capsys):
    data = parse_json(capsys, SEED_PATH)
    text = SEED_PATH.read_text(encoding="utf-8")
    for item in data["statements"]:
        assert text[item["start"]:item["end"]] == item["text"]
    for item in data["paragraphs"]:
        assert 0 <= item["start"] < item["end"] <= len(text)


def test_a_file_outside_the_project_gets_an_id_from_its_text(tmp_path, capsys):
    copy = tmp_path / "000_4a9bbdc68f5b54af.txt"
    copy.write_bytes(SEED_PATH.read_bytes())
    data = parse_json(capsys, copy)
    jsonschema.validate(data, schema())
    assert data["id"] == "2023-11-30-yangtze-river-delta-symposium"


def test_parse_without_json_is_readable(capsys):
    assert main(["parse", str(SEED_PATH)]) == 0
    out = capsys.readouterr().out
    assert "host: Xi Jinping" in out
    assert "[s6 ¶3 problems] However, he also pointed out" in out


def test_every_fixture_follows_the_schema_and_says_how_fields_were_found():
    from readout.load import parse_source

    for path in sorted((ROOT / "tests" / "data" / "readouts").glob("*.txt")):
        event = parse_source(path.read_text(encoding="utf-8"), f"tests/data/readouts/{path.name}")
        data = event.to_json()
        jsonschema.validate(data, schema(), format_checker=jsonschema.FormatChecker())
        for field in ("date", "kind", "location", "subject", "host"):
            if data[field] is not None:
                assert field in data["found"], (path.name, field)
        if data["attendees"]:
            assert "attendees" in data["found"], path.name
