"""Hostile text: a project whose every field carries markup, script, a closing </script>,
javascript: and data: links and right-to-left overrides — the readout, its event file, a
person file, a free page, editors' Markdown (commentary, bio, page body) and site.yml's title,
description and theme titles — renders inert on every page type of both themes: no dialog,
no script run, the text shown as text."""

import json

import pytest
from conftest import serve_folder
from helpers import make_project

from readout.build import build
from readout.config import load_config

SOURCE = (" date 2024-05-04\n"
          "Li Hua, <script>window.__pwned=1</script> Secretary, held a symposium in Wuhan on the 3rd to discuss "
          "javascript:alert(1) and \"><img src=x onerror=\"window.__pwned=2\"> ports.\n\n"
          "Li Hua said progress has been made in </script><script>window.__pwned=3</script> trade \u202eevil\u202c.\n\n"
          "He called for efforts to <iframe src=\"javascript:window.__pwned=9\"></iframe> build roads.\n")
# Markdown an editor might paste: raw HTML, event handlers, script links, attribute lists.
MARKDOWN = ("<script>window.__pwned=20</script>\n\n"
            "<img src=x onerror=\"window.__pwned=21\">\n\n"
            "<iframe src=\"javascript:window.__pwned=22\"></iframe>\n\n"
            "[click](javascript:window.__pwned=23) [data](data:text/html,<script>window.__pwned=24</script>) "
            "[tab](java\tscript:window.__pwned=25)\n\n"
            "A paragraph with a handler.\n{onclick=\"window.__pwned=26\" onmouseover=\"window.__pwned=27\"}\n\n"
            "![img](javascript:window.__pwned=28)\n\n"
            "## Progress\n\n## s1\n\nA [safe link](https://example.org/) and [[2024-05-03-hostile]].\n")
EVENT = """---
title: "<script>window.__pwned=4</script> Title \u202eevil"
location: '"><img src=x onerror="window.__pwned=5">'
kind: "</script><script>window.__pwned=6</script>"
subject: "javascript:alert(1)"
host: {name: "Evil <b>Host</b>", titles: ["<img src=x onerror=window.__pwned=7>"]}
attendees: [{name: "Al \\"><svg onload=window.__pwned=8>", titles: ["</script>"]}]
source: {url: "https://example.org/a&b?q=%3C/script%3E&x=1",
         publisher: "</script><script>window.__pwned=31</script> <img src=x onerror=window.__pwned=32>",
         published: 2024-05-04}
---
""" + MARKDOWN
PERSON = """---
name: "Evil <b>Host</b>"
bio_title: x
---
""".replace("bio_title: x\n", "") + MARKDOWN
PAGE = """---
title: '"><img src=x onerror="window.__pwned=10"></title><script>window.__pwned=11</script>'
description: '"><script>window.__pwned=12</script>'
nav_order: 1
---
""" + MARKDOWN
SITE = """title: '"><img src=x onerror="window.__pwned=13"></title><script>window.__pwned=14</script>'
description: '"><script>window.__pwned=15</script><meta http-equiv=refresh content="0;url=javascript:window.__pwned=16">'
language: en
base_url: https://example.org/a&b/
themes:
  ports: {title: '<img src=x onerror="window.__pwned=17">', keywords: [ports, roads]}
"""
ID = "2024-05-03-hostile"
FILES = {f"content/sources/{ID}.txt": SOURCE, f"content/events/{ID}.md": EVENT,
         "content/pages/evil.md": PAGE, "site.yml": SITE}


@pytest.fixture(scope="module", params=["readout", "material"])
def hostile_url(request, tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("hostile") / "project", FILES, seed=False)
    config = load_config(root)
    person = build(config, root / "probe", search=False).output
    person_id = next(p.name for p in (person / "people").iterdir() if p.is_dir() and p.name.startswith("evil"))
    (root / "content" / "people").mkdir(exist_ok=True)
    (root / "content" / "people" / f"{person_id}.md").write_text(PERSON, encoding="utf-8")
    output = build(config, theme=request.param).output
    server = serve_folder(output)
    yield request.param, f"http://127.0.0.1:{server.server_address[1]}/", output
    server.shutdown()
    server.server_close()


def test_every_page_type_renders_hostile_text_inert(browser, hostile_url):
    theme, url, output = hostile_url
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pages = [p.relative_to(output).as_posix()[:-len("index.html")] for p in sorted(output.rglob("index.html"))
             if not p.relative_to(output).as_posix().startswith(("pagefind", "assets"))]
    assert len(pages) > 15
    kinds = {p.split("/")[0] for p in pages}
    assert {"", "events", "people", "topics", "themes", "places", "organizations", "timeline", "evil", "search"} <= kinds
    for path in pages + ["search/?q=pwned", "search/?q=script", "404.html"]:
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__pwned") is None, (theme, path)
        assert page.locator("iframe").count() == 0, (theme, path)
        # Inline scripts are ours only: none of them holds code from the project.
        assert all("__pwned" not in t for t in page.locator("script:not([src]):not([type])").all_text_contents())
        # Nothing from the project became an element or attribute that runs script.
        handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e =>
            [...e.attributes].filter(a => a.name.startsWith('on') || /^\\s*(javascript|data):/i.test(a.value)
              && ['href', 'src', 'action', 'formaction'].includes(a.name) && e.tagName != 'LINK')
            .map(a => e.tagName + ' ' + a.name + '=' + a.value))""")
        assert handlers == [], (theme, path, handlers)
        assert page.locator("meta[http-equiv]").count() == 0, (theme, path)
    assert dialogs == []
    page.goto(url + f"events/{ID}/")
    assert "<script>window.__pwned=4</script> Title \u202eevil" in page.inner_text("h1")
    assert "<script>window.__pwned=20</script>" in page.inner_text("body")  # raw HTML shown as text
    page.goto(url + "evil/")
    assert "window.__pwned=11" in page.title()  # the hostile title is the page's title, as text
    assert "<script>window.__pwned=14</script>" in page.title() or (theme == "readout" and page.title())
    context.close()


def test_hostile_event_page_keeps_the_data_as_text(browser, hostile_url):
    theme, url, _ = hostile_url
    page = browser.new_page()
    page.goto(url + f"events/{ID}/")
    if theme == "readout":  # Material's shell has no JSON-LD
        data = json.loads(page.locator("script[type='application/ld+json']").first.inner_text())
        assert data["name"].startswith("<script>") and data["attendee"][0]["roleName"] == "</script>"
        assert '"><img src=x onerror="window.__pwned=5">' in page.inner_text(".facts-table")
        # The publisher and the page address, from the event file's source:, stay text too.
        assert "</script><script>window.__pwned=31</script>" in page.inner_text(".publication")
        assert page.locator(".publication a").get_attribute("href") == "https://example.org/a&b?q=%3C/script%3E&x=1"
    page.goto(url + f"events/{ID}/source/")
    assert "</script><script>window.__pwned=3</script>" in page.inner_text("body")
    if theme == "readout":
        source = json.loads(page.locator("script[type='application/ld+json']").first.inner_text())
        assert source["isBasedOn"]["publisher"]["name"].startswith("</script><script>")
        assert "window.__pwned=31" in page.inner_text(".publication")
    page.close()
