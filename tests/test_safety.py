"""Editors' Markdown is safe by default, settings never reach a path or a generated line
unchecked, two things never claim one URL, and generated XML and JSON are always valid.
(Issue 12: each class found by an outside probe, tested across its siblings.)"""

import json
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from helpers import SEED_NAME, page

from readout.build import build
from readout.cli import main
from readout.config import load_config, parse_config
from readout.errors import ReadoutError
from readout.markup import Links, to_html

HOSTILE_MARKDOWN = {
    "script": "<script>alert(1)</script>",
    "iframe": '<iframe src="https://example.org/"></iframe>',
    "img onerror": "<img src=x onerror=alert(1)>",
    "inline handler": "Text <span onmouseover=alert(1)>here</span>.",
    "style tag": "<style>body{display:none}</style>",
}


@pytest.mark.parametrize("markdown", HOSTILE_MARKDOWN.values(), ids=HOSTILE_MARKDOWN.keys())
def test_raw_html_is_shown_as_text_by_default(markdown):
    html = to_html(markdown, Links(), "about/")
    assert "<script" not in html and "<iframe" not in html and "<img" not in html and "<span" not in html
    assert "<style" not in html and "&lt;" in html  # the editor's text is still there, as text


def test_raw_html_passes_when_the_project_opts_in():
    html = to_html('<b>bold</b>\n\n<div markdown="1">*inside*</div>', Links(), "about/", raw_html=True)
    assert "<b>bold</b>" in html and "<em>inside</em>" in html


@pytest.mark.parametrize("setting, passes", [("true", True), ("false", False)])
def test_site_yml_markdown_raw_html_is_read_and_applied(project, setting, passes):
    # The setting as a user writes it in site.yml, end to end: read, checked, applied to pages.
    root = project(files={"content/pages/about.md": "---\ntitle: About\n---\n\n<b>bold</b>\n"})
    with (root / "site.yml").open("a", encoding="utf-8") as config:
        config.write(f"markdown:\n  raw_html: {setting}\n")
    assert load_config(root).raw_html is passes
    html = (build(load_config(root)).output / "about" / "index.html").read_text(encoding="utf-8")
    assert ("<b>bold</b>" in html) is passes


UNSAFE_LINKS = ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:x",
                "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "file:///etc/passwd"]
SAFE_LINKS = ["https://example.org/a?b=c", "http://example.org/", "mailto:desk@example.org", "../about/",
              "#p3", "page.html"]


@pytest.mark.parametrize("raw_html", [False, True])
def test_only_safe_links_and_images_keep_their_url(raw_html):
    body = "\n\n".join(f"[x{i}](<{u}>) ![i{i}](<{u}>)" for i, u in enumerate(UNSAFE_LINKS + SAFE_LINKS))
    html = to_html(body, Links(), "about/", raw_html=raw_html)
    for url in UNSAFE_LINKS:
        assert url.strip().split(":")[0].lower() not in html.lower().replace("\t", ""), url
    for url in SAFE_LINKS:
        assert f'href="{url}"' in html.replace("&amp;", "&") and f'src="{url}"' in html.replace("&amp;", "&"), url


@pytest.mark.parametrize("raw_html", [False, True])
def test_event_handler_and_style_attributes_are_dropped(raw_html):
    html = to_html('A paragraph.\n{onclick="alert(1)" ONMOUSEOVER="x" style="position:fixed" .note #mine}',
                   Links(), "about/", raw_html=raw_html)
    assert "onclick" not in html.lower() and "onmouseover" not in html.lower() and "style=" not in html
    assert 'class="note"' in html and 'id="mine"' in html


def test_commentary_headings_never_take_an_id_of_the_page(project, seed_site):
    """Every id the seed's pages use, written as a commentary heading and as an explicit id:
    no page of the rebuilt site holds an id twice, and each heading's ¶ link reaches it."""
    ids = set()
    for path in ("events/{0}/", "events/{0}/progress/", "events/{0}/source/"):
        ids |= {tag["id"] for tag in page(seed_site, path.format(SEED_NAME)).find_all(id=True)}
    assert {"main", "progress", "s1", "p1", "lead-heading"} <= ids
    body = "".join(f"## {i}\n\nText.\n{{: #{i} }}\n\n" for i in sorted(ids))
    root = project(files={f"content/events/{SEED_NAME}.md": body, "content/pages/notes.md": "---\ntitle: Notes\n---\n" + body})
    site = build(load_config(root)).output
    for path in [p for p in site.rglob("*.html") if "pagefind" not in p.parts]:
        soup = page(site, path.relative_to(site).as_posix())
        counts = Counter(tag["id"] for tag in soup.find_all(id=True))
        assert [i for i, n in counts.items() if n > 1] == [], path
        for link in soup.select("a.headerlink"):
            assert soup.find(id=link["href"][1:]) is not None, (path, link["href"])


