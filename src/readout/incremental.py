"""What the preview keeps from one build to the next, in one place: one typed memo per stage and
the ``Session`` that holds them. A build of its own keeps nothing; the preview server keeps one
``Session``, so an edit costs what it changes. Each stage is a function of its inputs: it is
given the last build's memo (never changing it) and returns this build's with its result
(``Content.memo``, ``Site.memo``, ``site_files``'s second value), which the build keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from .model import Event


def same_objects(last, now) -> bool:
    """Whether two sequences hold the very same objects, in the same order: what a memo checks
    before it keeps what it made of them (an object is never changed, only replaced)."""
    return len(last) == len(now) and all(a is b for a, b in zip(last, now))


class Cache(Protocol):
    """The parse cache (``write.ParseCache``): parsed events by their source's key."""

    def get(self, key: str) -> bytes | None: ...
    def put(self, key: str, data: bytes) -> None: ...
    def save(self) -> None: ...


@dataclass
class ContentMemo:
    """``load_content``'s: the finished events of the readouts no event file corrects, by
    their source's key, valid while ``salt`` (the people files and ``site.yml``) is as it was;
    and each source's (modification time, size, key), so an unchanged file is not read."""

    salt: str | None = None
    events: dict[str, Event] = field(default_factory=dict)
    stats: dict[str, tuple[int, int, str]] = field(default_factory=dict)


@dataclass
class SiteMemo:
    """``build_site``'s: what was made of each event (its summary, views and pages, see
    ``SiteBuilder.part``), kept while the event is the very object of the last build; and
    each person's page with the inputs it was made from."""

    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    people: dict[str, tuple] = field(default_factory=dict)


@dataclass
class FeedsMemo:
    """``site_files``'s: each event's, person's and series' line of the data files, with the
    value it was written from (a value that is, or equals, the last one keeps its line)."""

    events: dict[str, tuple[Any, str]] = field(default_factory=dict)
    people: dict[str, tuple[Any, str]] = field(default_factory=dict)
    series: dict[str, tuple[Any, str]] = field(default_factory=dict)


@dataclass
class Session:
    """What a long-lived caller (the preview server) keeps from one build to the next: the
    parse cache in memory, each stage's memo, the Jinja environment, and the pages of the last
    build it wrote, with that build's id, the templates' digest and the site info they were
    rendered with. A page equal to the one last written is not rendered, nor even hashed. The
    site is then written in place: only files whose bytes change are touched."""

    cache: Cache | None = None
    content: ContentMemo = field(default_factory=ContentMemo)
    site: SiteMemo = field(default_factory=SiteMemo)
    feeds: FeedsMemo = field(default_factory=FeedsMemo)
    env: Any = None  # the Jinja environment, made once by the build (see build.session_environment)
    pages: dict[str, Any] = field(default_factory=dict)  # URL → the view model last written
    build: str | None = None
    digest: str | None = None
    info: Any = None  # the SiteInfo the last pages were rendered with

    def remember(self, build_id: str | None, pages: tuple, info: Any, digest: str | None) -> None:
        """What the build just committed (nothing, after a build through MkDocs)."""
        self.pages = {page.url: page for page in pages} if digest else {}
        self.build, self.digest, self.info = (build_id, digest, info) if digest else (None, None, None)
