"""`readout new URL` and `readout new page.html`: pages written by us in the shapes news sites use
(tests/data/pages/), read from disk and served by a local server; the extracted text holds the
story and none of the furniture, the loader reads it at least as well as a hand copy, every way
fetching fails is one line with nothing written, and the site cites the publisher."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest
import yaml

from readout import web
from readout.cli import main
from readout.frontmatter import split_document
from readout.load import parse_source
from readout.yamlnodes import value

PAGES = Path(__file__).parent / "data" / "pages"
TRUTH = yaml.safe_load((PAGES / "truth.yml").read_text(encoding="utf-8"))
NAMES = sorted(TRUTH)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves tests/data/pages, and a few ways a server misbehaves."""

    agents: ClassVar[list[str]] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(PAGES), **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        Handler.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(3)
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
            return
        if self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://example.org/file")
            self.end_headers()
            return
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/wire.html")
            self.end_headers()
            return
        if self.path == "/data.json":
            body = b'{"not": "a page"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def root(tmp_path):
    (tmp_path / "content" / "sources").mkdir(parents=True)
    return tmp_path


def extracted(name: str):
    return web.extract(web.decode_page((PAGES / f"{name}.html").read_bytes()), None, name)


def reading(text: str) -> dict:
    event = parse_source(text, "x.txt")
    return {"date": event.date, "location": event.location, "kind": event.kind,
            "host": event.host.name if event.host else None,
            "main_speaker": event.main_speaker.name if event.main_speaker else None,
            "attendees": [p.name for p in event.attendees]}


def right(got: dict, truth: dict) -> int:
    return sum(got[key] == truth[key] for key in got)


