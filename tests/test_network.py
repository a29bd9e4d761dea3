"""Who meets whom: on a person's page, the people named at the same events (how often, the first
and the last time, what they did there); on people/network/, the pairs named together most;
in data/people.json, every event each companion shared. Archives generated with planted
co-attendance, checked exactly."""

import json

from helpers import check_links, make_project, page

from readout.build import build
from readout.config import load_config
from readout.network import COMPANIONS, PAIRS


def readout(day: str, host: str, attendees: list[str], speaker: str = "") -> str:
    """A readout of our own words: who presided over a meeting on which day, who attended, who spoke."""
    attended = f"\n\n{', '.join(attendees[:-1])} and {attendees[-1]} attended the meeting." if len(attendees) > 1 else (
        f"\n\n{attendees[0]} attended the meeting." if attendees else "")
    spoke = f"\n\n{speaker} spoke at the meeting." if speaker else ""
    return (f" date {day}\n{host}, Premier of the State Council, presided over a meeting in Beijing on the "
            f"morning of the {int(day[8:])}th on rural roads.{attended}{spoke}\n\n"
            f"{host.split()[0]} said steady progress has been made.\n")


# Planted: Zhou Ming presides over four meetings; Lin Tao attends the first three, Gao Ping the
# last two, and Hu Wen speaks at the second only.
SOURCES = {
    "2020-03-02-roads-one": readout("2020-03-02", "Zhou Ming", ["Lin Tao"]),
    "2021-04-05-roads-two": readout("2021-04-05", "Zhou Ming", ["Lin Tao"], speaker="Hu Wen"),
    "2022-05-09-roads-three": readout("2022-05-09", "Zhou Ming", ["Lin Tao", "Gao Ping"]),
    "2023-06-12-roads-four": readout("2023-06-12", "Zhou Ming", ["Gao Ping"]),
}


def built(tmp_path, sources):
    root = make_project(tmp_path / "project", {f"content/sources/{name}.txt": text for name, text in sources.items()})
    return build(load_config(root), search=False).output


def companions(site, person):
    soup = page(site, f"people/{person}/")
    return [(li.a.get_text(), " ".join(li.select_one(".facts").get_text(" ", strip=True).split()))
            for li in soup.select(".companions > li")]


def test_a_persons_page_lists_who_they_were_named_with_how_often_and_when(tmp_path):
    site = built(tmp_path, SOURCES)
    got = dict(companions(site, "zhou-ming"))
    # Most shared events first; the seed's own people are named with each other, never with Zhou.
    assert list(got)[:3] == ["Lin Tao", "Gao Ping", "Hu Wen"]
    assert got["Lin Tao"] == "3 events, from 2 March 2020, morning to 9 May 2022, morning · attended"
    assert got["Gao Ping"] == "2 events, from 9 May 2022, morning to 12 June 2023, morning · attended"
    assert got["Hu Wen"] == "1 event: 5 April 2021, morning · spoke"
    # From the other side: what Zhou did at the events shared.
    assert dict(companions(site, "lin-tao"))["Zhou Ming"] == (
        "3 events, from 2 March 2020, morning to 9 May 2022, morning · presided")
    assert dict(companions(site, "lin-tao"))["Gao Ping"] == "1 event: 9 May 2022, morning · attended"
    # Each count links to the first and the last event it rests on.
    soup = page(site, "people/zhou-ming/")
    lin = soup.select(".companions > li")[0]
    assert [a["href"] for a in lin.select(".facts a")] == [
        "../../events/2020-03-02-roads-one/index.html", "../../events/2022-05-09-roads-three/index.html"]
    assert soup.select_one('.toc a[href="#companions-heading"]') is not None
    check_links(site)


def test_data_lists_every_event_each_companion_shared(tmp_path):
    site = built(tmp_path, SOURCES)
    people = {p["id"]: p for p in json.loads((site / "data" / "people.json").read_text())}
    shared = {c["id"]: c for c in people["zhou-ming"]["appeared_with"]}
    assert shared["lin-tao"] == {"id": "lin-tao", "roles": {"attended": 3},
                                 "events": ["2022-05-09-roads-three", "2021-04-05-roads-two", "2020-03-02-roads-one"]}
    assert shared["hu-wen"]["roles"] == {"spoke": 1}
    assert {c["id"]: c["roles"] for c in people["gao-ping"]["appeared_with"]}["zhou-ming"] == {"presided": 2}


def test_the_network_page_ranks_pairs_and_says_when_they_met(tmp_path):
    site = built(tmp_path, SOURCES)
    soup = page(site, "people/network/")
    rows = [[" ".join(cell.get_text(" ", strip=True).split()) for cell in tr.find_all(["th", "td"])]
            for tr in soup.select("table.network tbody tr")]
    # Zhou Ming is named at more events than anyone, so stands first in each of his pairs.
    assert rows[0] == ["Zhou Ming and Lin Tao", "3", "2 March 2020, morning to 9 May 2022, morning", "2020, 2021, 2022"]
    assert rows[1] == ["Zhou Ming and Gao Ping", "2", "9 May 2022, morning to 12 June 2023, morning", "2022, 2023"]
    assert ["Lin Tao and Gao Ping", "1", "9 May 2022, morning", "2022"] in rows  # Lin Tao: three events, Gao Ping two
    assert page(site, "people/").select_one('.lede a[href="network/index.html"]') is not None
    check_links(site)


