"""People's roles at an event — who presided, who gave the main speech, who attended, who
spoke — as editors correct them in front matter, and as every page and data file shows them."""

import json
import re
from datetime import date
from importlib import resources

import jsonschema
import pytest
import yaml
from helpers import SEED_NAME, check_links, page

from readout.build import build
from readout.cli import main
from readout.config import load_config
from readout.corrections import apply_corrections
from readout.model import Event, Person, Source
from readout.scaffold import starter_event_file

EVENT = f"events/{SEED_NAME}/"
OVERRIDE = f"content/events/{SEED_NAME}.md"
# The seed's readout has Xi Jinping presiding, Li Qiang and Cai Qi attending. The editor says
# Wang Huning presided and Xi gave the main speech; Cai Qi (whom a translation printed "Cai
# Qiding") and Ding Xuexiang spoke in turn.
ROLES = """---
host: {name: Wang Huning, titles: [Chairman of the CPPCC National Committee]}
main_speaker: xi-jinping
speakers:
  - {name: Cai Qi, as_printed: Cai Qiding, titles: [Director of the General Office of the CPC Central Committee]}
  - {name: Ding Xuexiang, titles: [Vice Premier of the State Council]}
---
"""
# A second event where Li Qiang presides, so that his page has two roles.
SECOND = (" date 2024-03-06\nLi Qiang, Premier of the State Council, chaired a meeting in Beijing on "
          "Tuesday to discuss scientific and technological innovation.\n\nLi said the country has made "
          "steady progress in innovation.\n")
XI_TITLES = ("General Secretary of the CPC Central Committee President of the State "
             "Chairman of the Central Military Commission")


@pytest.fixture(scope="module")
def roles_site(tmp_path_factory):
    """The seed with the roles corrected, and a second event: (project root, built site)."""
    from helpers import make_project

    root = make_project(tmp_path_factory.mktemp("roles") / "project",
                        {OVERRIDE: ROLES, "content/sources/2024-03-05-innovation-meeting.txt": SECOND})
    return root, build(load_config(root), search=False).output


def facts_of(soup) -> dict[str, str]:
    return {dt.get_text(): dd.get_text(" ", strip=True)
            for dt, dd in zip(soup.select(".facts-table dt"), soup.select(".facts-table dd"))}


def test_the_event_page_says_who_presided_gave_the_main_speech_attended_and_spoke(roles_site):
    _, site = roles_site
    soup = page(site, EVENT)
    facts = facts_of(soup)
    assert facts["Host"] == "Wang Huning Chairman of the CPPCC National Committee"
    assert facts["Main speaker"] == f"Xi Jinping {XI_TITLES}"  # titles as the readout printed them
    assert facts["Attendees"] == ("Li Qiang Member of the Standing Committee of the Political Bureau of the "
                                  "CPC Central Committee Premier of the State Council")
    speakers = [li.get_text(" ", strip=True) for li in soup.select(".facts-table dd.role-speaker li")]
    assert speakers == [
        'Cai Qi (printed " Cai Qiding ") Director of the General Office of the CPC Central Committee',
        "Ding Xuexiang Vice Premier of the State Council"]
    assert soup.select_one("dd.role-speaker .as-printed").get_text() == '(printed "Cai Qiding")'
    assert [a["href"] for a in soup.select(".facts-table dd a[href*=people]")] == [
        f"../../people/{p}/index.html" for p in ("wang-huning", "xi-jinping", "li-qiang", "cai-qi", "ding-xuexiang")]
    note = soup.select_one(".corrected").get_text()
    # Cai Qi was an attendee as the loader read it: naming him a speaker moved him.
    assert note.startswith("Corrected by hand by an editor: host; main speaker; speakers; attendees.")
    assert {s["data-pagefind-filter"] for s in soup.select(".search-filters [data-pagefind-filter^=person]")} == {
        f"person:{n}" for n in ("Wang Huning", "Xi Jinping", "Li Qiang", "Cai Qi", "Ding Xuexiang")}
    # The attendees section and the attendees topic page list the same people, by role.
    section = [li.get_text(" ", strip=True)[-12:] for li in soup.select("#attendees .people li")]
    assert [li.a.get_text() for li in soup.select("#attendees .people li")] == [
        "Xi Jinping", "Li Qiang", "Cai Qi", "Ding Xuexiang"]
    assert section[0].endswith("main speaker") and section[2].endswith("speaker")
    topic = page(site, f"{EVENT}attendees/")
    tagged = [(li.a.get_text(), li.select_one(".role").get_text() if li.select_one(".role") else None)
              for li in topic.select(".people li")]
    assert tagged == [("Wang Huning", "host"), ("Xi Jinping", "main speaker"), ("Li Qiang", None),
                      ("Cai Qi", "speaker"), ("Ding Xuexiang", "speaker")]


