"""Editors' Markdown → HTML, with links between records: ``[[Li Qiang]]``,
``[[Li Qiang|the premier]]``, ``[text](person:li-qiang)``, ``(event:ID)``, ``(statement:ID#s5)``
(or ``(statement:s5)`` inside an event's own commentary). Links are checked against the whole
site before anything is rendered, so a broken one is reported at its line and column."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .errors import Diagnostic, Location, line_column
from .urls import relative_url

WIKI = re.compile(r"\[\[([^\]|\n]+?)(?:\|([^\]\n]+))?\]\]")
SCHEMED = re.compile(r"\]\(\s*<?((person|event|statement):[^)\s>]*)>?")
EXTENSIONS = [
    "tables", "footnotes", "abbr", "attr_list", "def_list", "admonition", "smarty", "toc",
    "md_in_html", "pymdownx.superfences", "pymdownx.details", "pymdownx.tilde", "pymdownx.mark",
    "pymdownx.tasklist",
]


@dataclass
class Links:
    """What record links can point at: people by id and by every name they are printed under,
    events by id, statements by ``event#sN``. Values are site URLs."""

    people: dict[str, tuple[str, str]] = field(default_factory=dict)   # id → (name, url)
    names: dict[str, str] = field(default_factory=dict)                # lower-case name → id
    events: dict[str, tuple[str, str]] = field(default_factory=dict)   # id → (title, url)
    statements: dict[str, str] = field(default_factory=dict)           # "event#sN" → url

    def resolve(self, target: str, event: str | None) -> str | None:
        """The URL of ``person:…``, ``event:…`` or ``statement:…``, or None if it is unknown."""
        scheme, _, ref = target.partition(":")
        if scheme == "person":
            return self.people[ref][1] if ref in self.people else None
        if scheme == "event":
            return self.events[ref][1] if ref in self.events else None
        if scheme == "statement":
            if "#" not in ref and event:
                ref = f"{event}#{ref}"
            return self.statements.get(ref)
        return None

    def wiki(self, name: str) -> str | None:
        """The ``person:``/``event:`` target a ``[[name]]`` link means."""
        key = name.strip()
        if key.lower() in self.names:
            return f"person:{self.names[key.lower()]}"
        if key in self.people:
            return f"person:{key}"
        if key in self.events:
            return f"event:{key}"
        return None

    def choices(self) -> list[str]:
        return sorted({*(n for n, _ in self.people.values()), *self.events})


def check_links(body: str, path: str, first_line: int, links: Links, event: str | None) -> list[Diagnostic]:
    """Every record link of ``body`` that does not resolve, at its place in the file."""
    import difflib

    problems = []

    def at(offset: int) -> Location:
        line, column = line_column(body, offset)
        return Location(path, first_line + line - 1, column)

    for match in WIKI.finditer(body):
        if links.wiki(match.group(1)) is None:
            close = difflib.get_close_matches(match.group(1).strip(), links.choices(), n=1)
            problems.append(Diagnostic(at(match.start()), f"broken link [[{match.group(1)}]]: no such person or event",
                                       f"did you mean [[{close[0]}]]?" if close else
                                       "name a person as the readouts print them, or an event id"))
    for match in SCHEMED.finditer(body):
        target = match.group(1)
        if links.resolve(target, event) is None:
            scheme, _, ref = target.partition(":")
            pool = {"person": links.people, "event": links.events, "statement": links.statements}[scheme]
            close = difflib.get_close_matches(ref, list(pool), n=1)
            problems.append(Diagnostic(at(match.start(1)), f"broken link ({target}): no such {scheme}",
                                       f"did you mean ({scheme}:{close[0]})?" if close else None))
    return problems


class RecordLinks(Treeprocessor):
    """Turns ``person:``/``event:``/``statement:`` hrefs into links relative to the page."""

    def __init__(self, md, links: Links, page_url: str, event: str | None):
        super().__init__(md)
        self.links, self.page_url, self.event = links, page_url, event

    def run(self, root: etree.Element) -> None:
        for element in root.iter("a"):
            href = element.get("href", "")
            if re.match(r"(person|event|statement):", href):
                url = self.links.resolve(href, self.event)
                if url is not None:
                    element.set("href", relative_url(url, self.page_url))
                    element.set("class", (element.get("class", "") + " record-link").strip())


class RecordLinkExtension(Extension):
    def __init__(self, links: Links, page_url: str, event: str | None):
        super().__init__()
        self.links, self.page_url, self.event = links, page_url, event

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(RecordLinks(md, self.links, self.page_url, self.event), "readout_links", 0)


def to_html(body: str, links: Links, page_url: str, event: str | None = None, heading_level: int = 1) -> str:
    """The HTML of an editor's Markdown ``body`` on the page at ``page_url``; ``heading_level``
    is the level a ``#`` heading gets (2 inside a section that has its own heading)."""
    def wiki(match: re.Match) -> str:
        target = links.wiki(match.group(1))
        label = (match.group(2) or match.group(1)).strip()
        return f"[{label}]({target})" if target else match.group(0)

    md = markdown.Markdown(
        extensions=EXTENSIONS + [RecordLinkExtension(links, page_url, event)],
        extension_configs={"toc": {"permalink": "¶", "permalink_title": "Link to this section",
                                   "baselevel": heading_level},
                           "smarty": {"smart_angled_quotes": False}},
        output_format="html",
    )
    return md.convert(WIKI.sub(wiki, body))
