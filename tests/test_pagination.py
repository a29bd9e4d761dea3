"""Long lists are cut into pages: every item on exactly one page, pagers that lead to every
page and stay small, titles that tell the pages apart, and links that all resolve."""

import json
import sys
from datetime import date

import pytest
from helpers import ROOT, check_links, make_project, page

from readout import indexes
from readout import site as site_module
from readout.build import build
from readout.config import load_config

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Forty-one readouts, with pages small enough that every list is cut."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(indexes, "GROUPS_PER_PAGE", 3)
        patch.setattr(indexes, "EVENTS_PER_PAGE", 4)
        patch.setattr(indexes, "HOLDERS_PER_PAGE", 5)
        patch.setattr(indexes, "PEOPLE_PER_PAGE", 6)
        patch.setattr(site_module, "HOME_EVENTS", 5)
        root = make_project(tmp_path_factory.mktemp("archive") / "project")
        generate(40, root)
        return build(load_config(root), search=False).output


def list_pages(site, url):
    """The pages of the list at ``url``, in order, found by following rel=next from the first."""
    pages, current = [], url
    while current is not None:
        soup = page(site, current)
        pages.append((current, soup))
        following = soup.select_one('.pages a[rel="next"]')
        current = None
        if following:
            target = (site / pages[-1][0] / following["href"]).resolve()
            current = target.parent.relative_to(site.resolve()).as_posix() + "/"
        assert len(pages) <= 200  # a guard against a pager that loops
    return pages


def test_every_statement_of_a_topic_is_on_a_full_page(archive):
    """The list's own page holds the newest full page of events (never the one or two left
    over); the numbered pages hold the rest, oldest first, a full page each, each event on
    one of them; together they hold every statement."""
    events = json.loads((archive / "data" / "events.json").read_text())
    expected = sorted((e["id"], s["id"]) for e in events for s in e["statements"] if s["section"] == "priorities")
    newest_first = list(dict.fromkeys(e for e, _ in sorted(expected, key=lambda x: [e["id"] for e in events].index(x[0]))))
    assert len(newest_first) % 3  # some left over: the case that once left one event on the list's own page
    pages = list_pages(archive, "topics/priorities/")
    assert len(pages) == -(-len(newest_first) // 3) > 5
    seen, shown = set(), []
    for _, soup in pages:
        groups = soup.select("section.group")
        assert len(groups) == 3
        shown.append([group.select_one("h2 a")["href"].split("/")[-2] for group in groups])
        for group in groups:
            event = group.select_one("h2 a")["href"].split("/")[-2]
            seen |= {(event, a["href"].rsplit("#", 1)[1]) for a in group.select("a.source-link")}
    assert sorted(seen) == expected
    assert shown[0] == newest_first[:3]
    numbered = [event for events_on_page in shown[1:] for event in events_on_page]
    assert len(numbered) == len(set(numbered)) and set(numbered) | set(shown[0]) == set(newest_first)
    assert numbered[-3:] == newest_first[-3:]  # page 1: the oldest three


def test_pagers_are_small_mark_the_current_page_and_have_distinct_titles(archive):
    pages = list_pages(archive, "topics/priorities/")
    count = len(pages)
    titles = set()
    for position, (url, soup) in enumerate(pages):
        number = count - position  # counted from the oldest: the newest page is the list's own URL
        assert url == ("topics/priorities/" if number == count else f"topics/priorities/page/{number}/")
        pager = soup.select_one("nav.pages")
        assert pager.select_one('[aria-current="page"]').get_text() == ("Newest" if number == count else str(number))
        labels = [li.get_text(strip=True) for li in pager.select("ol li")]
        assert labels[0] == "Newest" and labels[-1] == "1"
        assert len(labels) <= 9  # newest, oldest, two either side, two gaps: never every page
        assert str(count) not in labels  # nothing that changes as the list grows
        if 4 < number < count - 3:
            assert labels.count("…") == 2
        assert bool(pager.select_one('a[rel="prev"]')) == (number < count)  # newer
        titles.add(soup.title.get_text())
    assert len(titles) == count  # "Priorities", then "Priorities — page 7" and so on


def test_adding_the_newest_readout_changes_only_the_newest_pages(tmp_path):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(indexes, "GROUPS_PER_PAGE", 3)
        patch.setattr(indexes, "EVENTS_PER_PAGE", 4)
        root = make_project(tmp_path / "project")
        generate(30, root)
        site = build(load_config(root), search=False).output
        before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("index.html")}
        newest = max(p.name[:10] for p in (root / "content" / "sources").iterdir())  # the same year
        (root / "content" / "sources" / f"{newest}-99999-new-forum.txt").write_text(
            f" date {newest}\nZhao Ming chaired a forum in Wuhan on the morning of the {int(newest[8:])}th to discuss opening up.\n\n"
            "Zhao said notable progress has been made in trade.\n\nZhao called for greater efforts to open up.\n")
        build(load_config(root), search=False)
        after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("index.html")}
    lists = ("topics/", "themes/", "timeline/", "places/")
    changed = sorted(name for name in after if name.startswith(lists) and before.get(name) != after[name])
    older = [name for name in changed if "/page/" in name]
    assert "timeline/index.html" in changed and "topics/priorities/index.html" in changed
    # Older pages change only where the newest page was full: it becomes page N, and the
    # three pages below it now link to it by number. Every other older page keeps its bytes.
    by_list = {}
    for name in older:
        by_list.setdefault(name.split("/page/")[0], []).append(int(name.split("/page/")[1].split("/")[0]))
    for numbers in by_list.values():
        assert len(numbers) <= 4 and max(numbers) - min(numbers) <= 3, by_list
    assert len(older) < sum(name.startswith(lists) and "/page/" in name for name in before) / 4