def test_every_link_of_the_roles_site_leads_somewhere(roles_site):
    _, site = roles_site
    assert check_links(site) > 100


def test_an_event_shows_only_the_roles_it_has(roles_site, seed_site):
    _, site = roles_site
    assert list(facts_of(page(site, "events/2024-03-05-innovation-meeting/"))) == ["When", "Where", "Kind", "Host",
                                                                                  "Published", "Source"]
    seed = facts_of(page(seed_site, EVENT))
    assert "Host" in seed and "Attendees" in seed
    assert "Main speaker" not in seed and "Speakers" not in seed


def test_each_persons_page_lists_their_events_by_role(roles_site):
    _, site = roles_site

    def roles(person_id):
        soup = page(site, f"people/{person_id}/")
        return {h3.get_text(): [li.a.get_text()[:14] for li in h3.find_next_sibling("ul").select(":scope > li")]
                for h3 in soup.select("#events-heading ~ h3")}

    assert roles("wang-huning") == {"Presided": ["Symposium on f"]}
    assert roles("xi-jinping") == {"Gave the main speech": ["Symposium on f"]}
    assert roles("li-qiang") == {"Presided": ["Meeting on sci"], "Attended": ["Symposium on f"]}
    assert roles("ding-xuexiang") == {"Spoke": ["Symposium on f"]}
    cai = page(site, "people/cai-qi/")
    assert list(roles("cai-qi")) == ["Spoke"]
    spoke = cai.select_one("ul.role-speaker > li")
    assert spoke.select_one(".as-printed").get_text() == 'Printed "Cai Qiding"'
    assert [li.get_text() for li in spoke.select(".titles-list li")] == [
        "Director of the General Office of the CPC Central Committee"]


def test_json_ld_gives_each_role_a_schema_org_term(roles_site):
    _, site = roles_site
    data = json.loads(page(site, EVENT).find("script", type="application/ld+json").string)
    assert data["organizer"]["name"] == "Wang Huning"
    assert data["organizer"]["jobTitle"] == ["Chairman of the CPPCC National Committee"]
    assert data["performer"]["@type"] == "Role" and data["performer"]["roleName"] == "main speaker"
    assert data["performer"]["performer"]["name"] == "Xi Jinping"
    assert [a["attendee"]["name"] for a in data["attendee"]] == ["Li Qiang"]
    assert [(c["roleName"], c["contributor"]["name"]) for c in data["contributor"]] == [
        ("speaker", "Cai Qi"), ("speaker", "Ding Xuexiang")]
    assert data["contributor"][0]["contributor"]["alternateName"] == "Cai Qiding"
    assert "alternateName" not in data["contributor"][1]["contributor"]
    second = json.loads(page(site, "events/2024-03-05-innovation-meeting/")
                        .find("script", type="application/ld+json").string)
    assert "performer" not in second and "contributor" not in second and second["attendee"] == []


