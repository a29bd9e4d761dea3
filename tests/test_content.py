"""Editors own the record: corrections in content/events, people files, free pages, and every
mistake reported at its line and column, all at once."""

import hashlib

from helpers import SEED_NAME, page

from readout.build import build
from readout.cli import main
from readout.config import load_config

EVENT = f"events/{SEED_NAME}/"
OVERRIDE = f"content/events/{SEED_NAME}.md"


def built(root):
    return build(load_config(root)).output


def test_editor_wins_on_every_field_and_the_page_says_so(project):
    root = project(files={OVERRIDE: """---
title: Shanghai symposium on the Yangtze River Delta
date: 2023-11-29
time_of_day: afternoon
kind: meeting
location: Shanghai, Xijiao
subject: the Delta's integration
host: {name: Xi Jinping, titles: [General Secretary of the CPC Central Committee]}
attendees:
  - li-qiang
  - {name: He Lifeng, titles: [Vice Premier of the State Council]}
statements:
  s6: {section: priorities}
  s12: {hidden: true}
  s11: {speaker: li-qiang, themes: [ecology]}
themes: [innovation]
---

The readout does not say who *else* spoke.
"""})
    site = built(root)
    soup = page(site, EVENT)
    assert soup.h1.get_text() == "Shanghai symposium on the Yangtze River Delta"
    facts = {dt.get_text(): dd.get_text(" ", strip=True)
             for dt, dd in zip(soup.select(".facts-table dt"), soup.select(".facts-table dd"))}
    assert facts["When"] == "29 November 2023, afternoon"
    assert facts["Where"] == "Shanghai, Xijiao"
    assert facts["Kind"] == "Meeting"
    assert facts["Host"] == "Xi Jinping General Secretary of the CPC Central Committee"
    assert facts["Themes"] == "Innovation"
    people = [li.a.get_text() for li in soup.select("#attendees .people li")]
    assert people == ["Li Qiang", "He Lifeng"]
    corrected = soup.select_one(".corrected").get_text()
    assert corrected == ("Corrected by hand by an editor: title; date; time of day; kind; location; "
                         "subject; host; attendees; section of statement s6; speaker of statement s11; "
                         "statement s12 hidden. The rest is as the loader read the readout.")
    assert soup.select("#priorities .statement .text")[0].get_text()[:25] == "However, he also pointed "
    shown = soup.get_text()
    assert "It also emphasized the need for continued collaboration" not in shown
    assert soup.select_one(".commentary em").get_text() == "else"
    he = page(site, "people/he-lifeng/")
    assert "Vice Premier of the State Council" in he.get_text()
    li = page(site, "people/li-qiang/")
    assert "Overall, the symposium underlined" in li.get_text()


def test_people_files_merge_names_aliases_positions_and_bio(project):
    # "Li Quiang" is a misspelling a readout printed; the people file lists it as an alias.
    text = (" date 2024-01-05\nPremier Li Quiang chaired a meeting in Beijing on Thursday to discuss "
            "winter heating.\n")
    root = project(files={
        "content/sources/2024-01-04-heating-meeting.txt": text,
        "content/people/li-qiang.md": """---
name: Li Qiang
aliases: [Li Quiang]
positions:
  - {title: Premier of the State Council, from: 2023-03-11}
  - {title: Party Secretary of Shanghai, from: 2017-10-29, to: 2022-10-23}
---

Born in Zhejiang. See the [[2023-11-30-yangtze-river-delta-symposium|2023 symposium]].
"""})
    site = built(root)
    soup = page(site, "people/li-qiang/")
    assert soup.h1.get_text() == "Li Qiang"
    assert "Also printed as Li Quiang" in soup.get_text()
    positions = [li.get_text(" ", strip=True) for li in soup.select(".positions li")]
    assert positions[0] == "Premier of the State Council (from 11 March 2023)"
    assert positions[1] == "Party Secretary of Shanghai (from 29 October 2017 to 23 October 2022)"
    events = [a.a.get_text() for a in soup.select(".appearances > li")]
    assert events == ["Meeting on winter heating",
                      "Symposium on further promoting the integrated development of the Yangtze River Delta"]
    assert not (site / "people" / "li-quiang").exists()


