"""Every page of the site rendered, or reused where it is what the last build wrote, into the
staging folder: search documents first, so Pagefind indexes them while the other pages render;
many pages in two processes (``forks.Workers``). A page's key is a hash of what it is rendered
from, so an unchanged page is never stale."""

from __future__ import annotations

import hashlib
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from . import __version__
from .context import EventSummary, SiteInfo, StatementView
from .forks import Workers
from .render import render_page
from .sources import is_hidden
from .urls import page_file

# Pages are rendered in two processes when at least this many are to be rendered, in this
# many shares of each batch.
PARALLEL_FROM = 400
SHARES = 8


def templates_digest(folder: Path) -> str:
    """A hash of every template and of readout's version: a page rendered with other
    templates is rendered again. Hidden files (an editor's ``.#base.html`` lock, often a link
    to nowhere) are no templates."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(folder.rglob("*.html")):
        if any(is_hidden(part) for part in path.relative_to(folder).parts):
            continue
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class _Hasher:
    """A file-like sink that hashes what is written to it."""

    def __init__(self, seed: str):
        self.digest = hashlib.sha256(seed.encode())

    def write(self, data: bytes) -> None:
        self.digest.update(data)


# View models many pages hold (a statement is on its event's page, its topic's, its themes' and
# its speaker's; every page holds the site's settings): hashed once each, then stand in a
# page's key as their hash.
SHARED_VIEWS = (StatementView, EventSummary, SiteInfo)


def digested(value: bytes) -> bytes:
    """What a shared view stands as in a page's key (see ``key_pickler``); never called."""
    return value


def key_pickler(sink, digests: dict[int, tuple[Any, bytes]]) -> pickle.Pickler:
    """A pickler of a page for its key: each shared view (``SHARED_VIEWS``) as the hash of its
    value, worked out once per object and remembered in ``digests`` (by ``id``, holding the
    object so that no other takes its ``id`` while remembered)."""

    def reduce(obj):
        known = digests.get(id(obj))
        if known is None:
            inner = _Hasher(type(obj).__name__)
            plain = pickle.Pickler(inner, protocol=4)
            plain.fast = True
            plain.dump(obj)  # its value, the shared views inside as values
            known = digests[id(obj)] = (obj, inner.digest.digest())
        return digested, (known[1],)

    pickler = pickle.Pickler(sink, protocol=4)
    pickler.fast = True  # no memo: view models hold no cycles
    pickler.dispatch_table = {kind: reduce for kind in SHARED_VIEWS}
    return pickler


def page_key(page, info, digest: str, digests: dict[int, tuple[Any, bytes]] | None = None) -> str:
    """What a page is rendered from — its view model, the site's settings, the templates —
    as one hash. Equal keys give equal pages, so an unchanged page is never stale. The key
    depends on the values only, not on which objects happen to be shared (a readout from the
    cache and one parsed afresh give the same key): the pickler keeps no memo, and a shared
    view stands as the hash of its value (``digests`` remembers them across the pages of one
    render)."""
    sink = _Hasher(digest)
    key_pickler(sink, {} if digests is None else digests).dump((page, info))
    return sink.digest.hexdigest()[:32]  # 128 bits: no two inputs will share one


SEARCH_BODY = re.compile(r"<article[^>]*\sdata-pagefind-body[\s>]")


def search_document(html: str) -> str | None:
    """The searchable part of a page (its ``data-pagefind-body`` element) as a small document,
    or None for pages that are not searched. Pagefind reads these instead of whole pages."""
    match = SEARCH_BODY.search(html)
    if match is None:
        return None
    end = html.rfind("</article>")
    head = html[:html.find("<head>") + 6] if "<head>" in html else "<html><head>"
    return f"{head}</head><body>{html[match.start():end + 10]}</body></html>"


class Result(NamedTuple):
    """One rendered or reused page."""

    file: str
    key: str  # what it was rendered from (see ``page_key``)
    rendered: bool  # False: reused as it was
    document: str | None  # its search document, if rendered and searched


def render_share(site, env, out, digest: str, pages, progress=None, digests: dict | None = None) -> list[Result]:
    """Render or reuse ``pages`` (``digests``: the shared views' hashes, see ``key_pickler``)."""
    done, digests = [], {} if digests is None else digests
    for i, page in enumerate(pages):
        file, key = page_file(page.url), page_key(page, site.info, digest, digests)
        if out.can_reuse(file, key):
            out.reuse(file, key)
            done.append(Result(file, key, False, None))
        else:
            html = render_page(env, page, site.info)
            out.put_page(file, html, key)
            done.append(Result(file, key, True, search_document(html)))
        if progress and i % 200 == 0:
            progress(i, len(pages))
    return done