def test_the_timeline_lists_every_event_once_and_links_each_year(archive):
    events = json.loads((archive / "data" / "events.json").read_text())
    pages = list_pages(archive, "timeline/")
    listed = [a["href"].split("/")[-2] for _, soup in pages for a in soup.select(".event-card h3 a")]
    assert list(dict.fromkeys(listed)) == [e["id"] for e in events]  # newest first, as data/events.json
    assert all(len(soup.select(".event-card")) == 4 for _, soup in pages)  # full pages only
    years = {e["date"][:4] for e in events if e["date"]}
    for _, soup in pages:
        assert {a.get_text() for a in soup.select("nav.toc a")} == years
    url, soup = pages[-1]
    link = soup.select_one("nav.toc a")  # the newest year, from the last page: on the first
    target, year = link["href"].split("#")
    assert (archive / url / target).resolve() == (archive / "timeline" / "index.html").resolve()
    assert page(archive, "timeline/").find(id=year) is not None


def test_home_shows_the_newest_events_and_leads_to_the_rest(archive):
    events = json.loads((archive / "data" / "events.json").read_text())
    home = page(archive, "")
    assert [a["href"].split("/")[-2] for a in home.select(".event-card h2 a")] == [e["id"] for e in events[:5]]
    more = home.select_one(".more a")
    assert more["href"] == "timeline/index.html" and f"All {len(events)} events" in more.get_text()


def test_organization_pages_are_cut_too(archive):
    bodies = [p for p in (archive / "organizations").iterdir() if (p / "page" / "2").is_dir()]
    assert bodies
    rows = [len(soup.select("tbody tr")) for _, soup in list_pages(archive, f"organizations/{bodies[0].name}/")]
    assert len(rows) >= 2 and all(0 < r <= 5 for r in rows)


def test_every_link_of_the_cut_lists_resolves(archive):
    assert check_links(archive) > 1000