# Settings that become a path, a URL, a file name or a line of a generated file.
BAD_SETTINGS = [
    ("language: '../../../content/x'\n", "site.yml:1:11: 'language' must be a BCP 47 language tag, not '../../../content/x'"),
    ("language: " + "a" * 80 + "\n", "site.yml:1:11: 'language' must be a BCP 47 language tag, not 'aaaaaaaaaa"),
    ("language: '<b>en</b>'\n", "site.yml:1:11: 'language' must be a BCP 47 language tag"),
    ('language: "en\\nx"\n', "site.yml:1:11: 'language' must be a BCP 47 language tag, not 'en\\nx'"),
    ('base_url: "https://x.org/\\nDisallow: /"\n', "site.yml:1:11: base_url must be an absolute http(s) URL, not 'https://x.org/\\nDisallow: /'"),
    ("base_url: 'https://x.org/\"><script>alert(1)</script>'\n", "site.yml:1:11: base_url must be an absolute http(s) URL"),
    ("base_url: 'https://x.org/a b/'\n", "site.yml:1:11: base_url must be an absolute http(s) URL"),
    ("base_url: 'javascript:alert(1)//'\n", "site.yml:1:11: base_url must be an absolute http(s) URL"),
    ("markdown: {raw_html: yes please}\n", "site.yml:1:22: 'raw_html' must be true or false"),
    ("markdown: {raw: true}\n", "site.yml:1:12: unknown key 'raw' in markdown"),
]


@pytest.mark.parametrize("text,message", BAD_SETTINGS, ids=[m[:40] for _, m in BAD_SETTINGS])
def test_settings_that_reach_the_file_system_are_checked(tmp_path, text, message):
    with pytest.raises(ReadoutError) as error:
        parse_config(text, "site.yml", tmp_path)
    assert error.value.format().startswith(message)


@pytest.mark.parametrize("tag", ["en", "zh", "zh-Hans", "zh-Hans-CN", "en-GB", "es-419", "de-CH-1996", "yue-HK"])
def test_real_language_tags_are_accepted(tmp_path, tag):
    assert parse_config(f"language: {tag}\n", "site.yml", tmp_path).language == tag


def test_a_bad_language_writes_nothing_anywhere(project):
    root = project()
    (root / "site.yml").write_text("language: '../../../content/x'\n", encoding="utf-8")
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    assert main(["-C", str(root), "build"]) == 1
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


LEAD = " date 2024-01-04\n{0}, Premier of the {1}, held a symposium in {2} on the 3rd to discuss ports.\n\nHe called for efforts to build roads.\n"


def test_names_with_no_latin_letter_get_their_own_pages(project):
    root = project(files={"content/sources/2024-01-03-ports.txt": LEAD.format("Li Hua", "国务院", "Wuhan")})
    with open(root / "site.yml", "a", encoding="utf-8") as f:
        f.write("lexicon:\n  organizations: [{name: 国务院}]\n")
    site = build(load_config(root), search=False).output
    index = page(site, "organizations/")
    assert index.find("h1") is not None and "国务院" in index.get_text()
    link = index.find("a", string="国务院")
    target = page(site, "organizations/" + link["href"])
    assert "国务院" in target.find("h1").get_text()


def test_two_names_with_one_url_are_a_located_error_naming_both(project, capsys):
    root = project(files={"content/sources/2024-01-03-ports.txt":
                          LEAD.format("Li Hua", "State-Council and member of the State Council", "Wuhan")})
    with open(root / "site.yml", "a", encoding="utf-8") as f:
        f.write("lexicon:\n  organizations: [{name: State-Council}]\n")
    assert main(["-C", str(root), "build", "--no-search"]) == 1
    err = capsys.readouterr().err
    line = next(n for n, text in enumerate((root / "site.yml").read_text().splitlines(), 1) if "State-Council" in text)
    assert (f"site.yml:{line}:26: the organization 'State Council' and the organization 'State-Council' "
            "would both be at organizations/state-council/") in err
    assert "Traceback" not in err and err.count("would both be at") == 1