@dataclass(frozen=True)
class RenderJob:
    """One share of the pages to render, with what rendering them needs."""

    site: Any
    env: Any
    out: Any
    digest: str
    pages: list
    digests: dict  # shared by the jobs a process runs (see ``key_pickler``)

    def __call__(self) -> list[Result]:
        return render_share(self.site, self.env, self.out, self.digest, self.pages, digests=self.digests)


class SearchJob:
    """The search bundle of a build. Search documents are the pages whose class says
    ``searched``; they are rendered first, so Pagefind indexes them while the other pages
    render. The last bundle is kept when no search document changed (or the caller keeps it,
    as the preview server does)."""

    def __init__(self, out, search: bool | str):
        self.out, self.keep = out, search == "keep"
        self.started = None
        self.documents: dict[str, str] = {}
        self.late: dict[str, str] = {}

    def searched(self, results: list[Result]) -> None:
        """The first batch is done: reuse the bundle, or start indexing."""
        out = self.out
        files = sorted(result.file for result in results)
        out.searched = files
        if self.keep and out.reuse_tree("pagefind"):
            return
        changed = files != out.previous_searched
        for result in results:
            document = result.document
            if not result.rendered or not changed:  # the last site's document, to index or to compare
                last = self.last_document(result.file)
                changed = changed or (result.rendered and document != last)
                document = document if result.rendered else last
            if document:
                self.documents[result.file] = document
        if not changed and out.reuse_tree("pagefind"):
            return  # every search document is as it was (pages rendered again to the same text)
        self.started = out.start_search_index(self.documents)

    def last_document(self, file: str) -> str | None:
        try:
            return search_document((self.out.target / file).read_text(encoding="utf-8"))
        except OSError:
            return None

    def others(self, results: list[Result]) -> None:
        """Pages of other kinds whose templates were made searchable are indexed too."""
        self.late.update({result.file: result.document for result in results if result.document})

    def finish(self) -> None:
        indexed = self.started is not None
        if indexed:
            started, self.started = self.started, None
            self.out.finish_search_index(started)
        if self.late and (indexed or not self.keep):
            self.out.drop_tree("pagefind")
            self.out.index_search({**self.documents, **self.late})

    def cancel(self) -> None:
        """The build failed: the indexer, if still running, is stopped."""
        if self.started is not None:
            started, self.started = self.started, None
            self.out.cancel_search_index(started)


def sort_pages(pages: list, out, previous: dict) -> tuple[list[Result], list[Result], list[list]]:
    """The pages equal to the last build's (kept as they are: all, and the searched ones),
    and the rest to render in two batches, searched pages first."""
    kept: list[Result] = []
    kept_searched: list[Result] = []
    batches: list[list] = [[], []]
    for page in pages:
        old = previous.get(page.url)
        key = out.previous.get(page_file(page.url)) if old is not None and (old is page or old == page) else None
        if key is None:
            batches[0 if page.searched else 1].append(page)
            continue
        kept.append(Result(page_file(page.url), key, False, None))
        if page.searched:
            kept_searched.append(kept[-1])
    return kept, kept_searched, batches


def render_all(site, env, out, digest: str, progress=None, previous: dict | None = None,
               search: SearchJob | None = None) -> int:
    """Every page of the site written into the staging folder; returns how many were
    rendered. Search documents go first (see ``SearchJob``). A page equal to the one in
    ``previous`` (by URL, from the session) is kept without rendering or hashing. Many pages
    to render are rendered in two forked processes (see ``forks.Workers``), each writing its
    own shares."""
    kept, kept_searched, batches = sort_pages(site.pages, out, previous or {})
    out.keep([result.file for result in kept])
    total, rendered = len(site.pages), list[Result]()
    parallel = len(batches[0]) + len(batches[1]) >= PARALLEL_FROM

    def report(i: int, n: int = 0) -> None:
        if progress:
            progress(len(kept) + len(rendered) + i, total)

    digests: dict = {}
    jobs = [RenderJob(site, env, out, digest, batch[i::SHARES], digests) for batch in batches for i in range(SHARES)]
    with Workers(jobs, parallel) as workers:
        for number in range(len(batches)):
            done: list[Result] = []
            for share in workers.map(range(number * SHARES, (number + 1) * SHARES), ordered=False):
                done += share
                report(len(done))
            if search is not None and number == 0:
                search.searched(kept_searched + done)
            elif search is not None:
                search.others(done)
            rendered += done
    for result in rendered:
        out.written.add(result.file)
        out.manifest[result.file] = result.key
    if progress:
        progress(total, total)
    return sum(1 for result in rendered if result.rendered)
