"""People's roles at an event — who presided, who gave the main speech, who attended, who
spoke — as editors correct them in front matter, and as every page and data file shows them."""

from datetime import date

from helpers import SEED_NAME, page
from readout.build import build
from readout.cli import main
from readout.config import load_config
from readout.content import apply_corrections
from readout.model import Event, Person, Source

EVENT = f"events/{SEED_NAME}/"
OVERRIDE = f"content/events/{SEED_NAME}.md"


def facts_of(soup) -> dict[str, str]:
    return {dt.get_text(): dd.get_text(" ", strip=True)
            for dt, dd in zip(soup.select(".facts-table dt"), soup.select(".facts-table dd"))}


def event(**roles) -> Event:
    """An event as the loader might give it, with ``roles`` (people by id)."""
    def person(person_id):
        return Person(person_id, person_id.replace("-", " ").title(), [f"Title of {person_id}"])

    made = Event("e", "E", Source("content/sources/e.txt", "0" * 64), "text", date=date(2024, 1, 1))
    for role, ids in roles.items():
        setattr(made, role, [person(i) for i in ids] if isinstance(ids, list) else person(ids))
    return made


def ids(made: Event) -> dict:
    return {"host": made.host and made.host.id, "main_speaker": made.main_speaker and made.main_speaker.id,
            "attendees": [p.id for p in made.attendees], "speakers": [p.id for p in made.speakers]}


def test_a_person_named_in_a_role_leaves_every_other_one():
    loaded = event(host="xi-jinping", main_speaker="wang-huning", attendees=["li-qiang", "cai-qi"],
                   speakers=["ding-xuexiang"])
    speaker, attendee = loaded.speakers[0], loaded.attendees[1]
    apply_corrections(loaded, {"main_speaker": None, "speakers": [attendee, speaker]})
    assert ids(loaded) == {"host": "xi-jinping", "main_speaker": None, "attendees": ["li-qiang"],
                           "speakers": ["cai-qi", "ding-xuexiang"]}
    assert loaded.corrected == ["main_speaker", "speakers", "attendees"]
    # Naming the host the main speaker takes him out of the host's place; the editor's roles
    # come first, host before main speaker before attendees before speakers.
    moved = event(host="xi-jinping", attendees=["li-qiang"], speakers=["cai-qi"])
    xi, li = moved.host, moved.attendees[0]
    apply_corrections(moved, {"main_speaker": xi, "host": li, "attendees": [li, xi]})
    assert ids(moved) == {"host": "li-qiang", "main_speaker": "xi-jinping", "attendees": [], "speakers": ["cai-qi"]}
    assert moved.corrected == ["host", "main_speaker", "attendees"]
    untouched = event(host="xi-jinping", attendees=["li-qiang"])
    apply_corrections(untouched, {"title": "T"})
    assert ids(untouched)["attendees"] == ["li-qiang"] and untouched.corrected == ["title"]


def test_a_main_speaker_the_loader_found_is_removed_with_null(project):
    root = project(files={OVERRIDE: "---\nmain_speaker: null\nspeakers: []\n---\n"})
    site = build(load_config(root), search=False).output
    soup = page(site, EVENT)
    assert "Main speaker" not in facts_of(soup) and "Speakers" not in facts_of(soup)
    assert soup.select_one(".corrected").get_text().startswith(
        "Corrected by hand by an editor: main speaker; speakers.")


def test_role_mistakes_are_located(project, capsys):
    root = project(files={OVERRIDE: """---
main_speaker: xi-jinpin
speakers:
  - li-qiang
  - cai-qii
  - {name: Ding Xuexiang, as_printed: [Ding, Xue]}
  - {titles: [Vice Premier]}
  - {name: He Lifeng, printed: He Li}
  - [he-lifeng]
attendees: {name: Li Qiang}
---
"""})
    assert main(["-C", str(root), "build"]) == 1
    err = capsys.readouterr().err
    expected = [
        f"{OVERRIDE}:2:15: unknown person 'xi-jinpin'\n  hint: did you mean 'xi-jinping'?",
        f"{OVERRIDE}:5:5: unknown person 'cai-qii'\n  hint: did you mean 'cai-qi'?",
        f"{OVERRIDE}:6:39: 'as_printed' must be text, not a list",
        f"{OVERRIDE}:7:5: 'speakers' needs a 'name'",
        f"{OVERRIDE}:8:23: unknown key 'printed' in 'speakers'\n  hint: did you mean 'as_printed'?",
        f"{OVERRIDE}:9:5: 'speakers' must be a person id or {{name: …, titles: […]}}, not a list",
        f"{OVERRIDE}:10:12: 'attendees' must be a list, not a mapping",
    ]
    for line in expected:
        assert line in err, (line, err)
    assert not (root / "site").exists()
    (root / OVERRIDE).write_text("---\nmain_speaker: [xi-jinping]\nspeakers: cai-qi\n---\n")
    assert main(["-C", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert (f"{OVERRIDE}:2:15: 'main_speaker' must be a person id or {{name: …, titles: […]}}, not a list"
            in err), err
    assert f"{OVERRIDE}:3:11: 'speakers' must be a list, not 'cai-qi'" in err, err
