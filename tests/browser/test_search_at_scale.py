"""Search on an archive of a thousand readouts, in a real browser, at a phone's width and a
desktop's: the first result in the first screen, filters that stay usable with hundreds of
people, every result reachable, a person's name landing on a statement that names them, and
filter counts that match the results they give."""

import json
import re

import pytest

WIDTHS = {"phone": (360, 740), "desktop": (1280, 800)}


@pytest.fixture(scope="module")
def archive(thousand):
    """The thousand-readout site's URL, events and people."""
    url, site = thousand
    return (url, json.loads((site / "data" / "events.json").read_text()),
            json.loads((site / "data" / "people.json").read_text()))


def settled(page) -> None:
    page.wait_for_selector(".search-results:not([aria-busy])", state="attached", timeout=30_000)
    page.wait_for_function("/result|Nothing/.test(document.querySelector('.search-status').textContent)")


def searched(browser, url: str, query: str):
    """A desktop-sized tab on the search page, the search for ``query`` drawn."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{url}search/?q={query}")
    settled(page)
    return page


def results_count(page) -> int:
    return int(re.match(r"(\d+) results?", page.inner_text(".search-status")).group(1))


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_the_first_result_is_in_the_first_screen(browser, archive, width):
    url, _, people = archive
    assert len(people) > 100  # hundreds of people to filter by: the case that pushed results down
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    page.goto(url + "search/?q=innovation")
    settled(page)
    first = page.locator(".search-results li").first.bounding_box()
    assert first["y"] + 40 < h, first  # its heading within the first screen
    context.close()


def test_filters_fold_away_put_the_most_frequent_first_and_find_a_person(browser, archive):
    url, _, people = archive
    page = searched(browser, url, "innovation")
    assert not page.locator("input[name=person]").first.is_visible()  # folded away
    page.click(".search-refine summary")
    person = page.locator("fieldset", has=page.locator("input[name=person]"))
    shown = person.locator("li:visible")
    assert 1 <= shown.count() <= 8
    counts = [int(re.search(r"\((\d+)\)$", t).group(1)) for t in shown.all_inner_texts()]
    assert counts == sorted(counts, reverse=True)  # the most frequent first
    total = person.locator("li").count()
    assert total > 100
    # A person far down the list is found by name.
    wanted = sorted(p["name"] for p in people)[len(people) // 2]
    person.locator("input[type=search]").fill(wanted.split()[-1])
    assert wanted in " ".join(person.locator("li:visible").all_inner_texts())
    assert person.locator("li:visible").count() < total
    page.close()


def test_every_result_is_reachable(browser, archive):
    url, _, _ = archive
    page = searched(browser, url, "progress")
    total = results_count(page)
    assert total > 60  # more than three times what is shown at first
    assert page.locator(".search-results li").count() == 20
    while page.locator(".search-more").is_visible():
        before = page.locator(".search-results li").count()
        page.click(".search-more")
        page.wait_for_function(f"document.querySelectorAll('.search-results li').length > {before}")
    assert page.locator(".search-results li").count() == total
    links = page.eval_on_selector_all(".search-results li h2 a", "as => as.map(a => a.getAttribute('href'))")
    assert len(set(links)) == total
    page.close()


def test_a_persons_name_lands_on_a_statement_naming_them(browser, archive):
    url, events, people = archive
    # Someone a statement names as attending, whose surname and given name others share:
    # "Bai Bo" must land neither on "Bai Lin" nor on "Zhou Bo".
    said = " ".join(s["text"] for e in events for s in e["statements"])
    shared = {}
    for p in people:
        for part in p["name"].split():
            shared[part] = shared.get(part, 0) + 1
    attendee = next(p["name"] for p in sorted(people, key=lambda p: p["name"])
                    if p["name"] in said and all(shared[part] > 1 for part in p["name"].split())
                    and any(a["role"] == "attendee" for a in p["appearances"]))
    page = searched(browser, url, attendee.replace(" ", "+"))
    landed = 0
    for href in page.eval_on_selector_all(".search-results li h2 a", "as => as.map(a => a.getAttribute('href'))")[:10]:
        if "#" not in href:
            continue  # a person's own page, or an event page that names them only apart
        page.goto(url + href.lstrip("/"))
        target = href.split("#")[1]  # a statement, or the event page's list of who attended
        statement = page.inner_text(f"li#{target} .text" if target != "attendees" else "section#attendees")
        assert attendee in statement, (href, statement)
        landed += 1
        page.go_back()
    assert landed
    page.close()


def test_a_filters_count_is_the_number_of_results_it_gives(browser, archive):
    url, events, _ = archive
    host = max({e["host"]["name"] for e in events if e.get("host")},
               key=lambda name: sum(1 for e in events if (e.get("host") or {}).get("name") == name))
    page = searched(browser, url, "innovation")
    page.click(".search-refine summary")
    label = page.locator(f"label[data-value='{host}']")
    shown = int(re.search(r"\((\d+)\)$", label.inner_text()).group(1))
    label.click()  # the search runs again at once, its list busy until drawn
    settled(page)
    assert results_count(page) == shown  # counted once a page, the host who also speaks included
    page.close()
