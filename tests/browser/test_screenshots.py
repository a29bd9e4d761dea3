"""What every page type looks like, at a phone's width and a desktop's, light and dark: the
screenshots are written to build/screenshots/ (KIND-WIDTH-SCHEME.png) for people to look at
(the README points there), and the layout a reader relies on is checked as they are taken —
the story in the first screen at 360 px, the facts beside the text on a wide screen, the
source text as prose with its provenance after it."""

from pathlib import Path

import pytest
from test_browser import EVENT, PAGE_TYPES

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
MODES = [(360, 740, "light"), (360, 740, "dark"), (1280, 800, "light"), (1280, 800, "dark")]


@pytest.mark.parametrize("width, height, scheme", MODES)
def test_screenshots_of_every_page_type(browser, site_url, width, height, scheme):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    for kind, path in sorted(PAGE_TYPES.items()):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        if kind == "search":
            page.wait_for_selector(".search-results li")
        file = SHOTS / f"{kind.replace(' ', '-')}-{width}-{scheme}.png"
        page.screenshot(path=str(file))
        assert file.stat().st_size > 5_000  # a page, not a blank
        assert page.locator("a.brand svg.mark").count() == 1  # the site's mark in the header
    context.close()


def top_of(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


def test_the_story_is_in_the_first_screen_of_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + EVENT)
    assert top_of(page, ".lead li.statement") + 60 < 740  # the lead's first lines, before the facts
    page.goto(site_url + f"{EVENT}source/")
    assert top_of(page, ".source .para") + 60 < 740  # the source text, its provenance after it
    context.close()


def test_on_a_wide_screen_the_facts_stand_beside_the_text(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url + EVENT)
    lead, facts = (page.locator(s).bounding_box() for s in (".lead", ".event-aside"))
    assert facts["x"] >= lead["x"] + lead["width"]  # beside, not below
    assert facts["y"] < 800 and page.locator(".event-aside .toc a").count() > 0  # in view, with the topics
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(200)
    assert page.locator(".event-aside").bounding_box()["y"] < 800  # it stays in view while reading
    page.close()


def test_the_source_reads_as_prose_with_its_provenance_after(page, site_url):
    page.goto(site_url + f"{EVENT}source/")
    decorations = page.eval_on_selector_all(".source .s", "ss => ss.map(s => getComputedStyle(s).textDecorationLine)")
    assert decorations and set(decorations) == {"none"}  # no sentence looks like a link
    after = page.evaluate("document.querySelector('.source').compareDocumentPosition(document.querySelector('.provenance'))")
    assert after & 4  # the file path and SHA-256 follow the text
