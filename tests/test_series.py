"""Series: events that continue one another, proposed from the loader's reading, set or broken
by editors, each with its page, its place on every event page, and data/series.json."""

import json

import pytest
from helpers import SEED_NAME, check_links, make_project, page

from readout.build import build
from readout.cli import main
from readout.config import load_config
from readout.errors import ReadoutError
from readout.incremental import Session


def readout(day: str, kind: str, host: str, place: str, subject: str, attendee: str = "") -> str:
    """A short readout of our own words: who held what kind of event where, on which day, about what."""
    attended = f"\n\n{attendee} attended the {kind}." if attendee else ""
    return (f" date {day}\n{host}, Premier of the State Council, chaired a {kind} in {place} on the "
            f"morning of the {int(day[8:])}th to discuss {subject}.{attended}\n\n"
            f"{host.split()[0]} said steady progress has been made.\n\n{host.split()[0]} called for greater efforts.\n")


# Planted: the seed symposium on the Yangtze River Delta and two more (one subject says
# "further", one does not), two meetings on the Yellow River basin, a study session on the
# delta (another kind: no series of its own), and one meeting on its own.
SOURCES = {
    "2019-05-13-delta-symposium": readout("2019-05-13", "symposium", "Zhou Ming", "Hefei",
                                          "promoting the integrated development of the Yangtze River Delta", "Lin Tao"),
    "2021-09-06-delta-symposium": readout("2021-09-06", "symposium", "Zhou Ming", "Hangzhou",
                                          "further promoting the integrated development of the Yangtze River Delta"),
    "2020-08-10-river-meeting": readout("2020-08-10", "meeting", "Gao Ping", "Zhengzhou",
                                        "ecological protection of the Yellow River basin"),
    "2022-10-17-river-meeting": readout("2022-10-17", "meeting", "Gao Ping", "Jinan",
                                        "high-quality development of the Yellow River basin", "Lin Tao"),
    "2022-03-14-delta-study": readout("2022-03-14", "study session", "Zhou Ming", "Beijing",
                                      "the integrated development of the Yangtze River Delta"),
    "2018-11-05-port-meeting": readout("2018-11-05", "meeting", "Gao Ping", "Ningbo", "the reform of sea ports"),
}
DELTA = "symposium-yangtze-river-delta"
RIVER = "meeting-yellow-river"


def project(tmp_path, files=None, settings=""):
    root = make_project(tmp_path / "project", {
        **{f"content/sources/{name}.txt": text for name, text in SOURCES.items()}, **(files or {})})
    if settings:
        (root / "site.yml").write_text((root / "site.yml").read_text() + settings)
    return root


def series_data(site):
    return {s["slug"]: s for s in json.loads((site / "data" / "series.json").read_text())}


def test_the_loader_proposes_series_of_one_kind_on_one_subject(tmp_path):
    site = build(load_config(project(tmp_path)), search=False).output
    found = series_data(site)
    assert sorted(found) == [RIVER, DELTA]
    assert found[DELTA]["events"] == ["2019-05-13-delta-symposium", "2021-09-06-delta-symposium", SEED_NAME]  # by date
    assert found[RIVER]["events"] == ["2020-08-10-river-meeting", "2022-10-17-river-meeting"]
    assert all(s["proposed"] for s in found.values())
    assert found[DELTA]["title"] == "Symposiums on further promoting the integrated development of the Yangtze River Delta"
    # Its page: newest first, each event numbered from the first, with its date, place, host and attendees.
    soup = page(site, f"series/{DELTA}/")
    cards = soup.select("article.event-card")
    assert [c.h2.get_text(" ", strip=True)[:6] for c in cards] == ["No. 3:", "No. 2:", "No. 1:"]
    first = cards[-1]
    assert "13 May 2019" in first.h2.get_text() and "Hefei" in first.select_one(".facts").get_text()
    assert "Zhou Ming" in first.select_one(".facts").get_text()
    assert [a.get_text() for a in first.select(".series-attendees a")] == ["Lin Tao"]
    # The series index, and the footer's link to it.
    index = page(site, "series/")
    assert {a.get_text(): a.find_next("span").get_text() for a in index.select(".index-list a")} == {
        found[DELTA]["title"]: "3", found[RIVER]["title"]: "2"}
    assert page(site, "").select_one('footer a[href="series/index.html"]') is not None
    check_links(site)


