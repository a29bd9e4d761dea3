"""The timeline's chart: events per year by kind, drawn as SVG at build time, with a table of the
same numbers (and who presided most) for screen readers and for reading without pictures.
Archives generated with planted years and kinds, checked exactly."""

from datetime import date

from helpers import check_links, make_project, page

from readout.build import build
from readout.charts import KINDS_SHOWN, years_chart
from readout.config import load_config
from readout.context import EventSummary, Link, PersonRef


def readout(day: str, kind: str, host: str) -> str:
    """A readout of our own words: who presided over what kind of event on which day."""
    return (f" date {day}\n{host}, Premier of the State Council, presided over a {kind} in Beijing on the "
            f"morning of the {int(day[8:])}th on rural roads.\n\n{host.split()[0]} said steady progress has been made.\n")


# Planted: three events in 2020 (two meetings by Zhou Ming, a symposium by Gao Ping), none in
# 2021, one meeting in 2022; with the seed's symposium of 2023.
SOURCES = {
    "2020-03-02-a": readout("2020-03-02", "meeting", "Zhou Ming"),
    "2020-06-08-b": readout("2020-06-08", "meeting", "Zhou Ming"),
    "2020-09-14-c": readout("2020-09-14", "symposium", "Gao Ping"),
    "2022-05-09-d": readout("2022-05-09", "meeting", "Gao Ping"),
}


def built(tmp_path, sources, seed=True):
    root = make_project(tmp_path / "project", {f"content/sources/{name}.txt": text for name, text in sources.items()}, seed=seed)
    return build(load_config(root), search=False).output


def test_the_timeline_charts_events_per_year_by_kind_with_a_table_of_the_numbers(tmp_path):
    site = built(tmp_path, SOURCES)
    soup = page(site, "timeline/")
    svg = soup.select_one("figure.chart svg")
    assert svg["role"] == "img" and "2020 to 2023" in svg.title.get_text()
    rows = [[" ".join(c.get_text(" ", strip=True).split()) for c in tr.find_all(["th", "td"])]
            for tr in soup.select(".chart-table tbody tr")]
    headers = [th.get_text() for th in soup.select(".chart-table thead th")]
    assert headers == ["Year", "Events", "Meeting", "Symposium", "Presided most"]
    # Every year from the first to the last, the empty one too, each kind in its column.
    assert rows == [["2020", "3", "2", "1", "Zhou Ming (2), Gao Ping (1)"],
                    ["2021", "0", "0", "0", ""],
                    ["2022", "1", "1", "0", "Gao Ping (1)"],
                    ["2023", "1", "0", "1", "Xi Jinping (1)"]]
    # A year with events links to where the timeline lists it; an empty year links nowhere.
    assert [a["href"] for a in soup.select(".chart-table tbody th a")] == ["index.html#2020", "index.html#2022", "index.html#2023"]
    # The bars: one rectangle per kind a year has, stacked, the fullest year at full height.
    groups = svg.find_all("g")
    assert [[r["class"][0] for r in g.find_all("rect")] for g in groups] == [
        ["kind-0", "kind-1"], [], ["kind-0"], ["kind-1"]]
    heights = [sum(float(r["height"]) for r in g.find_all("rect")) for g in groups]
    assert heights[0] == max(heights) and abs(heights[2] * 3 - heights[0]) < 0.2
    kinds, presided = soup.select("figure.chart")
    assert [li.get_text() for li in kinds.select(".legend li")] == ["Meeting", "Symposium"]
    # And again by who presided: most events first, ties by name.
    assert [li.get_text() for li in presided.select(".legend li")] == ["Gao Ping", "Zhou Ming", "Xi Jinping"]
    assert "by who presided" in presided.svg.title.get_text()
    assert [[r["class"][0] for r in g.find_all("rect")] for g in presided.svg.find_all("g")] == [
        ["kind-0", "kind-1"], [], ["kind-0"], ["kind-2"]]
    check_links(site)


def test_no_chart_with_one_year_and_rare_kinds_share_a_colour():
    def event(i: int, year: int, kind: str) -> EventSummary:
        return EventSummary(f"e{i}", f"events/e{i}/", "t", date(year, 1, 1 + i % 28), None, kind,
                            None, PersonRef("zhou-ming", "Zhou Ming", "people/zhou-ming/"), "s")

    assert years_chart([event(1, 2020, "meeting"), event(2, 2020, "forum")], {}) is None
    kinds = ["meeting"] * 6 + ["symposium"] * 5 + ["forum"] * 4 + ["seminar"] * 3 + ["rally"] * 2 + ["tour"]
    chart = years_chart([event(i, 2020 + i % 2, k) for i, k in enumerate(kinds)], {2020: Link("timeline/#2020", "2020")})
    assert chart is not None and len(chart.kinds) == KINDS_SHOWN + 1 and chart.kinds[-1] == "other"
    assert chart.kinds[:KINDS_SHOWN] == ("meeting", "symposium", "forum", "seminar")
    assert sum(y.kinds[-1] for y in chart.years) == 3  # the two rallies and the tour
    assert sum(y.total for y in chart.years) == len(kinds) and chart.peak == max(y.total for y in chart.years)