@pytest.mark.parametrize("name", ["pagefind", "assets", "series", "page"])
def test_free_pages_never_take_the_sites_own_folders(project, capsys, name):
    root = project(files={f"content/pages/{name}.md": "---\ntitle: Mine\n---\nText.\n"})
    assert main(["-C", str(root), "build", "--no-search"]) == 1
    assert f"content/pages/{name}.md: page '{name}' would replace the site's own /{name}/ pages" in capsys.readouterr().err


CONTROL = "\x01\x1b\x7f\ufffe\x85"


def test_control_characters_never_make_xml_or_json_invalid(project):
    source = LEAD.format("Li Hua", "State Council", "Wuhan").replace("ports", f"ports{CONTROL}")
    root = project(files={"content/sources/2024-01-03-ports.txt": source})
    text = (root / "site.yml").read_text(encoding="utf-8")
    text = text.replace("title: The Yangtze River Delta Record", 'title: "Record \\x01\\e\\x7f\\uFFFE"')
    text = text.replace("base_url: null ", "base_url: https://example.org/r/ ")
    (root / "site.yml").write_text(text, encoding="utf-8")
    site = build(load_config(root), search=False).output
    for name in ("feed.xml", "sitemap.xml"):
        ET.fromstring((site / name).read_bytes())  # raises on a character XML cannot hold
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "Record \ufffd\ufffd\ufffd\ufffd" in feed
    for name in ("data/events.json", "data/people.json"):
        json.loads((site / name).read_text(encoding="utf-8"))
    events = json.loads((site / "data/events.json").read_text(encoding="utf-8"))
    assert any(CONTROL in s["text"] for e in events for s in e["statements"])  # the data keeps the text


@pytest.mark.parametrize("tag,expected", [("en", "en"), ("zh-Hans-CN", "zh"), ("zh-TW", "zh-TW"), ("pt-br", "pt-BR"),
                                          ("de-CH-1996", "de"), ("tlh", "en")])
def test_material_gets_the_nearest_language_it_has(tag, expected):
    from readout.material import material_language

    assert material_language(tag) == expected


@pytest.mark.parametrize("where", ["site.yml", f"content/events/{SEED_NAME}.md", "content/pages/p.md"])
def test_a_lone_surrogate_escape_is_a_located_error(project, capsys, where):
    """"\\ud800" in double quotes makes half a UTF-16 pair, which no UTF-8 page or feed can hold:
    it is refused where it stands, in every YAML file, never a UnicodeEncodeError later."""
    root = project()
    line = 'title: "Broken \\ud800 title"\n'
    path = root / where
    if where == "site.yml":
        path.write_text(line, encoding="utf-8")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + line + "---\nText.\n", encoding="utf-8")
    assert main(["-C", str(root), "build", "--no-search"]) == 1
    err = capsys.readouterr().err
    row = 1 if where == "site.yml" else 2
    assert f"{where}:{row}:8: invalid YAML: the escape \\uD800 is half of a UTF-16 pair" in err
    assert "Traceback" not in err


DEEP = {
    "a list 400 deep": "".join("  " * i + "- x\n" for i in range(400)),
    "emphasis 5,000 deep": "*" * 5000 + "x" + "*" * 5000,
    "quotes 3,000 deep": ">" * 3000 + " x\n",
}


@pytest.mark.parametrize("where", [f"content/events/{SEED_NAME}.md", "content/pages/deep.md"])
@pytest.mark.parametrize("body", DEEP.values(), ids=DEEP.keys())
def test_markdown_nested_deep_builds_or_is_a_located_error(project, capsys, where, body):
    """Python-Markdown recurses per level of nesting: any depth an editor writes either renders
    or is a located error, never a RecursionError traceback."""
    root = project(files={where: "---\ntitle: Deep\n---\n" + body})
    code = main(["-C", str(root), "build", "--no-search"])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RecursionError" not in err
    assert code == 0 or f"{where}:4: the Markdown is nested too deeply to render" in err


def test_every_key_site_yml_knows_has_a_reader():
    # A key added to KNOWN_KEYS without a reader would be a KeyError traceback, not a message.
    from readout import config

    assert set(config.KNOWN_KEYS) == set(config.SETTINGS)
