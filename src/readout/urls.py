"""Site paths, the relative links between them, and what counts as an address on the web."""

from __future__ import annotations

import hashlib
import posixpath
import re
from functools import lru_cache

from .slugs import slugify

# An address a page may link to and ``readout new`` may fetch: http or https, and none of the
# characters an address never holds unescaped (RFC 3986: space, '<', '>', '"'). One pattern for
# the event file's check and for what ``readout new`` writes, so it never writes what check refuses.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)


def is_web_address(text: str) -> bool:
    return WEB_ADDRESS.fullmatch(text) is not None

@lru_cache(maxsize=65536)  # names recur: remembered
def slug_of(name: str) -> str:
    """The URL segment of a place or organization: its slug, or for a name with no Latin letter
    or digit ("国务院"), a stable one made from it, never an empty segment (which would make a
    place's page the index of every place)."""
    return slugify(name) or "n-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]


# Every page's address -----------------------------------------------------------------------
# The indexes, each the first page of its list.
TIMELINE_URL, TOPICS_URL, PEOPLE_URL, THEMES_URL = "timeline/", "topics/", "people/", "themes/"
PLACES_URL, ORGANIZATIONS_URL, SEARCH_URL = "places/", "organizations/", "search/"


def event_url(event_id: str) -> str:
    return f"events/{event_id}/"


def statement_url(event_id: str, statement_id: str) -> str:
    """A statement's permalink: its anchor on the source page."""
    return f"{event_url(event_id)}source/#{statement_id}"


def person_url(person_id: str) -> str:
    return f"{PEOPLE_URL}{person_id}/"


def place_url(place: str) -> str:
    return f"{PLACES_URL}{slug_of(place)}/"


def organization_url(body: str) -> str:
    return f"{ORGANIZATIONS_URL}{slug_of(body)}/"


def topic_url(topic: str) -> str:
    return f"{TOPICS_URL}{topic}/"


def theme_url(slug: str) -> str:
    return f"{THEMES_URL}{slug}/"


def relative_url(target: str, current: str) -> str:
    """A link from the page at ``current`` to ``target`` (both site paths like ``events/x/``,
    ``target`` may end in ``#fragment``). Directory pages link to their ``index.html`` so the
    site works opened from disk as well as from any sub-path of a server."""
    if target.startswith("#"):
        return target
    path, _, fragment = target.partition("#")
    return relative_path(path, current) + (f"#{fragment}" if fragment else "")


@lru_cache(maxsize=65536)
def relative_path(path: str, current: str) -> str:
    """``relative_url`` without a fragment (remembered: a page links many statements of the
    same few pages)."""
    if path == "" or path.endswith("/"):
        path += "index.html"
    # Site paths are clean (no "." or ".." parts), so the link is "../" for each folder of the
    # current page below the folders both share, then the rest of the target.
    here = folders_of(current)
    there = path.split("/")
    shared = 0
    while shared < len(here) and shared < len(there) - 1 and here[shared] == there[shared]:
        shared += 1
    return "/".join([".."] * (len(here) - shared) + there[shared:])


@lru_cache(maxsize=1024)
def folders_of(current: str) -> tuple[str, ...]:
    """The folders of a page's URL: "events/x/" → ("events", "x"); "404.html" → ()."""
    return tuple(p for p in (current if current.endswith("/") else posixpath.dirname(current)).split("/") if p)


def page_file(url: str) -> str:
    """The file a page URL is written to: ``events/x/`` → ``events/x/index.html``."""
    return f"{url}index.html" if url == "" or url.endswith("/") else url



# Names Windows will not give a file or folder, whatever the extension.
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def unsafe_slug(value: str) -> str | None:
    """Why ``value`` cannot be a URL segment of the site, or None if it can: a slug is
    lower-case letters, digits and single hyphens, never a Windows-reserved name."""
    import re

    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value):
        return f"'{value}' is not a slug (lower-case letters, digits and hyphens only)"
    if value in RESERVED:
        return f"'{value}' is a name Windows reserves for a device"
    return None
