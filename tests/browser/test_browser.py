"""The published site in a real browser: search, accessibility, keyboard, no-JS, citations."""

from urllib.parse import urljoin

import pytest
from helpers import SEED_NAME

EVENT = f"events/{SEED_NAME}/"
PAGE_TYPES = {
    "home": "", "event": EVENT, "topic": f"{EVENT}progress/", "source": f"{EVENT}source/",
    "person": "people/li-qiang/", "people": "people/", "timeline": "timeline/", "topics": "topics/",
    "topic across events": "topics/priorities/", "themes": "themes/", "theme": "themes/innovation/",
    "places": "places/", "place": "places/shanghai/", "organizations": "organizations/",
    "organization": "organizations/state-council/", "search": "search/?q=innovation",
    "free page": "about/", "who meets whom": "people/network/", "not found": "no/such/page/",
}


def search(page, site_url, query):
    page.goto(f"{site_url}search/?q={query}")
    page.wait_for_selector(".search-results li a", timeout=10_000)
    return page.eval_on_selector_all(".search-results li a", "links => links.map(a => [a.textContent, a.getAttribute('href')])")


def test_search_lands_on_the_statement(page, site_url):
    results = search(page, site_url, "joint protection ecological environment")
    title, href = results[0]
    assert href.endswith(f"{EVENT}#s9"), results
    assert title == "Symposium on further promoting the integrated development of the Yangtze River Delta"
    page.click(".search-results li a")
    page.wait_for_url(f"**/{EVENT}#s9")
    assert page.locator("li#s9 .text").inner_text().startswith("Additionally, Xi Jinping stressed the need for joint protection")
    assert page.watch.errors == [] and page.watch.outside() == []


def test_search_finds_chinese_text(page, site_url):
    results = search(page, site_url, "长三角")
    assert any("innovation-meeting" in href for _, href in results), results


def settled(page) -> None:
    """Wait until the search a filter started has drawn its results (the list is busy while it
    runs), however long a loaded machine takes: a state, not a guessed time."""
    page.wait_for_selector(".search-results:not([aria-busy])", state="attached", timeout=30_000)
    page.wait_for_function("document.querySelector('.search-status').textContent.includes('result')")


def open_filters(page):
    """The filters fold away above the results: open them."""
    page.wait_for_selector(".search-refine:not([hidden])")
    if not page.eval_on_selector(".search-refine", "d => d.open"):
        page.click(".search-refine summary")


def test_search_filters_by_section_person_and_year(page, site_url):
    search(page, site_url, "innovation")
    open_filters(page)
    page.check("input[name=section][value=Priorities]")
    settled(page)
    hrefs = page.eval_on_selector_all(".search-results li a", "links => links.map(a => a.getAttribute('href'))")
    anchored = [h for h in hrefs if "#" in h]
    assert any(SEED_NAME in h for h in anchored), hrefs
    for href in anchored:  # a result lands on a priorities statement whenever a match is in one
        page.goto(urljoin(site_url + "search/", href))
        anchor = href.split("#")[1]
        assert "section-priorities" in page.get_attribute(f"li#{anchor}", "class"), href
    page.goto(f"{site_url}search/?q=innovation")
    page.wait_for_selector("input[name=year][value='2024']", state="attached")
    open_filters(page)
    page.uncheck("input[name=section][value=Priorities]")
    page.check("input[name=year][value='2024']")
    settled(page)
    hrefs = page.eval_on_selector_all(".search-results li a", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all("innovation-meeting" in h for h in hrefs), hrefs
    assert page.locator("input[name=person][value='Li Qiang']").count() == 1


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_every_page_type_passes_axe_with_no_console_error_or_outside_request(page, site_url, kind):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_url + PAGE_TYPES[kind])
    page.wait_for_load_state("networkidle")
    if kind == "search":
        page.wait_for_selector(".search-results li")
    results = Axe().run(page)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == [], violations
    errors = [e for e in page.watch.errors if not (kind == "not found" and "404" in e)]
    assert errors == []
    assert page.watch.outside() == []


def test_dark_mode_and_phone_width_pass_axe(browser, site_url):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme="dark")
    page = context.new_page()
    for url in ("", EVENT, f"{EVENT}source/#s5"):
        page.goto(site_url + url)
        assert Axe().run(page).response["violations"] == []
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (url, width)
    context.close()


def test_keyboard_skip_link_and_visible_focus(page, site_url):
    page.goto(site_url + EVENT)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert focused == ["skip", "#main"]
    assert page.evaluate("getComputedStyle(document.activeElement).left") != "-999px"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), outline


def test_readable_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "search/")
    assert "Search needs JavaScript" in page.inner_text("main")
    page.goto(site_url + EVENT)
    assert "Xi Jinping highlighted the progress" in page.inner_text("main")
    page.click("li.statement >> nth=0 >> summary")
    assert page.locator("li.statement >> nth=0 >> .citation").is_visible()
    context.close()