def test_free_pages_in_the_navigation_by_nav_order(project):
    root = project(files={
        "content/pages/method.md": "---\ntitle: Method\nnav_order: 2\n---\n\nHow we read.\n",
        "content/pages/about.md": "---\ntitle: About\nnav_order: 1\n---\n\nWho we are.\n",
        "content/pages/colophon.md": "---\ntitle: Colophon\n---\n\nNot in the navigation.\n",
    })
    site = built(root)
    nav = [a.get_text() for a in page(site, "").select("header nav a")]
    assert nav == ["Timeline", "Topics", "People", "Themes", "About", "Method"]
    assert page(site, "colophon/").h1.get_text() == "Colophon"
    assert page(site, "method/").select_one("article p").get_text() == "How we read."


def test_every_mistake_is_reported_at_its_place_in_one_run(project, capsys):
    root = project(files={
        OVERRIDE: """---
title: Fine
atendees: [li-qiang]
date: 2023-02-30
location: [Shanghai]
host: li-qaing
statements:
  s99: {section: progress}
  s2: {section: progres}
---
""",
        "content/events/no-such-event.md": "---\ntitle: Orphan\n---\n",
        "content/people/cai-qi.md": "---\nname: Cai Qi\npositions:\n  - {title: Director, from: 2022-13-01}\n---\n",
        "content/pages/about.md": "---\nnav_order: first\ntitle: About\n---\n",
    })
    assert main(["-C", str(root), "build"]) == 1
    assert not (root / "site").exists()
    capsys.readouterr()
    broken = {p: p.read_bytes() for p in (root / "content").rglob("*.md")}
    for path in broken:
        path.unlink()
    assert main(["-C", str(root), "build"]) == 0
    good = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    for path, data in broken.items():
        path.write_bytes(data)
    assert main(["-C", str(root), "build"]) == 1
    err = capsys.readouterr().err
    expected = [
        f"{OVERRIDE}:3:1: unknown key 'atendees' in event front matter\n  hint: did you mean 'attendees'?",
        f"{OVERRIDE}:4:7: 'date' is not a real date: 2023-02-30",
        f"{OVERRIDE}:5:11: 'location' must be text, not a list",
        f"{OVERRIDE}:6:7: unknown person 'li-qaing'\n  hint: did you mean 'li-qiang'?",
        f"{OVERRIDE}:8:3: unknown statement 's99' in event '{SEED_NAME}'",
        f"{OVERRIDE}:9:17: 'section' must be one of lead, attendees, progress, problems, priorities, conclusion, other, not 'progres'\n  hint: did you mean 'progress'?",
        "content/events/no-such-event.md: no readout for event 'no-such-event'",
        "content/people/cai-qi.md:4:29: 'from' is not a real date: 2022-13-01",
        "content/pages/about.md:2:12: 'nav_order' must be a whole number, not 'first'",
    ]
    for line in expected:
        assert line in err, (line, err)
    assert good == {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}


def test_front_matter_shapes(project, capsys):
    for body, message in [
        ("---\ntitle: X\n", f"{OVERRIDE}:1:1: front matter is not closed"),
        ("---\n- a\n- b\n---\n", f"{OVERRIDE}:2:1: front matter must be a mapping of keys to values, not a list"),
        ("---\ntitle: X\ntitle: Y\n---\n", f"{OVERRIDE}:3:1: duplicate key 'title' in event front matter"),
        ("---\ntitle: X\n\tkind: y\n---\n", f"{OVERRIDE}:3:1: tab character in front matter"),
        ("---\ntitle: [unclosed\n---\n", f"{OVERRIDE}:3:1: invalid YAML"),
    ]:
        root = project(files={OVERRIDE: body})
        assert main(["-C", str(root), "build"]) == 1
        err = capsys.readouterr().err
        assert message in err, (message, err)


def test_build_never_changes_a_source_or_an_editor_file(project):
    root = project(files={OVERRIDE: "---\ntitle: T\n---\nNote.\n"})
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (root / "content").rglob("*") if p.is_file()}
    built(root)
    built(root)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (root / "content").rglob("*") if p.is_file()}
    assert before == after


def test_commentary_without_front_matter_is_shown(project):
    root = project(files={OVERRIDE: "Just a note, no front matter.\n"})
    soup = page(built(root), EVENT)
    assert soup.select_one(".commentary p").get_text() == "Just a note, no front matter."
    assert soup.select_one(".corrected") is None
