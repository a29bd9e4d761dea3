"""What readers get beyond one event: indexes across events, citations, feeds and data."""

import json
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
from bs4 import BeautifulSoup
from helpers import SEED_NAME, page

from readout.build import build
from readout.config import load_config

EVENT = f"events/{SEED_NAME}/"
SECOND = (" date 2024-03-06\nLi Qiang, Premier of the State Council, chaired a meeting in Beijing on "
          "Tuesday to discuss scientific and technological innovation.\n\nLi said the country has made "
          "steady progress in innovation.\n")
ATOM = "{http://www.w3.org/2005/Atom}"


def two_event_site(project, base_url=None):
    files = {"content/sources/2024-03-05-innovation-meeting.txt": SECOND}
    root = project(files=files)
    if base_url:
        text = (root / "site.yml").read_text().replace("base_url: null", f"base_url: {base_url}")
        (root / "site.yml").write_text(text)
    return build(load_config(root)).output


def test_timeline_groups_events_by_year_newest_first(project):
    soup = page(two_event_site(project), "timeline/")
    years = [h.get_text() for h in soup.select("section.year > h2")]
    assert years == ["2024", "2023"]
    titles = [a.get_text() for a in soup.select("section.year .event-card a")]
    assert titles == ["Meeting on scientific and technological innovation",
                      "Symposium on further promoting the integrated development of the Yangtze River Delta"]


def test_topic_across_events_newest_first(project):
    soup = page(two_event_site(project), "topics/progress/")
    assert [h.get_text() for h in soup.select(".group h2")] == [
        "Meeting on scientific and technological innovation",
        "Symposium on further promoting the integrated development of the Yangtze River Delta"]
    assert soup.select(".group")[0].select_one(".statement .text").get_text() == \
        "Li said the country has made steady progress in innovation."
    index = page(two_event_site(project), "topics/")
    assert [a.get_text() for a in index.select(".index-list a")] == \
        ["Attendees", "Progress", "Problems", "Priorities", "Conclusion"]


def test_themes_tag_statements_by_keyword(project):
    site = two_event_site(project)
    soup = page(site, "themes/innovation/")
    texts = [p.get_text() for p in soup.select(".statement .text")]
    assert "Li said the country has made steady progress in innovation." in texts
    assert all("innovation" in t.lower() or "scientific and technological" in t.lower() for t in texts)
    event = page(site, EVENT)
    tags = {a.get_text(): a["href"] for a in event.select(".statement a.tag")}
    assert tags["Ecology"] == "../../themes/ecology/index.html"


def test_places_and_organizations(project):
    site = two_event_site(project)
    places = page(site, "places/")
    assert [a.get_text() for a in places.select(".index-list a")] == ["Beijing", "Shanghai"]
    assert page(site, "places/shanghai/").select_one(".event-card a").get_text().startswith("Symposium")
    orgs = [a.get_text() for a in page(site, "organizations/").select(".index-list a")]
    for body in ("CPC Central Committee", "State Council", "Central Military Commission"):
        assert body in orgs
    council = page(site, "organizations/state-council/")
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in council.select("tbody tr")]
    assert rows[0][:2] == ["Li Qiang", "Premier of the State Council"]
    assert {r[0] for r in rows} == {"Li Qiang"}
    assert "State Council" in [a.get_text() for a in page(site, "people/li-qiang/").select(".orgs a")]


def test_a_person_at_a_glance_counts_their_roles_and_spans_their_record(project):
    """Beside (or, on a phone, after) the events: what they did how often, when they were
    first and last named, the bodies their titles name, and links to each part of the page."""
    soup = page(two_event_site(project), "people/li-qiang/")
    glance = soup.select_one("aside#glance")
    facts = dict(zip([dt.get_text() for dt in glance.select("dt")],
                     [dd.get_text(" ", strip=True) for dd in glance.select("dd")]))
    assert facts["Events"] == "Presided 1 event, attended 1 event"
    assert facts["First named"].startswith("30 November 2023") and "Yangtze River Delta" in facts["First named"]
    assert facts["Last named"].startswith("5 March 2024") and "innovation" in facts["Last named"]
    assert "State Council" in facts["Bodies their titles name"]
    targets = [a["href"] for a in glance.select("nav.toc a")]
    assert targets == ["#role-host", "#role-attendee", "#companions-heading", "#statements-heading"]
    assert all(soup.find(id=target[1:]) for target in targets)
    # Someone named once: "Named", no span; their one role and who they were named with.
    once = page(two_event_site(project), "people/cai-qi/").select_one("aside#glance")
    assert [dt.get_text() for dt in once.select("dt")][:2] == ["Events", "Named"]
    assert [a["href"] for a in once.select("nav.toc a")] == ["#role-attendee", "#companions-heading"]