def test_every_event_of_a_series_shows_its_place_and_its_neighbours(tmp_path):
    site = build(load_config(project(tmp_path)), search=False).output
    row = page(site, f"events/{'2021-09-06-delta-symposium'}/").select_one("dd.series-place")
    links = [(a.get_text(), a["href"]) for a in row.select("a")]
    assert "no. 2" in row.get_text()
    assert links[1] == ("13 May 2019", "../2019-05-13-delta-symposium/index.html")
    assert links[2] == ("30 November 2023", f"../{SEED_NAME}/index.html")
    newest = page(site, f"events/{SEED_NAME}/").select_one("dd.series-place")
    assert "no. 3" in newest.get_text() and "after it" not in newest.get_text()
    assert page(site, "events/2018-11-05-port-meeting/").select_one("dd.series-place") is None  # in none
    assert page(site, "events/2022-03-14-delta-study/").select_one("dd.series-place") is None  # alone of its kind


def test_editors_set_and_break_series_and_name_them(tmp_path):
    settings = ("series:\n  delta-work:\n    title: The delta's working meetings\n"
                "    description: Every meeting on the delta, whatever its kind.\n")
    files = {"content/events/2022-03-14-delta-study.md": "---\nseries: delta-work\n---\n",
             "content/events/2018-11-05-port-meeting.md": "---\nseries: delta-work\n---\n",
             "content/events/2019-05-13-delta-symposium.md": "---\nseries: null\n---\n"}
    site = build(load_config(project(tmp_path, files, settings)), search=False).output
    found = series_data(site)
    assert [c["event"] for c in found["delta-work"].pop("compared")] == ["2022-03-14-delta-study"]
    assert found["delta-work"] == {
        "slug": "delta-work", "title": "The delta's working meetings", "proposed": False,
        "description": "Every meeting on the delta, whatever its kind.",
        "events": ["2018-11-05-port-meeting", "2022-03-14-delta-study"], "followed_up": []}
    assert found[DELTA]["events"] == ["2021-09-06-delta-symposium", SEED_NAME]  # the one taken out is gone
    assert page(site, "events/2019-05-13-delta-symposium/").select_one("dd.series-place") is None
    assert page(site, "series/delta-work/").h1.get_text() == "The delta's working meetings"


@pytest.mark.parametrize("front, message", [
    ("series: Delta Work\n", "is not a slug"),
    ("series: [a, b]\n", "'series' must be text"),
])
def test_a_bad_series_in_front_matter_is_reported_where_it_is(tmp_path, capsys, front, message):
    root = project(tmp_path, {"content/events/2018-11-05-port-meeting.md": f"---\n{front}---\n"})
    assert main(["-C", str(root), "build", "--no-search"]) == 1
    err = capsys.readouterr().err
    assert "content/events/2018-11-05-port-meeting.md:2:" in err and message in err
    assert "Traceback" not in err


def test_an_unknown_key_under_a_series_in_site_yml_is_reported(tmp_path, capsys):
    root = project(tmp_path, settings="series:\n  delta-work:\n    titel: Meetings\n")
    assert main(["-C", str(root), "build", "--no-search"]) == 1
    err = capsys.readouterr().err
    assert "site.yml:" in err and "titel" in err and "Traceback" not in err