@pytest.mark.parametrize("name", NAMES)
def test_the_article_is_extracted_without_its_furniture(name):
    article = extracted(name)
    truth = TRUTH[name]
    assert article.text == (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    for furniture in truth["furniture"]:
        assert furniture not in article.text, furniture
    assert article.publisher == truth["publisher"]
    assert article.published == truth["published"]
    assert article.url == truth["url"]


@pytest.mark.parametrize("name", NAMES)
def test_the_loader_reads_the_extracted_text_at_least_as_well_as_a_hand_copy(name):
    truth = TRUTH[name]
    article = extracted(name)
    copied = (PAGES / f"{name}.copied.txt").read_text(encoding="utf-8")
    assert any(f in copied for f in truth["furniture"])  # the copy does carry the page's furniture
    from_page, from_copy = reading(article.text), reading(copied)
    assert right(from_page, truth) == len(from_page)  # every field as a careful reader has it
    assert right(from_page, truth) >= right(from_copy, truth)
    event = parse_source(article.text, "x.txt")
    assert [p.section for p in event.paragraphs] == truth["sections"]
    assert all(article.text[s.start:s.end] == s.text for s in event.statements)


def test_a_page_declaring_gbk_is_read_in_its_encoding():
    data = (PAGES / "gbk.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "示例新闻网" in web.decode_page(data)
    assert "示例新闻网" in web.decode_page(data, "gb2312")  # GB2312 declared, GBK written


def test_a_saved_page_is_added_with_its_source(root, capsys):
    assert main(["-C", str(root), "new", str(PAGES / "wire.html")]) == 0
    out = capsys.readouterr().out
    assert "Added content/sources/2026-05-09-fuzhou-symposium.txt from https://wire.example.org/" in out
    source = root / "content" / "sources" / "2026-05-09-fuzhou-symposium.txt"
    assert source.read_text(encoding="utf-8") == (PAGES / "wire.txt").read_text(encoding="utf-8")
    front = front_matter(root / "content" / "events" / "2026-05-09-fuzhou-symposium.md")
    saved = date.fromtimestamp((PAGES / "wire.html").stat().st_mtime).isoformat()
    assert front["source"] == {"url": "https://wire.example.org/2026-05/10/c_123.htm", "publisher": "Example Wire",
                               "published": "2026-05-10", "retrieved": saved, "author": "Wang Min"}


def test_a_page_is_fetched_with_an_honest_user_agent_and_recorded(root, server, capsys):
    Handler.agents.clear()
    assert main(["-C", str(root), "new", f"{server}/portal.html"]) == 0
    assert Handler.agents and all(a.startswith("readout/") for a in Handler.agents)
    event_file = next((root / "content" / "events").glob("*.md"))
    source = front_matter(event_file)["source"]
    # The page names its canonical address; the day it was saved is today.
    assert source["url"] == "https://portal.example.net/news/2026/03/13/rural-roads.html"
    assert source["retrieved"] == date.today().isoformat() and source["publisher"] == "Example Portal"
    assert (root / "content" / "sources" / f"{event_file.stem}.txt").read_text(encoding="utf-8") == \
        (PAGES / "portal.txt").read_text(encoding="utf-8")


def test_a_redirect_is_followed_and_the_served_address_kept(root, server, capsys):
    assert main(["-C", str(root), "new", f"{server}/moved"]) == 0  # wire.html names its canonical address
    assert "from https://wire.example.org/2026-05/10/c_123.htm" in capsys.readouterr().out


def test_a_page_added_twice_is_refused_with_its_id(root, server, capsys):
    assert main(["-C", str(root), "new", str(PAGES / "wire.html")]) == 0
    before = snapshot(root)
    capsys.readouterr()
    # The same page by its address (its canonical URL is the same) …
    assert main(["-C", str(root), "new", f"{server}/wire.html"]) == 1
    err = capsys.readouterr().err
    assert "added already, as '2026-05-09-fuzhou-symposium'" in err and err.count("\n") == 1
    # … and the same text saved by hand.
    assert main(["-C", str(root), "new", str(PAGES / "wire.txt")]) == 1
    assert "added already, as '2026-05-09-fuzhou-symposium'" in capsys.readouterr().err
    assert snapshot(root) == before


@pytest.mark.parametrize("path, message", [
    ("/missing.html", "page not found (HTTP 404)"),
    ("/data.json", "not a web page: the server sent application/json"),
    ("/empty.html", "no article found on the page"),
    ("/recipe.html", "the page is not a readout"),
    ("/loop", "more than 5 redirects"),
    ("/to-ftp", "the page redirects away from http and https"),
])
def test_each_failure_is_one_line_and_nothing_is_written(root, server, capsys, path, message):
    assert main(["-C", str(root), "new", f"{server}{path}"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{server}{path}: ") and message in err and err.count("\n") == 1, err
    assert snapshot(root) == {"content/sources": []}


def test_a_timeout_a_size_limit_and_other_failures(root, server, capsys, monkeypatch):
    monkeypatch.setattr(web, "TIMEOUT", 0.5)
    assert main(["-C", str(root), "new", f"{server}/slow"]) == 1
    assert "no answer within 0.5 seconds" in capsys.readouterr().err
    monkeypatch.setattr(web, "MAX_BYTES", 1000)
    assert main(["-C", str(root), "new", f"{server}/portal.html"]) == 1
    assert "the page is larger than" in capsys.readouterr().err
    for address, message in (("ftp://example.org/readout.html", "only http and https addresses are fetched"),
                             ("http://no-such-host.invalid/readout.html", "no such host"),
                             ("http://127.0.0.1:9/readout.html", "refused the connection")):
        assert main(["-C", str(root), "new", address]) == 1
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1, err
    assert snapshot(root) == {"content/sources": []}


def test_the_site_cites_the_publisher_and_keeps_the_provenance(project, capsys):
    root = project()
    assert main(["-C", str(root), "new", str(PAGES / "wire.html")]) == 0
    assert main(["-C", str(root), "build"]) == 0
    page = root / "site" / "events" / "2026-05-09-fuzhou-symposium"
    html = (page / "index.html").read_text(encoding="utf-8")
    assert 'Example Wire, 10 May 2026: <a href="https://wire.example.org/2026-05/10/c_123.htm"' in html
    assert "Source: Example Wire, 10 May 2026, https://wire.example.org/2026-05/10/c_123.htm, paragraph" in html
    event_ld = json_ld(html)
    assert event_ld["subjectOf"] == {"@type": "NewsArticle", "url": "https://wire.example.org/2026-05/10/c_123.htm",
                                     "publisher": {"@type": "Organization", "name": "Example Wire"},
                                     "datePublished": "2026-05-10"}
    source_html = (page / "source" / "index.html").read_text(encoding="utf-8")
    source_ld = json_ld(source_html)
    assert source_ld["isBasedOn"]["url"] == "https://wire.example.org/2026-05/10/c_123.htm"
    assert source_ld["citation"] == "Example Wire, 10 May 2026, https://wire.example.org/2026-05/10/c_123.htm"
    assert "Published by Example Wire on 10 May 2026" in source_html
    assert "content/sources/2026-05-09-fuzhou-symposium.txt" in source_html  # provenance stays
    data = json.loads((root / "site" / "data" / "events.json").read_text(encoding="utf-8"))
    events = data["events"] if isinstance(data, dict) else data
    added = next(e for e in events if e["id"] == "2026-05-09-fuzhou-symposium")
    assert added["source"]["url"] == "https://wire.example.org/2026-05/10/c_123.htm"
    assert added["source"]["publisher"] == "Example Wire" and added["source"]["published"] == "2026-05-10"
    # A readout without a page cites its file, as before.
    seed = next(e for e in events if e["id"] != "2026-05-09-fuzhou-symposium")
    seed_html = (root / "site" / "events" / seed["id"] / "index.html").read_text(encoding="utf-8")
    assert f"Source: {seed['source']['path']}, paragraph" in seed_html and "subjectOf" not in seed_html


def test_a_source_address_in_front_matter_must_be_http(project, capsys):
    root = project()
    event_id = next((root / "content" / "sources").glob("*.txt")).stem
    (root / "content" / "events").mkdir(exist_ok=True)
    (root / "content" / "events" / f"{event_id}.md").write_text(
        "---\nsource: {url: 'javascript:alert(1)', publisher: Xinhua}\n---\n", encoding="utf-8")
    assert main(["-C", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert f"content/events/{event_id}.md:2:" in err and "must be an http or https address" in err


def test_a_build_never_loads_the_web_module(project):
    root = project()
    code = ("import sys; from readout.cli import main; "
            f"assert main(['-C', {str(root)!r}, 'build']) == 0; print('readout.web' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip().endswith("False")


def front_matter(path: Path) -> dict:
    document = split_document(path.read_text(encoding="utf-8"), str(path))
    return value(document.front, str(path))


def snapshot(root: Path) -> dict:
    return {str(folder.relative_to(root)): sorted(p.name for p in folder.iterdir())
            for folder in sorted((root / "content").iterdir())}


def json_ld(html: str) -> dict:
    start = html.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    return json.loads(html[start:html.index("</script>", start)])



def test_a_canonical_address_that_is_not_http_is_not_kept():
    html = (PAGES / "wire.html").read_text(encoding="utf-8").replace(
        "https://wire.example.org/2026-05/10/c_123.htm", "javascript:alert(1)")
    assert web.extract(html, None, "saved.html").url is None
    assert web.extract(html, "https://example.org/served", "x").url == "https://example.org/served"


def test_without_the_web_extra_a_page_says_how_to_install_it(root, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if not installed
    assert main(["-C", str(root), "new", str(PAGES / "wire.html")]) == 1
    err = capsys.readouterr().err
    assert "needs the 'web' extra" in err and "readout[web]" in err
    assert snapshot(root) == {"content/sources": []}


@pytest.mark.parametrize("name", NAMES)
def test_page_furniture_in_a_hand_copy_never_becomes_a_fact(name):
    # Menus, breadcrumbs, bylines, share bars, captions, related links and footers copied with
    # the story stay "other": no statement, person, place or date comes from them.
    story = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    copied = (PAGES / f"{name}.copied.txt").read_text(encoding="utf-8")
    event = parse_source(copied, "x.txt")
    for paragraph in event.paragraphs:
        block = copied[paragraph.start:paragraph.end]
        if block not in story:
            assert paragraph.section == "other", block
    assert right(reading(copied), TRUTH[name]) == len(reading(copied))


@pytest.mark.parametrize("saved_from, kept", [
    ("https://blog.example.com/xi's-grain-symposium", "https://blog.example.com/xi's-grain-symposium"),
    ('https://blog.example.com/"grain"-symposium', None),  # no address holds a bare quote
])
def test_readout_new_writes_only_an_address_readout_check_accepts(project, tmp_path, capsys, saved_from, kept):
    root = project()
    html = (PAGES / "rewrite.html").read_text(encoding="utf-8")
    saved = tmp_path / "saved.html"
    saved.write_text(f"<!-- saved from url=({len(saved_from):04d}){saved_from} -->\n" + html, encoding="utf-8")
    assert main(["-C", str(root), "new", str(saved)]) == 0
    event_file = next((root / "content" / "events").glob("*grain*.md"))
    assert front_matter(event_file).get("source", {}).get("url") == kept
    capsys.readouterr()
    assert main(["-C", str(root), "check"]) == 0, capsys.readouterr()


def test_a_malformed_web_address_is_refused_with_how_to_write_it(root, capsys):
    assert main(["-C", str(root), "new", 'https://example.org/a "readout"']) == 1
    err = capsys.readouterr().err
    assert "only http and https addresses are fetched" in err and "%20" in err
    assert snapshot(root) == {"content/sources": []}


def test_a_saved_page_without_a_canonical_address_keeps_the_one_it_was_saved_from(root, capsys):
    # What a browser's "Save page as" writes at the top of the file.
    html = (PAGES / "rewrite.html").read_text(encoding="utf-8")
    saved = root / "saved.html"
    saved.write_text("<!-- saved from url=(0041)https://blog.example.com/grain-symposium -->\n" + html, encoding="utf-8")
    assert main(["-C", str(root), "new", str(saved)]) == 0
    event_file = next((root / "content" / "events").glob("*.md"))
    assert front_matter(event_file)["source"]["url"] == "https://blog.example.com/grain-symposium"
    # A page's own canonical address wins over the one it was saved from.
    assert web.extract("<!-- saved from url=(0020)https://a.example/x -->\n" + (PAGES / "wire.html").read_text(),
                       web.saved_from("<!-- saved from url=(0020)https://a.example/x -->"), "x").url \
        == "https://wire.example.org/2026-05/10/c_123.htm"