def test_people_index_and_titles_per_event_with_dates(project):
    soup = page(two_event_site(project), "people/li-qiang/")
    facts = [li.select_one(".facts").get_text() for li in soup.select(".appearances > li")]
    assert facts[0].startswith("5 March 2024") and facts[1].startswith("30 November 2023")


def test_cite_gives_a_permalink_and_a_citation_line(project):
    site = two_event_site(project, "https://record.example.org/yrd/")
    soup = page(site, f"{EVENT}progress/")
    item = soup.find("li", id="s5")
    cite = item.select_one("details.cite")
    assert cite.select_one(".citation").get_text() == (
        "Xi Jinping, Symposium on further promoting the integrated development of the Yangtze River "
        "Delta, Shanghai, 30 November 2023. Source: "
        f"content/sources/{SEED_NAME}.txt, paragraph 3, statement s5.")
    link = cite.select_one("a[data-permalink]")
    assert link["href"] == "../source/index.html#s5"
    assert link.get_text() == f"https://record.example.org/yrd/{EVENT}source/#s5"
    source = page(site, f"{EVENT}source/")
    assert source.find(id="s5").get_text().startswith("Xi Jinping highlighted the progress")


def test_data_files_follow_the_contract(project):
    site = two_event_site(project)
    events = json.loads((site / "data" / "events.json").read_text())
    schema = json.loads(resources.files("readout").joinpath("schema/event.schema.json").read_text())
    assert [e["id"] for e in events] == ["2024-03-05-innovation-meeting", SEED_NAME]
    for event in events:
        jsonschema.validate(event, schema, format_checker=jsonschema.FormatChecker())
    people = {p["id"]: p for p in json.loads((site / "data" / "people.json").read_text())}
    assert [a["event"] for a in people["li-qiang"]["appearances"]] == ["2024-03-05-innovation-meeting", SEED_NAME]
    assert people["xi-jinping"]["statements"][0] == f"{SEED_NAME}#s2"


def test_atom_feed_is_valid_rfc4287(project):
    site = two_event_site(project, "https://record.example.org/yrd/")
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}").text
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("https://record.example.org/yrd/events/")
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == 2
    assert feed.find(f"{ATOM}updated").text == "2024-03-06T00:00:00Z"


def test_sitemap_robots_canonical_and_meta_with_base_url(project):
    site = two_event_site(project, "https://record.example.org/yrd/")
    urls = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://record.example.org/yrd/" in urls and f"https://record.example.org/yrd/{EVENT}source/" in urls
    assert not any(u.endswith("404.html") for u in urls)
    assert "Sitemap: https://record.example.org/yrd/sitemap.xml" in (site / "robots.txt").read_text()
    soup = page(site, EVENT)
    assert soup.find("link", rel="canonical")["href"] == f"https://record.example.org/yrd/{EVENT}"
    assert soup.find("meta", property="og:title")["content"].startswith("Symposium on further")
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    # The 404 page, served at any depth under /yrd/, links there by absolute paths (and needs
    # no script to find the root).
    missing = BeautifulSoup((site / "404.html").read_text(), "html.parser")
    links = [el.get("href") or el.get("src") or el.get("action") for el in missing.select("[href], [src], form[action]")]
    assert links and all(link.startswith(("/yrd/", "#", "data:", "https://record.example.org/yrd/")) for link in links), links
    assert "/yrd/static/content.css" in links and "/yrd/timeline/index.html" in links
    assert missing.find("script", src=None, type=None) is None
    no_base = two_event_site(project)
    assert not (no_base / "sitemap.xml").exists()
    assert page(no_base, EVENT).find("link", rel="canonical") is None