def test_a_new_event_moves_its_neighbours_in_a_preview_as_in_a_fresh_build(tmp_path):
    """The older event's page gains its "after it" link when a newer one joins the series,
    although nothing of its own changed: the preview's rebuild gives what a fresh build gives."""
    root = project(tmp_path)
    session = Session()
    build(load_config(root), search=False, session=session)
    (root / "content" / "sources" / "2024-06-03-delta-symposium.txt").write_text(readout(
        "2024-06-03", "symposium", "Zhou Ming", "Nanjing", "the integrated development of the Yangtze River Delta"))
    site = build(load_config(root), search=False, session=session).output
    fresh = build(load_config(root), root.parent / "fresh", search=False).output
    for url in (f"events/{SEED_NAME}/", f"series/{DELTA}/", "series/"):
        assert page(site, url).main == page(fresh, url).main, url
    assert "after it: 3 June 2024" in page(site, f"events/{SEED_NAME}/").select_one("dd.series-place").get_text()


def planted(day: str, place: str, attendee: str, priorities: list[str], problems: list[str]) -> str:
    return (f" date {day}\nZhou Ming, Premier of the State Council, chaired a symposium in {place} on the morning of the "
            f"{int(day[8:])}th to discuss promoting the integrated development of the Yangtze River Delta.\n\n"
            f"{attendee} attended the symposium.\n\n" + "\n\n".join(problems + priorities) + "\n")


EARLIER = planted("2019-05-13", "Hefei", "Lin Tao",
                  ["Zhou called for building a regional market for electricity across the provinces.",
                   "Zhou urged the cities to share their hospitals and schools with their neighbours.",
                   "He asked for cleaner water in Taihu Lake within three years."],
                  ["Zhou said problems remain, as the cities still compete for the same factories and investors."])
LATER = planted("2021-09-06", "Hangzhou", "Wu Qing",
                ["Zhou called for a single regional market for electricity and gas across the provinces.",
                 "He urged more flights between the airports of the delta.",
                 "He asked the cities to share hospitals and schools with their neighbours."],
                ["Zhou said problems remain, as the cities still compete for the same factories."])


def test_what_changed_from_one_event_of_a_series_to_the_next(tmp_path):
    """Planted: two symposiums on the delta, two priorities set again in other words, one new,
    one dropped, a problem named again, one attendee in and one out. The comparison finds each,
    shows the matched statements side by side with why, and data/series.json says the same."""
    root = make_project(tmp_path / "project", {"content/sources/2019-05-13-delta.txt": EARLIER,
                                                "content/sources/2021-09-06-delta.txt": LATER}, seed=False)
    site = build(load_config(root), search=False).output
    texts = {e["id"]: {s["id"]: s["text"] for s in e["statements"]} for e in json.loads((site / "data" / "events.json").read_text())}
    later, earlier = next(i for i in texts if i.startswith("2021")), next(i for i in texts if i.startswith("2019"))
    (series,) = json.loads((site / "data" / "series.json").read_text())
    (compared,) = series["compared"]
    assert (compared["event"], compared["previous"]) == (later, earlier)

    assert [(texts[later][p["now"]][:22], texts[earlier][p["before"]][:22]) for p in compared["recurring"]] == [
        ("Zhou called for a sing", "Zhou called for buildi"), ("He asked the cities to", "Zhou urged the cities ")]
    assert [texts[later][i][:20] for i in compared["new"]] == ["He urged more flight"]
    assert [texts[earlier][i][:20] for i in compared["dropped"]] == ["He asked for cleaner"]
    assert [texts[later][p["now"]][:16] for p in compared["problems_again"]] == ["Zhou said proble"]
    assert (compared["joined"], compared["left"]) == (["wu-qing"], ["lin-tao"])
    assert "electricity" in compared["recurring"][0]["shared"] and "market" in compared["recurring"][0]["shared"]
    # The page: each match side by side, saying why; reached from the later event's page.
    soup = page(site, f"events/{later}/compared/")
    matches = soup.select('section[aria-labelledby="recurring-heading"] .match')
    assert len(matches) == 2
    assert "single regional market" in matches[0].select_one(".match-now").get_text()
    assert "building a regional market" in matches[0].select_one(".match-before").get_text()
    assert "electricity" in matches[0].select_one(".why").get_text()
    assert "flights" in soup.select_one('section[aria-labelledby="new-heading"]').get_text()
    assert "Taihu" in soup.select_one('section[aria-labelledby="dropped-heading"]').get_text()
    link = page(site, f"events/{later}/").select_one("dd.series-place a[href$='compared/index.html']")
    assert link is not None and page(site, f"events/{earlier}/").select_one("dd.series-place a[href$='compared/index.html']") is None
    check_links(site)