def test_search_opened_from_disk_says_how_to_serve_the_site(browser, site_folder):
    """From disk the search index cannot load (no module, no fetch on file: pages): the page
    says so, and how to serve the site, instead of an empty form that finds nothing. The
    header's search box leads there too."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site_folder / "index.html").as_uri())
    page.fill("#site-search", "innovation")
    page.press("#site-search", "Enter")
    page.wait_for_load_state()
    assert page.url.startswith((site_folder / "search" / "index.html").as_uri())
    notice = page.locator(".file-only")
    notice.wait_for(state="visible", timeout=5_000)
    assert "make serve" in notice.inner_text() and "python3 -m http.server" in notice.inner_text()
    assert not page.locator("#search-query").is_visible()  # no form that can only fail
    box = notice.bounding_box()
    assert box["y"] < 740  # in the first screen at 360 px
    assert errors == []
    context.close()


def test_cite_and_the_highlighted_span(page, site_url):
    page.goto(site_url + f"{EVENT}progress/")
    page.click("#s5 summary")
    citation = page.inner_text("#s5 .citation")
    assert citation.startswith("Xi Jinping, Symposium on further promoting")
    assert page.inner_text("#s5 a[data-permalink]") == f"{site_url}{EVENT}source/index.html#s5"
    page.click("#s5 a[data-permalink]")
    page.wait_for_url(f"**/{EVENT}source/index.html#s5")
    background = page.evaluate("getComputedStyle(document.getElementById('s5')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    other = page.evaluate("getComputedStyle(document.getElementById('s6')).backgroundColor")
    assert other == "rgba(0, 0, 0, 0)"


def test_print_stylesheet_hides_navigation(page, site_url):
    page.goto(site_url + EVENT)
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.masthead nav')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.cite')).display") == "none"
    # On paper the light palette, whatever the system's: the facts panel and text print light.
    page.emulate_media(media="print", color_scheme="dark")
    colours = page.evaluate("[getComputedStyle(document.querySelector('.facts-table')).backgroundColor,"
                            " getComputedStyle(document.body).color]")
    assert colours == ["rgb(243, 241, 234)", "rgb(0, 0, 0)"], colours
    page.emulate_media(media="screen", color_scheme="dark")  # on screen, dark stays dark
    assert page.evaluate("getComputedStyle(document.querySelector('.facts-table')).backgroundColor") == "rgb(30, 33, 37)"


def test_search_works_from_a_sub_path(browser, tmp_path, site_folder):
    import shutil

    from conftest import serve_folder

    # The site at /records/yrd/ of a server: every link, and every search result, stays under it.
    folder = tmp_path / "www"
    shutil.copytree(site_folder, folder / "records" / "yrd")
    server = serve_folder(folder)
    try:
        page = browser.new_page()
        base = f"http://127.0.0.1:{server.server_address[1]}/records/yrd/"
        page.goto(base + "search/?q=joint+protection")
        page.wait_for_selector(".search-results li a")
        page.click(".search-results li a")
        page.wait_for_url(f"{base}{EVENT}#s9")
        page.close()
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("missing", ["records/yrd/no/such/page/", "records/yrd/gone.html", "records/yrd/events/x/y/z/"])
def test_the_not_found_page_works_under_a_sub_path_at_any_depth(browser, tmp_path, site_folder, missing):
    """A host serves the site's 404.html for any missing address below the site (here the
    site is at /records/yrd/ and no base_url is set): the page is styled, its skip link stays
    on it, and its links lead into the site, not out of it."""
    import shutil

    from conftest import serve_folder

    folder = tmp_path / "www"
    shutil.copytree(site_folder, folder / "records" / "yrd")
    shutil.copy(site_folder / "404.html", folder / "404.html")  # what the host serves for any missing path
    server = serve_folder(folder)
    try:
        page = browser.new_page()
        origin = f"http://127.0.0.1:{server.server_address[1]}/"
        page.goto(origin + missing)
        page.wait_for_function("document.querySelector('a.brand').getAttribute('href').startsWith('/records/yrd/')")
        page.wait_for_load_state("networkidle")
        assert page.inner_text("h1") == "Page not found"
        # the stylesheets loaded from the site's root: the header's links in a row, the skip link off screen
        page.wait_for_function("getComputedStyle(document.querySelector('.masthead ul')).display === 'flex'")
        assert page.eval_on_selector("a.skip", "e => getComputedStyle(e).position") == "absolute"
        hrefs = page.eval_on_selector_all("main a, header a, footer a", "links => links.map(a => a.href)")
        inside = [h for h in hrefs if not h.endswith("#main")]
        assert inside and all(h.startswith(origin + "records/yrd/") for h in inside), hrefs
        page.click("a.brand")
        page.wait_for_url(origin + "records/yrd/index.html")
        page.goto(origin + missing)
        page.focus("a.skip")
        page.keyboard.press("Enter")
        assert page.url.split("#")[0] == origin + missing  # the skip link stays on the page
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_the_pager_of_a_long_list_passes_axe_and_leads_on(browser, tmp_path):
    import sys

    from axe_playwright_python.sync_playwright import Axe
    from conftest import serve_folder
    from helpers import ROOT, make_project

    from readout import indexes
    from readout.build import build
    from readout.config import load_config

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(indexes, "GROUPS_PER_PAGE", 2)
        root = make_project(tmp_path / "archive")
        generate(30, root)
        site = build(load_config(root), search=False).output
    server = serve_folder(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        for width, scheme in ((1200, "light"), (360, "dark")):
            context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
            page = context.new_page()
            page.goto(base + "topics/priorities/page/7/")
            assert Axe().run(page).response["violations"] == []
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.click("nav.pages a[rel=next]")  # older
            assert page.url.endswith("topics/priorities/page/6/index.html")
            assert page.locator("nav.pages [aria-current=page]").inner_text() == "6"
            page.click("nav.pages a:text('Newest')")
            assert page.url.endswith("topics/priorities/index.html")
            context.close()
    finally:
        server.shutdown()
        server.server_close()
