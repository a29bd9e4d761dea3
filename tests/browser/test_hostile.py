"""Hostile text: a readout and an event file whose every field carries markup, script, a
closing </script>, javascript: links and right-to-left overrides render inert on every page
type — no dialog, no script run, the text shown as text."""

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
EVENT = """---
title: "<script>window.__pwned=4</script> Title \u202eevil"
location: '"><img src=x onerror="window.__pwned=5">'
kind: "</script><script>window.__pwned=6</script>"
subject: "javascript:alert(1)"
host: {name: "Evil <b>Host</b>", titles: ["<img src=x onerror=window.__pwned=7>"]}
attendees: [{name: "Al \\"><svg onload=window.__pwned=8>", titles: ["</script>"]}]
---
"""
ID = "2024-05-03-hostile"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("hostile") / "project",
                        {f"content/sources/{ID}.txt": SOURCE, f"content/events/{ID}.md": EVENT}, seed=False)
    output = build(load_config(root)).output
    server = serve_folder(output)
    yield f"http://127.0.0.1:{server.server_address[1]}/", output
    server.shutdown()
    server.server_close()


def test_every_page_type_renders_hostile_text_inert(browser, hostile_url):
    url, output = hostile_url
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pages = [p.relative_to(output).as_posix()[:-len("index.html")] for p in sorted(output.rglob("index.html"))
             if not p.relative_to(output).as_posix().startswith("pagefind")]
    assert len(pages) > 15
    for path in pages + ["search/?q=pwned", "search/?q=script"]:
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("iframe").count() == 0 and page.locator("main img").count() == 0, path
        assert page.locator("main svg").count() == 0 and page.locator("main b").count() == 0, path
    assert dialogs == []
    page.goto(url + f"events/{ID}/")
    assert page.inner_text("h1") == "<script>window.__pwned=4</script> Title \u202eevil"
    assert '"><img src=x onerror="window.__pwned=5">' in page.inner_text(".facts-table")
    data = json.loads(page.inner_text("script[type='application/ld+json']"))
    assert data["name"].startswith("<script>") and data["attendee"][0]["roleName"] == "</script>"
    page.goto(url + f"events/{ID}/source/")
    assert "</script><script>window.__pwned=3</script>" in page.inner_text(".source")
    context.close()