def test_an_edit_of_the_earlier_event_reaches_the_comparison_in_a_preview(tmp_path):
    """The preview keeps a comparison while both its events are unchanged; an edit of the
    earlier one makes it again, as a fresh build would."""
    root = make_project(tmp_path / "project", {"content/sources/2019-05-13-delta.txt": EARLIER,
                                                "content/sources/2021-09-06-delta.txt": LATER}, seed=False)
    session = Session()
    build(load_config(root), search=False, session=session)
    source = root / "content" / "sources" / "2019-05-13-delta.txt"
    source.write_text(source.read_text().replace("He asked for cleaner water in Taihu Lake within three years.\n",
                                                 "He urged more flights between the airports of the delta.\n"))
    site = build(load_config(root), search=False, session=session).output
    fresh = build(load_config(root), root.parent / "fresh", search=False).output
    later = next(p.name for p in (site / "events").iterdir() if p.name.startswith("2021"))
    assert page(site, f"events/{later}/compared/").main == page(fresh, f"events/{later}/compared/").main
    assert (site / "data" / "series.json").read_text() == (fresh / "data" / "series.json").read_text()
    assert "flights" not in page(site, f"events/{later}/compared/").select_one('section[aria-labelledby="new-heading"]').get_text()


def delta_pair(tmp_path):
    """The planted pair of symposiums, built once: the project, the later and earlier event
    ids, and a statement id by the first words of its text in each."""
    root = make_project(tmp_path / "project", {"content/sources/2019-05-13-delta.txt": EARLIER,
                                                "content/sources/2021-09-06-delta.txt": LATER}, seed=False)
    site = build(load_config(root), search=False).output
    events = {e["id"]: e for e in json.loads((site / "data" / "events.json").read_text())}
    later, earlier = sorted(events, reverse=True)

    def sid(event: str, words: str) -> str:
        return next(s["id"] for s in events[event]["statements"] if s["text"].startswith(words))
    return root, later, earlier, sid


def test_editors_confirm_and_break_matches_in_front_matter(tmp_path):
    """The flights priority sets again the lake one (the editor says so, whatever the words);
    the hospitals one sets again nothing (the editor breaks the loader's match): the page and
    the data say so, each editor's match marked as such."""
    root, later, earlier, sid = delta_pair(tmp_path)
    (root / "content" / "events").mkdir(exist_ok=True)
    flights, lake = sid(later, "He urged more flights"), sid(earlier, "He asked for cleaner")
    hospitals, shared = sid(later, "He asked the cities"), sid(earlier, "Zhou urged the cities")
    (root / "content" / "events" / f"{later}.md").write_text(
        f"---\nmatches:\n  {flights}: {lake}\n  {hospitals}: null\n---\n")
    site = build(load_config(root), search=False).output
    (compared,) = json.loads((site / "data" / "series.json").read_text())[0]["compared"]
    pairs = {p["now"]: p for p in compared["recurring"]}
    assert set(pairs) == {sid(later, "Zhou called for a single"), flights}
    assert pairs[flights]["before"] == lake and pairs[flights]["editor"] is True
    assert "editor" not in pairs[sid(later, "Zhou called for a single")]
    assert compared["new"] == [hospitals] and compared["dropped"] == [shared]
    soup = page(site, f"events/{later}/compared/")
    why = [m.select_one(".why").get_text() for m in soup.select('section[aria-labelledby="recurring-heading"] .match')]
    assert why[1].startswith("Matched: by an editor") and "a match of" in why[0]
    assert "share hospitals" in soup.select_one('section[aria-labelledby="new-heading"]').get_text()


