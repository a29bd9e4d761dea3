"""Editors' Markdown: what Material for MkDocs users expect, and links between records."""

from helpers import SEED_NAME, page

from readout.build import build
from readout.cli import main
from readout.config import load_config

OVERRIDE = f"content/events/{SEED_NAME}.md"
BODY = """---
title: Symposium in Shanghai
---

## Reading the readout

The "progress" paragraph -- unusually -- names the *planning policy system*.[^1]

| Section | Sentences |
|---|---|
| Priorities | 3 |

!!! note "On the attendees"
    [[Li Qiang]] and [[Cai Qi|the director]] attended; [Xi](person:xi-jinping) presided.

See the [first key area](statement:s7), the [same, qualified](statement:{event}#s7) and the
[event itself](event:{event}).

The HTML spec was written by the W3C.
{{: .callout }}

*[HTML]: HyperText Markup Language

[^1]: As the source's third paragraph says.
""".replace("{event}", SEED_NAME).replace("{{: .callout }}", "{: .callout }")


def test_markdown_extensions_and_record_links(project):
    root = project(files={OVERRIDE: BODY})
    soup = page(build(load_config(root)).output, f"events/{SEED_NAME}/")
    note = soup.select_one(".commentary")
    # "##" inside the commentary's own section is a third-level heading.
    heading = note.find("h3", id="reading-the-readout")
    assert heading.select_one("a.headerlink")["href"] == "#reading-the-readout"
    assert "“progress” paragraph – unusually –" in note.get_text()
    assert note.select_one("table td").get_text() == "Priorities"
    assert note.select_one(".admonition.note .admonition-title").get_text() == "On the attendees"
    assert note.select_one(".footnote") is not None and note.select_one("sup a")
    assert note.find("abbr", title="HyperText Markup Language").get_text() == "HTML"
    assert "callout" in note.find("p", class_="callout").get("class")
    links = {a.get_text(): a["href"] for a in note.select("a.record-link")}
    assert links == {
        "Li Qiang": "../../people/li-qiang/index.html",
        "the director": "../../people/cai-qi/index.html",
        "Xi": "../../people/xi-jinping/index.html",
        "first key area": "source/index.html#s7",
        "same, qualified": "source/index.html#s7",
        "event itself": "index.html",
    }


def test_broken_record_links_are_errors_at_their_place(project, capsys):
    root = project(files={OVERRIDE: "---\ntitle: T\n---\n\nSee [[Li Qaing]] and\n[him](person:cai-q) and [x](statement:s99).\n",
                          "content/pages/about.md": "---\ntitle: About\n---\n[e](event:nope)\n"})
    assert main(["-C", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert f"{OVERRIDE}:5:5: broken link [[Li Qaing]]: no such person or event\n  hint: did you mean [[Li Qiang]]?" in err
    assert f"{OVERRIDE}:6:7: broken link (person:cai-q): no such person\n  hint: did you mean (person:cai-qi)?" in err
    assert f"{OVERRIDE}:6:29: broken link (statement:s99): no such statement" in err
    assert "content/pages/about.md:4:5: broken link (event:nope): no such event" in err
    assert not (root / "site").exists()