def test_event_json_ld(project):
    soup = page(two_event_site(project, "https://record.example.org/"), EVENT)
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event" and data["startDate"] == "2023-11-30"
    assert data["location"] == {"@type": "Place", "name": "Shanghai"}
    assert data["organizer"]["name"] == "Xi Jinping"
    roles = [(a["@type"], a["attendee"]["@type"], a["attendee"]["name"]) for a in data["attendee"]]
    assert roles == [("Role", "Person", "Li Qiang"), ("Role", "Person", "Cai Qi")]
    assert data["attendee"][0]["roleName"].endswith("Premier of the State Council")
    assert data["url"] == f"https://record.example.org/{EVENT}"
    assert data["organizer"]["url"] == "https://record.example.org/people/xi-jinping/"


def test_json_ld_gives_addresses_only_where_the_site_has_one(project):
    """Without base_url a page's JSON-LD has no "url" (a path relative to the page is no
    address, and schema.org readers take it as one); with it, every "url" is absolute."""
    def urls(value):  # our own addresses: not the publisher's article (isBasedOn, subjectOf)
        if isinstance(value, dict):
            return [v for k, v in value.items() if k == "url"] + [
                u for k, v in value.items() if k not in ("isBasedOn", "subjectOf") for u in urls(v)]
        return [u for v in value for u in urls(v)] if isinstance(value, list) else []

    for base_url, expect in ((None, lambda found: found == []),
                             ("https://record.example.org/", lambda found: found and all(u.startswith("https://") for u in found))):
        site = two_event_site(project, base_url)
        for path in (EVENT, f"{EVENT}source/"):
            data = json.loads(page(site, path).find("script", type="application/ld+json").string)
            assert expect(urls(data)), (base_url, path, urls(data))


def test_json_ld_cannot_close_its_script(project):
    hostile = "Li Hua</script><script>alert(1)</script> held a symposium in Wuhan on the 3rd to discuss ports."
    root = project(seed=False, files={"content/sources/x.txt": hostile})
    html = (build(load_config(root)).output / "events" / "x" / "index.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script")
    assert [s.get("type") or s.get("src") for s in scripts] == ["../../static/readout.js", "application/ld+json"]
    assert json.loads(soup.find("script", type="application/ld+json").string)["name"]
    assert "</script><script>alert" not in html


def test_not_found_page_and_search_page(project):
    site = two_event_site(project)
    soup = BeautifulSoup((site / "404.html").read_text(), "html.parser")
    assert soup.find("base") is None  # its skip link stays on the page
    assert soup.select_one("link[rel=stylesheet]")["href"] == "static/content.css"  # from the root, where it is
    assert soup.h1.get_text() == "Page not found"
    search = page(site, "search/")
    assert "Search needs JavaScript" in search.find("noscript").get_text()
    assert (site / "pagefind" / "pagefind.js").is_file()
    shipped = {p.name for p in (site / "pagefind").iterdir()}
    assert not {name for name in shipped if "-ui." in name or "highlight" in name}, shipped  # never loaded
    # Of the search engine's builds, only those of the languages its entry names.
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    wanted = {f"wasm.{language['wasm'] or 'unknown'}.pagefind" for language in entry["languages"].values()}
    assert {name for name in shipped if name.startswith("wasm.")} == wanted == {"wasm.en.pagefind"}
    # Every stylesheet and script published is one some page loads.
    loaded = set()
    for html in site.rglob("*.html"):
        tags = BeautifulSoup(html.read_text(), "html.parser").select("link[rel=stylesheet], script[src]")
        loaded |= {(html.parent / (tag.get("href") or tag["src"])).resolve() for tag in tags}
    published = {p.resolve() for p in (site / "static").iterdir()}
    assert published <= loaded, published - loaded
    assert not (site / "static" / "material.css").exists()
    header = page(site, EVENT).select_one("form.search-box")
    assert header["action"] == "../../search/index.html" and header.find("input")["name"] == "q"
