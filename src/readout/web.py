"""A readout from the page it was published on: fetch the page (only when an editor runs
``readout new URL``, never during a build), extract the article and its metadata with
trafilatura, and write the text the loader reads.

What is ours here is the care around the library: which addresses may be fetched, how much,
how long, what counts as a page, how its encoding is read, and the text we keep (one paragraph
a block, the publication date as the first line), so every span the loader finds is exact."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from . import __version__
from .errors import Location, ReadoutError
from .urls import is_web_address

TIMEOUT = 20  # seconds, for the connection and each read
MAX_BYTES = 5 * 1024 * 1024  # as for a readout text file
MAX_REDIRECTS = 5
PAGE_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = f"readout/{__version__} (adds one readout to a documentary site, at an editor's request)"
CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
OTHER_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
# A browser's "Save page as" marks where the page came from: <!-- saved from url=(0051)https://… -->
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)


def saved_from(html: str) -> str | None:
    """The address a saved page records it was saved from, if it does."""
    match = SAVED_FROM.search(html, 0, 2048)
    return match.group(1) if match else None


@dataclass
class Article:
    """What a news page says about its article, and the text kept of it."""

    text: str  # the source text: " date YYYY-MM-DD" line, title, paragraphs, blank lines between
    title: str | None
    publisher: str | None
    published: date | None
    url: str | None
    author: str | None


def fetch(url: str) -> tuple[bytes, str, str | None]:
    """The page at ``url`` (http or https only): its bytes, the address it was finally served
    from and the charset its headers declare. Every way it can fail is one ReadoutError."""
    where = Location(url)
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise ReadoutError("only http and https addresses are fetched", where)
    opener = urllib.request.build_opener(LimitedRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"})
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            kind = response.headers.get_content_type()
            if kind not in PAGE_TYPES:
                raise ReadoutError(f"not a web page: the server sent {kind}", where)
            data = response.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise ReadoutError(f"the page is larger than {MAX_BYTES // (1024 * 1024)} MB", where)
            return data, response.geturl(), response.headers.get_content_charset()
    except ReadoutError:
        raise
    except Refused as refusal:
        raise ReadoutError(str(refusal), where) from None
    except urllib.error.HTTPError as error:
        reason = "page not found" if error.code == 404 else f"the server answered {error.code} {error.reason}"
        raise ReadoutError(f"{reason} (HTTP {error.code})", where) from None
    except urllib.error.URLError as error:
        raise ReadoutError(describe_failure(error.reason), where) from None
    except TimeoutError:
        raise ReadoutError(f"no answer within {TIMEOUT} seconds", where) from None
    except (OSError, ValueError) as error:  # a connection reset, an address urllib refuses
        raise ReadoutError(f"could not fetch the page: {error}", where) from None


class Refused(Exception):
    """A redirect the fetch will not follow (named after the address the editor gave)."""


class LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http or https."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise Refused("the page redirects away from http and https")
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def http_error_302(self, req, fp, code, msg, headers):
        visited = getattr(req, "redirect_dict", {})
        if sum(visited.values()) >= MAX_REDIRECTS:
            raise Refused(f"more than {MAX_REDIRECTS} redirects")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def describe_failure(reason) -> str:
    if isinstance(reason, socket.gaierror):
        return "no such host (the name does not resolve)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {TIMEOUT} seconds"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection"
    return f"could not fetch the page: {reason}"


def decode_page(data: bytes, declared: str | None = None) -> str:
    """The page as text: in the charset its headers declare, else the one its ``<meta>``
    declares (a saved page keeps that), else UTF-8, else what the bytes look like."""
    candidates = [declared] if declared else []
    meta = CHARSET_META.search(data[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "replace"))
    for charset in candidates + ["utf-8"]:
        try:
            return data.decode(normal_charset(charset))
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes  # installed with trafilatura

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", "replace")


def normal_charset(name: str) -> str:
    """GB2312 pages are written in its superset GBK (and GBK in GB18030) more often than not."""
    name = name.strip().lower()
    return {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}.get(name, name)


def extract(html: str, url: str | None, where: str) -> Article:
    """The article of a news page, with its metadata. The text keeps one paragraph a block and,
    where the page gives its publication date, the ' date YYYY-MM-DD' first line the loader
    reads as the page's anchor."""
    try:
        import trafilatura
    except ImportError:
        raise ReadoutError("reading web pages needs the 'web' extra", Location(where),
                           "run 'make new SRC=…' or install it: pip install 'readout[web]'") from None
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, favor_precision=True, deduplicate=False)

    def meta(name: str) -> str | None:  # a field of trafilatura's Document (None where it has none)
        return clean(getattr(document, name, None))

    body = str(getattr(document, "text", None) or "").strip()  # its lines are the paragraphs
    if not body:
        raise ReadoutError("no article found on the page", Location(where))
    # Furniture the extractor kept inside the article ("Leave a Reply", "Share: …") is what the
    # loader's lexicon knows as noise: not kept.
    from .load import default_lexicon

    lexicon = default_lexicon()
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    paragraphs = [p for p in paragraphs if p and not lexicon.is_noise(p)]
    title = meta("title")
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    published = parse_day(meta("date"))
    head = f" date {published.isoformat()}\n" if published else ""
    # The page's own address, else the one it was fetched or saved from: kept only where it is
    # one an event file may give ("javascript:…", a relative path or a quote in it is not).
    address = next((a for a in (meta("url"), url) if a and is_web_address(a)), None)
    return Article(head + "\n\n".join(paragraphs) + "\n", title, meta("sitename") or meta("hostname"),
                   published, address, meta("author"))


def clean(value) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def parse_day(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
