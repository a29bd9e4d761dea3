"""Editors' Markdown → HTML, with links between records: ``[[Li Qiang]]``,
``[[Li Qiang|the premier]]``, ``[text](person:li-qiang)``, ``(event:ID)``, ``(statement:ID#s5)``
(or ``(statement:s5)`` inside an event's own commentary). Links are checked against the whole
site before anything is rendered, so a broken one is reported at its line and column.

Safe by default, as Hugo is: raw HTML in the Markdown is shown as text, event-handler
attributes (``{onclick=…}``) are dropped, and only ``http(s)``, ``mailto``, relative and record
links survive (``javascript:``, ``data:`` and the rest lose their ``href``/``src``). ``site.yml``
``markdown: {raw_html: true}`` lets raw HTML through for a project that trusts every editor; the
attribute and link rules hold either way. Ids the Markdown makes never take one the page's own
template uses (``progress``, ``s1``, ``main``…): those get the prefix ``note-``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .errors import Diagnostic, Location, ReadoutError, line_column
from .urls import relative_url

WIKI = re.compile(r"\[\[([^\]|\n]+?)(?:\|([^\]\n]+))?\]\]")
SCHEMED = re.compile(r"\]\(\s*<?((person|event|statement):[^)\s>]*)>?")
EXTENSIONS = [
    "tables", "footnotes", "abbr", "attr_list", "def_list", "admonition", "smarty", "toc",
    "pymdownx.superfences", "pymdownx.details", "pymdownx.tilde", "pymdownx.mark",
    "pymdownx.tasklist",
]
RAW_HTML_EXTENSIONS = ["md_in_html"]  # Markdown inside raw HTML blocks: only with raw HTML on
# Attributes that hold a URL, and the schemes a URL in editors' Markdown may have.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "background", "data",
                  "xlink:href", "srcset", "ping", "longdesc", "manifest", "codebase", "usemap"}
SAFE_SCHEMES = {"http", "https", "mailto"}
SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
# The ids the site's templates give elements of a page (see templates/): an id made by an
# editor's Markdown never takes one of them.
PAGE_IDS = re.compile(r"main|search|site-search|search-query|undated|facts|lead|attendees|progress|problems"
                      r"|priorities|conclusion|other|[sp]\d+|\d+|year-.*|role-.*|chart-.*|network-caption|.*-heading", re.IGNORECASE)
ID_PREFIX = "note-"


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
            pools: dict[str, Iterable[str]] = {"person": links.people, "event": links.events, "statement": links.statements}
            pool = pools[scheme]
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


def safe_url(url: str) -> bool:
    """Whether a link or image URL from an editor may stay: relative, ``#fragment``, or one of
    the safe schemes. Browsers ignore white space and control characters inside a scheme
    (``java\tscript:``), so they are ignored here too."""
    bare = re.sub(r"[\x00-\x20\x7f]+", "", url).lower()
    match = SCHEME.match(bare)
    return match is None or match.group(1) in SAFE_SCHEMES


def heading_id(text: str, separator: str) -> str:
    """A heading's id: the toc extension's slug, moved off the page's own ids."""
    from markdown.extensions.toc import slugify

    return page_safe_id(slugify(text, separator))


def page_safe_id(value: str) -> str:
    """An id that cannot take one the page's template uses."""
    return ID_PREFIX + value if PAGE_IDS.fullmatch(value) else value


class Sanitize(Treeprocessor):
    """Runs last: drops event-handler and unknown-scheme URL attributes, and moves ids off the
    page's own. Raw HTML never reaches the tree (it is stashed), so this guards what Markdown
    syntax itself can make: ``[x](javascript:…)``, ``![x](data:…)``, ``{onclick=…}``, ``{#s1}``."""

    def run(self, root: etree.Element) -> None:
        moved: dict[str, str] = {}
        taken: set[str] = set()
        for element in root.iter():
            for name in list(element.attrib):
                lower = name.lower()
                if lower.startswith("on") or lower in ("style", "srcdoc") or not re.fullmatch(r"[a-z][a-z0-9:_.-]*", lower) or (lower in URL_ATTRIBUTES and not safe_url(element.attrib[name])):
                    del element.attrib[name]
                elif lower == "id":
                    old = element.attrib[name]
                    new, n = page_safe_id(old), 1
                    while new in taken:  # the heading "s1" and an explicit {#s1} both want note-s1
                        new, n = f"{page_safe_id(old)}_{n}", n + 1
                    taken.add(new)
                    if new != old:
                        moved[old] = new
                        element.set(name, new)
        if moved:  # the toc's links to a heading (¶ and [TOC]) follow it; an editor's own
            # "#progress" link means the page's section, and is left alone
            tocs = [a for div in root.iter("div") if "toc" in div.get("class", "").split() for a in div.iter("a")]
            for element in [a for a in root.iter("a") if "headerlink" in a.get("class", "")] + tocs:
                href = element.get("href", "")
                if href.startswith("#") and href[1:] in moved:
                    element.set("href", "#" + moved[href[1:]])


class RecordLinkExtension(Extension):
    def __init__(self, links: Links, page_url: str, event: str | None, raw_html: bool = False):
        super().__init__()
        self.links, self.page_url, self.event, self.raw_html = links, page_url, event, raw_html

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(RecordLinks(md, self.links, self.page_url, self.event), "readout_links", 0)
        md.treeprocessors.register(Sanitize(md), "readout_sanitize", -100)
        if not self.raw_html:
            # Without these two, "<script>" is text like any other and is escaped on output.
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")


def to_html(body: str, links: Links, page_url: str, event: str | None = None, heading_level: int = 1,
            raw_html: bool = False, where: Location | None = None) -> str:
    """The HTML of an editor's Markdown ``body`` on the page at ``page_url``; ``heading_level``
    is the level a ``#`` heading gets (2 inside a section that has its own heading). Raw HTML
    in ``body`` is shown as text unless ``raw_html`` (``site.yml`` ``markdown: {raw_html: true}``)."""
    def wiki(match: re.Match) -> str:
        target = links.wiki(match.group(1))
        label = (match.group(2) or match.group(1)).strip()
        return f"[{label}]({target})" if target else match.group(0)

    md = markdown.Markdown(
        extensions=EXTENSIONS + (RAW_HTML_EXTENSIONS if raw_html else [])
        + [RecordLinkExtension(links, page_url, event, raw_html)],
        extension_configs={"toc": {"permalink": "¶", "permalink_title": "Link to this section",
                                   "baselevel": heading_level, "slugify": heading_id},
                           "smarty": {"smart_angled_quotes": False}},
        output_format="html",
    )
    try:
        return md.convert(WIKI.sub(wiki, body))
    except RecursionError:
        # Python-Markdown recurses once per level of nesting: thousands of "*" or "- " levels
        # exhaust the stack. Say where, as for any other mistake.
        raise ReadoutError("the Markdown is nested too deeply to render (lists, quotes or emphasis "
                           "inside one another thousands of times)", where,
                           "flatten the nesting; no page needs more than a few levels") from None