def test_the_data_files_carry_the_roles(roles_site):
    _, site = roles_site
    people = {p["id"]: p for p in json.loads((site / "data" / "people.json").read_text())}

    def roles(person_id):
        return [(a["event"][:10], a["role"]) for a in people[person_id]["appearances"]]

    assert roles("wang-huning") == [("2023-11-30", "host")]
    assert roles("xi-jinping") == [("2023-11-30", "main_speaker")]
    assert roles("li-qiang") == [("2024-03-05", "host"), ("2023-11-30", "attendee")]
    assert roles("cai-qi") == [("2023-11-30", "speaker")]
    assert people["cai-qi"]["appearances"][0]["as_printed"] == "Cai Qiding"
    assert "as_printed" not in people["ding-xuexiang"]["appearances"][0]
    events = {e["id"]: e for e in json.loads((site / "data" / "events.json").read_text())}
    schema = json.loads(resources.files("readout").joinpath("schema/event.schema.json").read_text())
    seed = events[SEED_NAME]
    jsonschema.validate(seed, schema, format_checker=jsonschema.FormatChecker())
    assert seed["host"]["id"] == "wang-huning" and seed["main_speaker"]["id"] == "xi-jinping"
    assert [p["id"] for p in seed["attendees"]] == ["li-qiang"]
    assert [p.get("as_printed") for p in seed["speakers"]] == ["Cai Qiding", None]


def test_the_material_theme_shows_the_roles(roles_site):
    pytest.importorskip("material")
    root, _ = roles_site
    site = build(load_config(root), root / "site-material", theme="material", search=False).output
    soup = page(site, EVENT)
    body = soup.select_one(".readout-page")
    assert facts_of(body)["Main speaker"] == f"Xi Jinping {XI_TITLES}"
    assert [li.a.get_text() for li in body.select(".facts-table dd.role-speaker li")] == ["Cai Qi", "Ding Xuexiang"]
    person = page(site, "people/xi-jinping/").select_one(".readout-page")
    assert [h3.get_text() for h3 in person.select("#events-heading ~ h3")] == ["Gave the main speech"]


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
    # Every mistake, in one run, at its line and column (the hints of some left out here).
    located = [line.removeprefix(f"{OVERRIDE}:") for line in capsys.readouterr().err.splitlines()
               if line.startswith(OVERRIDE) or "did you mean" in line]
    assert located == [
        "2:15: unknown person 'xi-jinpin'", "  hint: did you mean 'xi-jinping'?",
        "5:5: unknown person 'cai-qii'", "  hint: did you mean 'cai-qi'?",
        "6:39: 'as_printed' must be text, not a list",
        "7:5: 'speakers' needs a 'name'",
        "8:23: unknown key 'printed' in 'speakers'", "  hint: did you mean 'as_printed'?",
        "9:5: 'speakers' must be a person id or {name: …, titles: […]}, not a list",
        "10:12: 'attendees' must be a list, not a mapping",
    ]
    assert not (root / "site").exists()
    (root / OVERRIDE).write_text("---\nmain_speaker: [xi-jinping]\nspeakers: cai-qi\n---\n")
    assert main(["-C", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert (f"{OVERRIDE}:2:15: 'main_speaker' must be a person id or {{name: …, titles: […]}}, not a list"
            in err), err
    assert f"{OVERRIDE}:3:11: 'speakers' must be a list, not 'cai-qi'" in err, err


def test_the_starter_file_gives_every_role():
    made = event(host="wang-huning", main_speaker="xi-jinping", attendees=["li-qiang"], speakers=["cai-qi"])
    made.speakers[0].as_printed = "Cai Qiding"
    text = starter_event_file(made)
    # Uncommented, the role lines are front matter holding exactly what the loader read.
    fields = [line[2:] for line in text.splitlines()
              if re.match(r"# (host|main_speaker|attendees|speakers):|#   - ", line)]
    values = yaml.safe_load("\n".join(fields))
    assert values["main_speaker"] == {"name": "Xi Jinping", "titles": ["Title of xi-jinping"]}
    assert values["attendees"] == [{"name": "Li Qiang", "titles": ["Title of li-qiang"]}]
    assert values["speakers"] == [{"name": "Cai Qi", "titles": ["Title of cai-qi"], "as_printed": "Cai Qiding"}]