@pytest.mark.parametrize("matches, message", [
    ("{flights}: s99", "'s99' is no statement of '{earlier}'"),
    ("{flights}: {problem}", "is a statement of problems of '{earlier}'"),
    ("{flights}: [s1]", "is matched with a statement id or null, not a list"),
    ("s99: s1", "unknown statement 's99'"),
])
def test_a_bad_match_is_reported_where_the_editor_wrote_it(tmp_path, capsys, matches, message):
    root, later, earlier, sid = delta_pair(tmp_path)
    (root / "content" / "events").mkdir(exist_ok=True)
    names = {"flights": sid(later, "He urged more flights"), "problem": sid(earlier, "Zhou said problems"), "earlier": earlier}
    (root / "content" / "events" / f"{later}.md").write_text(f"---\nmatches:\n  {matches.format(**names)}\n---\n")
    assert main(["-C", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert f"content/events/{later}.md:3:" in err and message.format(**names) in err and "hint:" in err
    assert "Traceback" not in err


def test_matches_on_an_event_that_follows_none_are_reported(tmp_path, capsys):
    root, _, earlier, sid = delta_pair(tmp_path)
    (root / "content" / "events").mkdir(exist_ok=True)
    (root / "content" / "events" / f"{earlier}.md").write_text(f"---\nmatches:\n  {sid(earlier, 'He asked')}: null\n---\n")
    assert main(["-C", str(root), "build", "--no-search"]) == 1
    err = capsys.readouterr().err
    assert f"content/events/{earlier}.md:3:" in err and "follows none" in err and "Traceback" not in err


# Planted for follow-ups: three symposiums on the delta. The first sets two priorities (a
# market for electricity, cleaner water in Taihu Lake); the second reports progress on the
# market and a problem with the lake; the third, progress on the market again.
FIRST = planted("2019-05-13", "Hefei", "Lin Tao",
                ["He asked for cleaner water in Taihu Lake within three years.",
                 "He also urged building a regional market for electricity across the provinces."], [])
SECOND = planted("2021-09-06", "Hangzhou", "Wu Qing", ["He urged more flights between the airports of the delta."],
                 ["Zhou said notable progress has been made, as the regional market for electricity now links the provinces.",
                  "Zhou said problems remain, as the water of Taihu Lake is still not clean enough."])
THIRD = planted("2023-11-20", "Nanjing", "Wu Qing", ["He asked for faster trains to the airports."],
                ["Zhou said progress has been made, as electricity now flows through one regional market across the provinces."])


def followed_project(tmp_path, sources=None):
    files = sources or {"2019-05-13-delta.txt": FIRST, "2021-09-06-delta.txt": SECOND, "2023-11-20-delta.txt": THIRD}
    return make_project(tmp_path / "project", {f"content/sources/{name}": text for name, text in files.items()}, seed=False)


def statement_ids(site) -> dict[str, dict[str, str]]:
    """By event id: the first four words of each statement → its id."""
    return {e["id"]: {" ".join(s["text"].split()[:4]): s["id"] for s in e["statements"]}
            for e in json.loads((site / "data" / "events.json").read_text())}


def test_a_priority_links_to_what_became_of_it_and_back(tmp_path):
    site = build(load_config(followed_project(tmp_path)), search=False).output
    ids = statement_ids(site)
    first, second, third = sorted(ids)
    market, lake = ids[first]["He also urged building"], ids[first]["He asked for cleaner"]
    progress2, problem2 = ids[second]["Zhou said notable progress"], ids[second]["Zhou said problems remain,"]
    progress3 = ids[third]["Zhou said progress has"]
    (series,) = json.loads((site / "data" / "series.json").read_text())
    assert series["followed_up"] == [
        {"priority": f"{first}#{lake}", "later": [f"{second}#{problem2}"]},
        {"priority": f"{first}#{market}", "later": [f"{second}#{progress2}", f"{third}#{progress3}"]}]
    # Beside each priority, where it was followed up; beside each later statement, where it was set.
    soup = page(site, f"events/{first}/")
    forward = soup.select_one(f"li#{market} .follow")
    assert " ".join(forward.get_text(" ", strip=True).split()) == (
        "· followed up: Progress, 6 September 2021 ; Progress, 20 November 2023")
    assert [a["href"] for a in forward.select("a")] == [f"../{second}/index.html#{progress2}", f"../{third}/index.html#{progress3}"]
    assert soup.select_one(f"li#{lake} .follow a")["href"] == f"../{second}/index.html#{problem2}"
    back = page(site, f"events/{third}/").select_one(f"li#{progress3} .follow")
    assert "first set as a priority on 13 May 2019" in back.get_text() and back.a["href"] == f"../{first}/index.html#{market}"
    assert page(site, f"events/{second}/").select_one(f"li#{ids[second]['He urged more flights']} .follow") is None
    # The series page counts them for each event.
    entries = {c.h2.get_text(" ", strip=True): c for c in page(site, f"series/{series['slug']}/").select("article.event-card")}
    assert [c.select_one(".series-followed").get_text(" ", strip=True) if c.select_one(".series-followed") else None
            for c in entries.values()] == [None, None, "2 of its 2 priorities followed up at later events (beside each on its page )"]
    check_links(site)


def test_a_long_series_shows_three_follow_ups_and_counts_the_rest(tmp_path):
    others = ["ferries across Hangzhou Bay carry twice the passengers", "rural clinics share doctors with city hospitals",
              "schools in Anhui teach with Shanghai's textbooks", "customs checks at Ningbo port take half a day",
              "wetlands along the Qiantang estuary have been restored"]
    later = {f"202{n}-06-0{n}-delta.txt": planted(
        f"202{n}-06-0{n}", "Hangzhou", "Wu Qing", ["He urged more flights."],
        ["Zhou said progress has been made, as the regional market for electricity now links the provinces."]
        + [f"Zhou said progress has been made, as {fact} in year {n}." for fact in others]) for n in range(1, 6)}
    site = build(load_config(followed_project(tmp_path, {"2019-05-13-delta.txt": FIRST, **later})), search=False).output
    ids = statement_ids(site)
    first = min(ids)
    follow = page(site, f"events/{first}/").select_one(f"li#{ids[first]['He also urged building']} .follow")
    assert len(follow.select("a")) == 3 and follow.get_text().strip().endswith("and 2 more")
    (series,) = json.loads((site / "data" / "series.json").read_text())
    assert len(series["followed_up"][0]["later"]) == 5


def test_a_later_event_reaches_the_earlier_page_in_a_preview(tmp_path):
    """The first event's page gains a follow-up when a later event reports on its priority,
    although nothing of its own changed: the preview gives what a fresh build gives."""
    root = followed_project(tmp_path, {"2019-05-13-delta.txt": FIRST, "2021-09-06-delta.txt": SECOND})
    session = Session()
    build(load_config(root), search=False, session=session)
    (root / "content" / "sources" / "2023-11-20-delta.txt").write_text(THIRD)
    site = build(load_config(root), search=False, session=session).output
    fresh = build(load_config(root), root.parent / "fresh", search=False).output
    first = min(statement_ids(site))
    assert page(site, f"events/{first}/").main == page(fresh, f"events/{first}/").main
    assert "20 November 2023" in page(site, f"events/{first}/").select(".follow")[1].get_text()


def test_words_that_name_the_series_match_nothing():
    """A priority sharing only the words most reports of its series hold (the series' own
    name) follows up nothing; one sharing the words of a matter does."""
    from readout.followups import followed
    from readout.load import parse_source

    reports = [f"Zhou said progress has been made, as the delta's integration brought {fact}." for fact in (
        "ferries across the bay", "clinics sharing doctors", "schools sharing textbooks", "faster customs checks")]
    first = parse_source(planted("2019-05-13", "Hefei", "Lin Tao", [
        "He asked for cleaner water in Taihu Lake within three years.",
        "He also urged the delta's integration to go on."], []), "content/sources/a.txt")
    later = [parse_source(planted(f"202{n}-06-0{n}", "Hangzhou", "Wu Qing", ["He urged more flights."],
                                  reports + ["Zhou said problems remain, as the water of Taihu Lake is not clean."]),
                          f"content/sources/b{n}.txt") for n in range(1, 4)]
    found = followed((first, *later))
    texts = {sid: next(s.text for s in first.statements if s.id == sid) for _, sid in found}
    assert [t[:20] for t in texts.values()] == ["He asked for cleaner"]
    assert len(next(iter(found.values()))) == 3


def test_the_site_is_the_same_whatever_the_processes_hash_seed(tmp_path):
    """Sets of strings come out in another order in each process (hash randomization): no page
    may depend on it. Three builds of a generated archive, in processes with other hash seeds,
    give the same bytes (series, what changed, follow-ups, who meets whom and the charts among them)."""
    import hashlib
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
    from generate import generate

    root = make_project(tmp_path / "project", {}, seed=True)
    generate(300, root)
    sites = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"site{seed}"
        subprocess.run([sys.executable, "-m", "readout", "-C", str(root), "build", "--no-search", "--output", str(out)],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True)
        sites.append({str(f.relative_to(out)): hashlib.sha256(f.read_bytes()).hexdigest() for f in out.rglob("*") if f.is_file()})
        shutil.rmtree(root / ".readout-cache", ignore_errors=True)  # each build parses afresh, in its own process
    for other in sites[1:]:
        assert other.keys() == sites[0].keys()
        assert [name for name in sites[0] if sites[0][name] != other[name]] == []
    assert any(name.startswith("series/") for name in sites[0]) and "people/network/index.html" in sites[0]


def test_series_made_in_a_worker_give_the_same_site(tmp_path, monkeypatch):
    """A large site's comparisons and follow-ups are made in a forked worker while the other
    pages are made: the site is byte for byte the one made without it, an editor's matches
    included, and an editor's wrong match is still reported where it was written."""
    from readout import forks, series

    root = followed_project(tmp_path)
    (root / "content" / "events").mkdir()
    site = build(load_config(root), root / "serial", search=False).output
    ids = statement_ids(site)
    later, earlier = sorted(ids)[1], sorted(ids)[0]
    (root / "content" / "events" / f"{later}.md").write_text(
        f"---\nmatches:\n  {ids[later]['He urged more flights']}: {ids[earlier]['He asked for cleaner']}\n---\n")
    serial = build(load_config(root), root / "serial", search=False).output
    forked = []
    monkeypatch.setattr(forks, "pool", lambda processes, pool=forks.pool: forked.append(processes) or pool(processes))
    monkeypatch.setattr(series, "FORK_FROM", 1)
    parallel = build(load_config(root), root / "parallel", search=False).output
    assert forked == [1]
    a = {str(f.relative_to(serial)): f.read_bytes() for f in serial.rglob("*") if f.is_file() and f.name != ".readout-build.json"}
    b = {str(f.relative_to(parallel)): f.read_bytes() for f in parallel.rglob("*") if f.is_file() and f.name != ".readout-build.json"}
    assert a.keys() == b.keys() and [name for name in a if a[name] != b[name]] == []
    assert '"editor": true' in a["data/series.json"].decode() and "followed up" in a[f"events/{earlier}/index.html"].decode()
    (root / "content" / "events" / f"{later}.md").write_text(f"---\nmatches:\n  {ids[later]['He urged more flights']}: s99\n---\n")
    with pytest.raises(ReadoutError, match=f"'s99' is no statement of '{earlier}'") as raised:
        build(load_config(root), root / "parallel", search=False)
    (diagnostic,) = raised.value.diagnostics
    assert str(diagnostic.location).endswith(f"content/events/{later}.md:3:7") and diagnostic.hint