def test_places_and_the_people_index_are_cut_too(archive):
    people = json.loads((archive / "data" / "people.json").read_text())
    index = list_pages(archive, "people/")
    listed = [a["href"].split("/")[-2] for _, soup in index for a in soup.select(".people-index li > a")]
    assert len(index) == -(-len(people) // 6) > 1 and sorted(listed) == sorted(p["id"] for p in people)
    # A to Z from its own page (page 1, full) on, each person once; the last page holds the rest.
    assert len(listed) == len(set(listed))
    assert [len(soup.select(".people-index li")) for _, soup in index][:-1] == [6] * (len(index) - 1)
    assert [url for url, _ in index] == ["people/"] + [f"people/page/{n}/" for n in range(2, len(index) + 1)]
    events = json.loads((archive / "data" / "events.json").read_text())
    busiest = max({e["location"] for e in events}, key=lambda place: sum(e["location"] == place for e in events))
    slug = page(archive, f"events/{next(e['id'] for e in events if e['location'] == busiest)}/").select_one(
        "a[href*='places/']")["href"].split("places/")[1].split("/")[0]
    pages = list_pages(archive, f"places/{slug}/")
    held = [a["href"].split("/")[-2] for _, soup in pages for a in soup.select(".event-card h2 a")]
    assert list(dict.fromkeys(held)) == [e["id"] for e in events if e["location"] == busiest] and len(pages) > 1


def when(day: date) -> str:
    return f"{day.day} {day:%B %Y}"  # as the site prints a date: "5 March 2024"


def test_a_host_of_a_thousand_events_has_pages_of_one_size(tmp_path):
    """No page grows with the archive: the person page of a host of a thousand events is cut
    into pages of ten events, each event on exactly one, and no page of the site passes a
    fixed size."""
    root = make_project(tmp_path / "project")
    generate(1000, root, hosts=["Wen Tao"])
    site = build(load_config(root), search=False).output
    events = json.loads((site / "data" / "events.json").read_text())
    pages = list_pages(site, "people/wen-tao/")
    assert len(pages) == 100
    days = sorted(date.fromisoformat(e["date"]) for e in events if e["date"])
    oldest, newest = days[0], days[-1]
    listed = []
    for _, soup in pages:
        here = {a["href"].split("/")[-2] for a in soup.select("ul.appearances a")}
        assert 1 <= len(here) <= 10
        listed += sorted(here)
        said = {h3.a["href"].split("/")[-2] for h3 in soup.select('section[aria-labelledby="statements-heading"] h3')}
        assert said <= here  # what they said at the page's events only
        assert "Presided 1000 events" in soup.select_one("#events-heading + p").get_text(" ", strip=True)
        # At a glance, on every page: the whole record's span, not the page's.
        glance = [dd.get_text(" ", strip=True) for dd in soup.select("#glance dd")]
        assert glance[0] == "Presided 1000 events"
        assert glance[1].startswith(when(oldest)) and glance[2].startswith(when(newest))
    assert sorted(listed) == sorted(e["id"] for e in events if (e["host"] or {}).get("name") == "Wen Tao")
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    assert max(sizes.values()) < 150_000, max(sizes, key=sizes.get)


@pytest.mark.parametrize("size", [1, 3, 4, 20])
def test_every_page_of_a_list_is_full_and_numbered_pages_keep_their_items(size):
    """For every length: the list's own page holds the newest ``size`` items (never the one
    or two left over), every numbered page is full, together they hold every item, and adding
    a newer item leaves every numbered page as it was (a cited page stays true). The people
    index, read A to Z, is full from its own page on."""
    for length in range(1, 6 * size + 2):
        items = tuple(range(length, 0, -1))  # newest first
        pages = indexes.paginate("list/", items, size)
        assert pages[0][0] == "list/" and pages[0][1] == items[:size]
        assert all(len(chunk) == min(size, length) for _, chunk, _ in pages)
        assert {i for _, chunk, _ in pages for i in chunk} == set(items)
        numbered = {url: chunk for url, chunk, _ in pages[1:]}
        grown = {url: chunk for url, chunk, _ in indexes.paginate("list/", (length + 1,) + items, size)[1:]}
        assert all(grown[url] == chunk for url, chunk in numbered.items())
        in_order = indexes.paginate_in_order("list/", items, size)
        assert in_order[0][1] == items[:size] and [i for _, chunk, _ in in_order for i in chunk] == list(items)


def test_landmarks_of_every_page_have_names_that_tell_them_apart(archive):
    """Every page of an archive of recurring events (many share a title): each landmark that
    has a name has one no other landmark of its role on the page has (axe landmark-unique),
    and both search forms of the search page are named apart."""
    from collections import Counter

    from bs4 import BeautifulSoup

    titles = Counter(e["title"] for e in json.loads((archive / "data" / "events.json").read_text()))
    assert titles.most_common(1)[0][1] > 1  # recurring titles, the case that once gave equal names
    checked = 0
    for path in archive.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        names = Counter()
        for element in soup.select("nav, form[role=search], section[aria-label], section[aria-labelledby], aside, main"):
            label = element.get("aria-label")
            if element.get("aria-labelledby"):
                label = soup.find(id=element["aria-labelledby"]).get_text(" ", strip=True)
            role = element.get("role") or element.name
            if role == "search" or label:
                names[(role, label)] += 1
        assert all(count == 1 for count in names.values()), (path, [k for k, c in names.items() if c > 1])
        checked += 1
    search = BeautifulSoup((archive / "search" / "index.html").read_text(), "html.parser")
    assert len({form.get("aria-label") for form in search.select("form[role=search]")}) == 2
    assert all(form.get("action") != "" for form in search.select("form"))  # the Nu checker's error
    assert checked > 100
