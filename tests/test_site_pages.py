"""The built seed site, read as HTML: the pages issue 2 lists, their content and their links."""

from pathlib import Path
from urllib.parse import urldefrag, urlparse

from bs4 import BeautifulSoup
from helpers import check_links, page

EVENT = "events/2023-11-30-yangtze-river-delta-symposium/"
TOPICS = ["attendees", "progress", "problems", "priorities", "conclusion"]


def html_files(site: Path):
    return sorted(site.rglob("*.html"))


def test_every_page_of_issue_two_exists(seed_site):
    urls = {p.relative_to(seed_site).as_posix() for p in html_files(seed_site)}
    expected = {"index.html", f"{EVENT}index.html", f"{EVENT}source/index.html", "people/index.html",
                *(f"{EVENT}{t}/index.html" for t in TOPICS),
                *(f"people/{p}/index.html" for p in ("xi-jinping", "li-qiang", "cai-qi"))}
    assert expected <= urls


def test_each_page_has_one_h1_a_title_lang_and_breadcrumbs(seed_site):
    for path in html_files(seed_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert len(soup.find_all("h1")) == 1, path
        assert soup.html["lang"] == "en"
        assert soup.title.string.strip()
        assert soup.find("main", id="main")
        if path.name != "404.html" and path != seed_site / "index.html":
            assert soup.find("nav", class_="breadcrumbs").find("a"), path


def test_home_lists_the_event(seed_site):
    soup = page(seed_site, "")
    link = soup.select_one(".event-card h2 a")
    assert link.get_text() == "Symposium on further promoting the integrated development of the Yangtze River Delta"
    assert link["href"] == f"{EVENT}index.html"
    assert "30 November 2023, morning" in soup.select_one(".event-card .facts").get_text()


def test_event_page_facts_and_sections(seed_site):
    soup = page(seed_site, EVENT)
    facts = {dt.get_text(): dd.get_text(" ", strip=True)
             for dt, dd in zip(soup.select(".facts-table dt"), soup.select(".facts-table dd"))}
    assert facts["When"] == "30 November 2023, morning"
    assert facts["Where"] == "Shanghai"
    assert facts["Kind"] == "Symposium"
    assert facts["Host"].startswith("Xi Jinping General Secretary of the CPC Central Committee")
    assert [s["id"] for s in soup.select("section.topic")] == TOPICS
    assert len(soup.select("#priorities .statement")) == 3


def test_attendees_page_names_each_attendee_with_titles(seed_site):
    soup = page(seed_site, f"{EVENT}attendees/")
    people = {li.a.get_text(): [t.get_text() for t in li.select(".title")] for li in soup.select(".people li")}
    assert people["Li Qiang"] == [
        "Member of the Standing Committee of the Political Bureau of the CPC Central Committee",
        "Premier of the State Council"]
    assert people["Cai Qi"][1] == "Director of the General Office of the CPC Central Committee"
    assert "Xi Jinping" in people


def test_topic_pages_show_their_statements_and_chain_previous_next(seed_site, seed_event):
    for i, topic in enumerate(TOPICS):
        soup = page(seed_site, f"{EVENT}{topic}/")
        texts = [p.get_text() for p in soup.select(".statement .text")]
        assert texts == [s.text for s in seed_event.statements_in(topic)]
        for link in soup.select(".statement a.source-link"):
            assert link["href"].startswith("../source/index.html#s")
        prev, nxt = soup.select_one(".pager a.prev"), soup.select_one(".pager a.next")
        assert (prev["href"] if prev else None) == (f"../{TOPICS[i - 1]}/index.html" if i else None)
        assert (nxt["href"] if nxt else None) == (f"../{TOPICS[i + 1]}/index.html" if i < 4 else None)


def test_source_page_numbers_paragraphs_and_anchors_every_statement(seed_site, seed_event, seed_text):
    soup = page(seed_site, f"{EVENT}source/")
    paras = soup.select(".source p.para")
    assert [p["id"] for p in paras] == [f"p{i}" for i in range(1, 7)]
    for p, model in zip(paras, seed_event.paragraphs):
        number = p.select_one("a.pnum")
        assert number.get_text() == str(model.index + 1)
        body = p.get_text()[len(number.get_text()):]
        assert body == seed_text[model.start:model.end]
    for s in seed_event.statements:
        span = soup.find(id=s.id)
        assert span.get_text() == s.text and span.find_parent("p")["id"] == f"p{s.paragraph + 1}"


def test_person_pages_give_titles_as_printed(seed_site):
    soup = page(seed_site, "people/li-qiang/")
    assert soup.h1.get_text() == "Li Qiang"
    assert [li.get_text() for li in soup.select(".titles-list li")] == [
        "Member of the Standing Committee of the Political Bureau of the CPC Central Committee",
        "Premier of the State Council"]
    xi = page(seed_site, "people/xi-jinping/")
    assert len(xi.select(".statement")) == 8  # the statements attributed to him
    index = page(seed_site, "people/")
    assert [a.get_text() for a in index.select(".people-index li > a")] == ["Cai Qi", "Li Qiang", "Xi Jinping"]


def test_every_statement_shown_links_to_its_place_in_the_source(seed_site):
    for path in html_files(seed_site):
        if path.parent.name == "source":
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for item in soup.select(".statement"):
            href = item.select_one("a.source-link")["href"]
            assert urldefrag(href).fragment.startswith("s"), (path, href)


def test_every_internal_link_and_fragment_resolves(seed_site):
    assert check_links(seed_site) > 100


def test_no_request_leaves_the_site(seed_site):
    for css in (seed_site / "static").glob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "url(" not in text and "@import" not in text
    for js in (seed_site / "static").glob("*.js"):
        assert "http://" not in js.read_text() and "https://" not in js.read_text()
    for path in html_files(seed_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(["link", "script", "img", "iframe", "source", "video", "audio"]):
            for attr in ("href", "src", "srcset"):
                value = element.get(attr, "")
                if value.startswith("data:"):
                    continue
                assert not urlparse(value).scheme and not value.startswith("//"), (path, value)


def test_text_from_the_source_is_escaped(project):
    from readout.build import build
    from readout.config import load_config

    root = project(seed=False, files={"content/sources/x.txt":
        "Li <b>Hua</b> held a symposium in Wuhan on the 3rd to discuss <script>alert(1)</script> ports."})
    site = build(load_config(root)).output
    for path in html_files(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.find("b") is None, path
        for script in soup.find_all("script"):
            assert "alert(1)" not in script.get_text() or "\\u003cscript\\u003e" in script.get_text(), path
            assert script.get("src", "static/").rsplit("/", 2)[-2] == "static" or script.get("type") == "application/ld+json"
    assert "&lt;script&gt;" in (site / "events" / "x" / "source" / "index.html").read_text()