def test_no_page_grows_with_the_people_someone_met(tmp_path):
    # One host with fifty people, each at one meeting of their own, two at several: the host's
    # page names COMPANIONS of them, the network page PAIRS pairs; data keeps them all.
    names = [f"{family} {given}" for family in ("Li", "Wang", "Zhang", "Liu", "Chen")
             for given in ("Hua", "Jun", "Lei", "Fang", "Bo", "Tao", "Yan", "Qiang", "Ning", "Rui")]
    many = {f"2020-01-{1 + i % 28:02d}-m{i:02d}": readout(f"2020-01-{1 + i % 28:02d}", "Zhou Ming", [name])
            for i, name in enumerate(names)}
    many["2021-02-03-m-last"] = readout("2021-02-03", "Zhou Ming", ["Wang Tao", "Liu Bo"])
    site = built(tmp_path, many)
    got = companions(site, "zhou-ming")
    assert len(got) == COMPANIONS
    assert [name for name, _ in got[:2]] == ["Liu Bo", "Wang Tao"]  # two events each, then by name
    assert len(page(site, "people/network/").select("table.network tbody tr")) == PAIRS
    people = {p["id"]: p for p in json.loads((site / "data" / "people.json").read_text())}
    assert len(people["zhou-ming"]["appeared_with"]) == 50


def test_the_network_page_draws_the_pairs_as_lines_between_people_on_a_circle(tmp_path):
    site = built(tmp_path, SOURCES)
    soup = page(site, "people/network/")
    svg = soup.select_one("figure.chart svg.network-chart")
    assert svg["role"] == "img" and svg.title.get_text().startswith("The people named together")
    names = [t.get_text() for t in svg.find_all("text")]
    rows = soup.select("table.network tbody tr")
    people = {a.get_text() for tr in rows for a in tr.th.find_all("a")}
    assert sorted(names) == sorted(people)  # everyone of the pairs listed (fewer than sixteen)
    edges = svg.select("line.edge")
    assert len(edges) == len(rows)
    widths = sorted(float(e["stroke-width"]) for e in edges)
    assert widths[-1] == 6.0 and widths[-2] == round(1 + 5 * 2 / 3, 1) and widths[0] == round(1 + 5 / 3, 1)
    # The thickest line joins Zhou Ming and Lin Tao, whose dots sit at its ends.
    dots = {t.get_text(): (float(c["cx"]), float(c["cy"])) for c, t in zip(svg.select("circle.node"), svg.find_all("text"))}
    thickest = max(edges, key=lambda e: float(e["stroke-width"]))
    ends = {(float(thickest["x1"]), float(thickest["y1"])), (float(thickest["x2"]), float(thickest["y2"]))}
    assert ends == {dots["Zhou Ming"], dots["Lin Tao"]}


def test_the_drawing_keeps_to_sixteen_people():
    from readout.context import Link
    from readout.network import DRAWN, Pair, drawing

    pairs = [Pair(Link(f"people/a{i}/", f"A{i}"), Link(f"people/b{i}/", f"B{i}"), 30 - i, None, None, ()) for i in range(20)]
    nodes, edges = drawing(pairs)  # type: ignore[arg-type]
    assert len(nodes) == DRAWN and len(edges) == DRAWN // 2
    assert {n.person.label for n in nodes} == {f"{s}{i}" for s in "AB" for i in range(DRAWN // 2)}  # the closest pairs
    assert {n.anchor for n in nodes} == {"start", "end", "above", "below"}


def test_a_new_event_reaches_the_companions_of_people_it_does_not_name_in_a_preview(tmp_path):
    """Gao Ping presides over a new meeting Hu Wen attends: both their pages gain the other,
    the network page changes, Zhou Ming's page stays as it was; the preview's rebuild gives
    what a fresh build gives."""
    from readout.incremental import Session

    root = make_project(tmp_path / "project", {f"content/sources/{name}.txt": text for name, text in SOURCES.items()})
    session = Session()
    build(load_config(root), search=False, session=session)
    (root / "content" / "sources" / "2024-07-01-roads-five.txt").write_text(readout("2024-07-01", "Gao Ping", ["Hu Wen"]))
    site = build(load_config(root), search=False, session=session).output
    fresh = build(load_config(root), root.parent / "fresh", search=False).output
    for url in ("people/zhou-ming/", "people/gao-ping/", "people/hu-wen/", "people/network/"):
        assert page(site, url).main == page(fresh, url).main, url
    assert "Hu Wen" in dict(companions(site, "gao-ping"))
