"""Every page type of a thousand-readout site passes every axe rule (no violation of any
impact), light and dark, at a phone's width and a desktop's — the lists cut into pages, the
people index of hundreds, a host's paginated page, the search page with its filters open —
and no page is wider than the screen at 320 px."""

import json

import pytest

MODES = [(360, "light"), (360, "dark"), (1280, "light"), (1280, "dark")]


def compared(site) -> str:
    """The what-changed page of the event with the most priorities set again."""
    series = json.loads((site / "data" / "series.json").read_text())
    best = max((c for s in series for c in s["compared"]), key=lambda c: len(c["recurring"]))
    return f"events/{best['event']}/compared/"


def page_types(site) -> dict[str, str]:
    """One URL of each page type of the site, the long lists' numbered pages included."""
    events = json.loads((site / "data" / "events.json").read_text())
    people = json.loads((site / "data" / "people.json").read_text())
    event = events[len(events) // 2]["id"]
    busiest = max(people, key=lambda p: len(p["appearances"]))["id"]
    first = lambda folder: sorted(p.name for p in (site / folder).iterdir() if p.is_dir() and p.name != "page")[0]  # noqa: E731
    return {
        "home": "", "event": f"events/{event}/", "event section": f"events/{event}/progress/",
        "source": f"events/{event}/source/", "person": f"people/{busiest}/", "person, older page": f"people/{busiest}/page/1/",
        "people": "people/", "people, page 2": "people/page/2/", "who meets whom": "people/network/", "timeline": "timeline/", "timeline, page 1": "timeline/page/1/",
        "topics": "topics/", "topic": "topics/priorities/", "topic, page 1": "topics/priorities/page/1/",
        "themes": "themes/", "theme": f"themes/{first('themes')}/", "places": "places/", "place": f"places/{first('places')}/",
        "organizations": "organizations/", "organization": f"organizations/{first('organizations')}/",
        "series": "series/", "a series": f"series/{first('series')}/", "what changed": compared(site),
        "search": "search/?q=innovation", "not found": "no/such/page/",
    }


@pytest.mark.parametrize("width, scheme", MODES)
def test_every_page_type_passes_axe(browser, thousand, width, scheme):
    from axe_playwright_python.sync_playwright import Axe

    url, site = thousand
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    failures = {}
    for kind, path in page_types(site).items():
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        if kind == "search":
            page.wait_for_selector(".search-results li")
            page.click(".search-refine summary")
        results = Axe().run(page)
        violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:2]) for v in results.response["violations"]]
        if violations:
            failures[kind] = violations
    assert failures == {}
    context.close()


def test_no_page_is_wider_than_a_small_phone(browser, thousand):
    url, site = thousand
    page = browser.new_page(viewport={"width": 320, "height": 640})
    wide = {}
    for kind, path in page_types(site).items():
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide[kind] = width
    assert wide == {}
    page.close()
