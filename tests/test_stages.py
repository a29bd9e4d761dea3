"""Each stage of the build called alone, on its own inputs: ``load_content`` (the content folder
→ events, people, pages), ``build_site`` (content → the page graph, nothing written),
``render_page`` (one view model → HTML). The whole build is tested elsewhere; here each stage
is shown to be a function of what it is given."""

from __future__ import annotations

import subprocess
import sys

from bs4 import BeautifulSoup
from helpers import ROOT, SEED_NAME

from readout.config import load_config
from readout.content import Content, load_content
from readout.context import HOME, IndexEntry, IndexPage, Link, SiteInfo
from readout.load import parse_source
from readout.render import make_environment, render_page
from readout.site import build_site

CORRECTION = "---\nlocation: Shanghai Exhibition Center\n---\n\nThe venue as the editor knows it.\n"
PERSON = "---\nname: Li Qiang\naliases: [Premier Li]\n---\n\nPremier of the State Council since 2023.\n"


def test_load_content_reads_the_folder_alone_and_needs_no_renderer(project):
    root = project(files={f"content/events/{SEED_NAME}.md": CORRECTION, "content/people/li-qiang.md": PERSON,
                          "content/pages/about.md": "---\ntitle: About\n---\n\nWho keeps this record.\n"})
    content = load_content(load_config(root))
    [event] = content.events
    assert event.id == SEED_NAME
    assert event.location == "Shanghai Exhibition Center"  # the editor's correction is merged in
    assert "location" in " ".join(event.corrected)
    assert content.people["li-qiang"].aliases == ["Premier Li"]
    assert [page.title for page in content.pages] == ["About"]
    assert content.commentary[SEED_NAME].body.strip() == "The venue as the editor knows it."
    # Alone means alone: reading the content folder imports nothing of templates or the writer.
    code = (f"import sys; from pathlib import Path; from readout.config import load_config;"
            f"from readout.content import load_content; load_content(load_config(Path({str(root)!r})));"
            f"print(sorted(m for m in sys.modules if m in ('jinja2', 'readout.render', 'readout.write', 'readout.site')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_build_site_makes_the_page_graph_from_content_alone_and_writes_nothing(tmp_path, seed_text):
    root = tmp_path / "project"
    root.mkdir()
    (root / "site.yml").write_text((ROOT / "site.yml").read_text(encoding="utf-8"), encoding="utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    event = parse_source(seed_text, f"content/sources/{SEED_NAME}.txt")
    site = build_site(Content(events=[event]), load_config(root))
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # nothing written
    urls = {page.url for page in site.pages}
    assert {"", f"events/{SEED_NAME}/", f"events/{SEED_NAME}/source/", "timeline/", "people/",
            "people/xi-jinping/", "places/shanghai/", "search/"} <= urls
    assert [page.url for page in site.pages] == sorted(urls)  # one page per URL, sorted
    assert site.events == (event,)


def test_render_page_draws_one_view_model_alone():
    info = SiteInfo(title="A Record", description="Readouts, sentence by sentence.", language="en",
                    nav=(Link("timeline/", "Timeline"),))
    page = IndexPage(url="places/", title="Places", description="Where the events took place.",
                     breadcrumbs=(HOME,), intro="Where the events took place.",
                     entries=(IndexEntry("places/hefei/", "Hefei <Anhui>", 2),))
    html = render_page(make_environment(ROOT / "templates"), page, info)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.title.get_text().startswith("Places")
    assert soup.h1.get_text(strip=True) == "Places"
    link = soup.find("a", string=lambda s: s and "Hefei" in s)
    assert link["href"] == "hefei/index.html"  # relative to the page, so the site works from disk
    assert "Hefei <Anhui>" in link.get_text()  # the name as text: escaped in the HTML, not markup


def test_a_stage_reads_the_last_builds_memo_and_returns_its_own(project):
    from readout.incremental import ContentMemo, SiteMemo

    config = load_config(project())
    first = load_content(config, last=ContentMemo())
    memo = first.memo
    before = (memo.salt, dict(memo.events), dict(memo.stats))
    second = load_content(config, last=memo)
    assert (memo.salt, memo.events, memo.stats) == before  # read, never changed
    assert second.events[0] is first.events[0]  # the unchanged readout: the very object of the last build
    assert second.memo is not memo and second.memo.events == memo.events
    site = build_site(first, config, SiteMemo())
    kept = dict(site.memo.events)
    again = build_site(second, config, site.memo)
    assert site.memo.events == kept
    assert again.memo.events[SEED_NAME] is site.memo.events[SEED_NAME]  # its views and pages kept
    assert load_content(config).memo is None and build_site(first, config).memo is None  # a build of its own keeps nothing
