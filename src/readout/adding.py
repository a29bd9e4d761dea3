"""``readout new``: a readout added to the project from its web page, a saved page or a text
file — its text in ``content/sources/<id>.txt`` and a starter ``content/events/<id>.md``. It
never overwrites a file, and a readout already added (the same page or the same text) is
refused with the id it has."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .config import Config
from .errors import Location, ReadoutError, read_input
from .urls import is_web_address

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


@dataclass
class Added:
    source: str  # content/sources/<id>.txt, relative to the project
    event_file: str
    url: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Provenance:
    """Where a text added from the web came from: what the event file's ``source:`` records."""

    url: str | None
    publisher: str | None
    published: date | None
    retrieved: date | None
    author: str | None

    def front_matter(self) -> dict:
        values = {"url": self.url, "publisher": self.publisher,
                  "published": self.published.isoformat() if self.published else None,
                  "retrieved": self.retrieved.isoformat() if self.retrieved else None, "author": self.author}
        return {key: value for key, value in values.items() if value}


def add_readout(config: Config, target: str) -> Added:
    from . import web

    if is_web_address(target):
        data, served, charset = web.fetch(target)
        article = web.extract(web.decode_page(data, charset), served, target)
        return add_page(config, article, target, date.today())
    if web.OTHER_SCHEME.match(target):
        malformed = target.lower().startswith(("http://", "https://"))
        raise ReadoutError("only http and https addresses are fetched", Location(target),
                           "an address holds no space, '<', '>' or '\"': write them %20, %3C, %3E, %22"
                           if malformed else None)
    path = Path(target)
    if not path.is_file():
        raise ReadoutError(f"no such file: {path}", None,
                           "give an http(s) address, a saved page (.html) or a readout text file (.txt)")
    data = read_input(path, str(path))
    if path.suffix.lower() in PAGE_SUFFIXES:
        html = web.decode_page(data)
        article = web.extract(html, web.saved_from(html), str(path))  # its canonical address first
        saved = date.fromtimestamp(path.stat().st_mtime)  # a saved page was retrieved when it was saved
        return add_page(config, article, str(path), saved)
    return add_text(config, data, str(path), None)


def add_page(config: Config, article, shown: str, retrieved: date | None) -> Added:
    """An article extracted from a page: refused if it is no readout or was added before."""
    if article.url:
        earlier = event_with_url(config, article.url)
        if earlier:
            raise ReadoutError(f"this page was added already, as '{earlier}' (content/sources/{earlier}.txt)",
                               Location(shown))
    provenance = Provenance(article.url, article.publisher, article.published, retrieved, article.author)
    return add_text(config, article.text.encode("utf-8"), shown, provenance)


def add_text(config: Config, data: bytes, shown: str, provenance: Provenance | None) -> Added:
    from .load import decode_source, make_id, parse_source
    from .scaffold import starter_event_file
    from .sources import project_lexicon
    from .write import create_file

    event = parse_source(decode_source(data, shown), shown, project_lexicon(config))
    if provenance and event.kind is None and event.host is None and event.main_speaker is None:
        raise ReadoutError("the page is not a readout: no sentence says who held what kind of event", Location(shown))
    earlier = source_with_text(config, data)
    if earlier:
        raise ReadoutError(f"this text was added already, as '{earlier}' (content/sources/{earlier}.txt)",
                           Location(shown))
    # The id comes from the text (date, subject, kind), whatever the file was called.
    event_id = make_id("", event.date, event.kind, event.subject, event.location)
    source = config.content_dir / "sources" / f"{event_id}.txt"
    events = config.content_dir / "events" / f"{event_id}.md"
    for target in (source, events):
        if target.exists():
            raise ReadoutError(f"{target.relative_to(config.root)} already exists", Location(shown),
                               "readout never overwrites an editor's file; rename the readout or remove the old one")
    shown_source = source.relative_to(config.root).as_posix()
    event.id, event.source.path = event_id, shown_source
    create_file(source, data)
    create_file(events, starter_event_file(event, provenance.front_matter() if provenance else None).encode("utf-8"))
    return Added(shown_source, events.relative_to(config.root).as_posix(), provenance.url if provenance else None,
                 [f"{shown_source}:{w.line}:{w.column}: warning: {w.message}" for w in event.warnings])


def source_with_text(config: Config, data: bytes) -> str | None:
    """The id of a readout already in ``content/sources/`` with these very bytes."""
    digest = hashlib.sha256(data).digest()
    folder = config.content_dir / "sources"
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        try:
            if path.stat().st_size == len(data) and hashlib.sha256(path.read_bytes()).digest() == digest:
                return path.stem
        except OSError:
            continue
    return None


def event_with_url(config: Config, url: str) -> str | None:
    """The id of an event whose front matter records ``source: {url: …}`` for this page."""
    from .frontmatter import split_document

    wanted = normal_url(url)
    folder = config.content_dir / "events"
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        try:
            document = split_document(path.read_text(encoding="utf-8"), str(path))
        except (OSError, UnicodeDecodeError, ReadoutError):
            continue
        front = document_values(document)
        source = front.get("source") if isinstance(front, dict) else None
        if isinstance(source, dict) and isinstance(source.get("url"), str) and normal_url(source["url"]) == wanted:
            return path.stem
    return None


def document_values(document) -> dict:
    from .yamlnodes import value

    if document.front is None:
        return {}
    try:
        values = value(document.front, document.path)
    except ReadoutError:
        return {}
    return values if isinstance(values, dict) else {}


def normal_url(url: str) -> str:
    """One address however it was written: no fragment, no trailing slash, the scheme and host
    in lower case."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, ""))