def series_readout(day: str, priorities: list[str]) -> str:
    """A symposium on the delta of our own words, with the priorities given."""
    return (f" date {day}\nZhou Ming, Premier of the State Council, chaired a symposium in Hefei on the morning of the "
            f"{int(day[8:])}th to discuss promoting the integrated development of the Yangtze River Delta.\n\n"
            "Zhou said steady progress has been made.\n\n" + "\n\n".join(priorities) + "\n")


def test_a_series_page_charts_the_themes_of_its_events_priorities_on_a_time_axis(tmp_path):
    # Planted: three symposiums; the first sets two priorities on innovation and one on the
    # environment, the second one on innovation, the third none with a theme.
    site = built(tmp_path, {
        "2019-05-13-delta": series_readout("2019-05-13", [
            "He urged the cities to pool their innovation centres.", "He also urged them to share innovation funds.",
            "He asked for a cleaner environment along the Yangtze."]),
        "2021-05-10-delta": series_readout("2021-05-10", ["He urged more innovation in the ports."]),
        "2023-05-15-delta": series_readout("2023-05-15", ["He urged more flights between the airports."]),
    }, seed=False)
    (slug,) = [p.name for p in (site / "series").iterdir() if p.is_dir()]
    soup = page(site, f"series/{slug}/")
    svg = soup.select_one("figure.chart svg.dots")
    assert svg["role"] == "img" and "2019 to 2023" in svg.title.get_text()
    assert [t.get_text() for t in svg.select(".row-label")] == ["Innovation", "Ecology"]
    # A dot per event and theme its priorities carry, the largest for the most; a tick per event.
    dots = [(c["class"][0], float(c["cx"]), float(c["r"])) for c in svg.find_all("circle")]
    assert [(kind, r) for kind, _, r in dots] == [("kind-0", 9.0), ("kind-0", 6.0), ("kind-1", 6.0)]
    assert dots[0][1] < dots[1][1] and dots[2][1] == dots[0][1]  # by date on one axis
    assert len(svg.select("line.tick")) == 3
    rows = [[" ".join(c.get_text(" ", strip=True).split()) for c in tr.find_all(["th", "td"])]
            for tr in soup.select(".chart-table tbody tr")]
    # Newest first: priorities, then how many carry each theme.
    assert [row[1:] for row in rows] == [["1", "0", "0"], ["1", "1", "0"], ["3", "2", "1"]]
    assert rows[-1][0] == "13 May 2019, morning"
    check_links(site)


def test_charts_order_ties_by_name_whatever_order_the_record_gives():
    """Themes (and kinds) met as often as each other are ordered by name: the order a set of
    themes comes out in differs between processes, and a page must not change between builds."""
    from readout.charts import series_chart
    from readout.load import parse_source

    def symposium(day: str, themes: list[str]):
        event = parse_source(series_readout(day, ["He urged the cities to work together.", "He also urged them to plan."]),
                             f"content/sources/{day}.txt")
        for statement, theme in zip(event.statements_in("priorities"), themes):
            statement.themes = [theme]
        return event

    for order in (["ecology", "opening-up"], ["opening-up", "ecology"]):
        events = [symposium("2019-05-13", order), symposium("2021-05-10", order[::-1])]
        summaries = {e.id: e for e in events}
        chart = series_chart(events, summaries, lambda t: Link(f"themes/{t}/", t))
        assert chart is not None and [t.label for t in chart.themes] == ["ecology", "opening-up"]
    kinds = ["seminar", "forum", "seminar", "forum"]
    chart = years_chart([EventSummary(f"e{i}", f"events/e{i}/", "t", date(2020 + i % 2, 1, 1 + i), None, k, None, None, "s")
                         for i, k in enumerate(kinds)], {})
    assert chart is not None and chart.kinds == ("forum", "seminar")


def test_who_presided_keeps_four_names_then_others_then_nobody():
    hosts = ["Zhou Ming"] * 3 + ["Gao Ping"] * 2 + ["Lin Tao", "Wu Qing", "Hu Wen", "Ma Li", None]

    def event(i: int, host):
        ref = PersonRef(host.lower().replace(" ", "-"), host, f"people/{host.lower().replace(' ', '-')}/") if host else None
        return EventSummary(f"e{i}", f"events/e{i}/", "t", date(2020 + i % 2, 1, 1 + i), None, "meeting", None, ref, "s")

    chart = years_chart([event(i, h) for i, h in enumerate(hosts)], {})
    assert chart is not None
    assert [p.label for p in chart.presiders] == ["Zhou Ming", "Gao Ping", "Hu Wen", "Lin Tao", "others", "nobody named"]
    assert [sum(y.presided[i] for y in chart.years) for i in range(6)] == [3, 2, 1, 1, 2, 1]
