"""``build(config)``: load → site graph → render → write, timing each stage."""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from datetime import datetime, timezone

from . import __version__, feeds
from .config import Config
from .content import collect_warnings, load_content
from .errors import Diagnostic, ReadoutError
from .render import make_environment, render_page
from .site import build_site
from .urls import page_file
from .write import OutputDir, ParseCache, write_tree


@dataclass
class BuildReport:
    """What a build did: pages written, where, how long each stage took, and warnings."""

    output: Path
    pages: int = 0
    files: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)
    rendered: int = 0    # pages rendered; the others were unchanged and taken from the last site

    @property
    def entry(self) -> Path:
        return self.output / "index.html"


def build_time() -> datetime:
    """When the site was built: SOURCE_DATE_EPOCH if set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc)


def build(config: Config, output: Path | None = None, strict: bool = False, search: bool | str = True,
          theme: str | None = None, progress=None) -> BuildReport:
    """Build the site for ``config`` into ``output`` (default: the configured output folder),
    with its search index unless ``search`` is false ("keep": keep the last one, as the
    preview server does), in ``theme`` (default: the configured one; "material" builds
    through MkDocs). ``progress(done, total)`` is told how rendering goes. The folder is
    replaced only when the whole build succeeded; pages whose inputs did not change are taken
    from the last site, not rendered again."""
    started = time.perf_counter()
    target = (output or config.output_path).resolve()
    report = BuildReport(output=target)

    def stage(name: str, since: float) -> float:
        now = time.perf_counter()
        report.stages[name] = now - since
        return now

    with OutputDir(target, config.root, [config.content_dir, config.templates_dir]) as out:
        mark = time.perf_counter()
        content = load_content(config, ParseCache(config.root))
        report.warnings = collect_warnings(content.events)
        if strict and report.warnings:
            raise ReadoutError.collect(report.warnings)
        mark = stage("load", mark)
        site = build_site(content, config)
        mark = stage("site", mark)
        env = make_environment(config.templates_dir)
        report.pages = len(site.pages)
        if (theme or config.theme) == "material":
            from .material import build_material  # MkDocs is loaded only for this theme

            build_material(site, env, config, out, build_time())
            report.rendered = report.pages
            stage("mkdocs", mark)
        else:
            report.rendered = render_all(site, env, out, templates_digest(config.templates_dir), progress)
            mark = stage("render", mark)
            static = config.templates_dir / "static"
            if static.is_dir():
                out.put_tree(static, "static")
            out.put_files(feeds.site_files(site, build_time()))
            mark = stage("write", mark)
            if search:
                index_search(out, site, reuse=report.rendered == 0 or search == "keep")
                stage("search index", mark)
        report.files = len(out.written)
        out.commit()
    report.seconds = time.perf_counter() - started
    return report


# Pages are rendered in two processes when there are at least this many, in this many shares.
PARALLEL_FROM = 400
SHARES = 8


def templates_digest(folder: Path) -> str:
    """A hash of every template and of readout's version: a page rendered with other
    templates is rendered again."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(folder.rglob("*.html")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class _Hasher:
    """A file-like sink that hashes what is written to it."""

    def __init__(self, seed: str):
        self.digest = hashlib.sha256(seed.encode())

    def write(self, data: bytes) -> None:
        self.digest.update(data)


def page_key(page, info, digest: str) -> str:
    """What a page is rendered from — its view model, the site's settings, the templates —
    as one hash. Equal keys give equal pages, so an unchanged page is never stale. The pickler
    runs without its memo, so the key depends on the values only, not on which objects
    happen to be shared (a readout from the cache and one parsed afresh give the same key)."""
    sink = _Hasher(digest)
    pickler = pickle.Pickler(sink, protocol=4)
    pickler.fast = True  # no memo: view models hold no cycles
    pickler.dump((page, info))
    return sink.digest.hexdigest()


def render_share(site, env, out, digest: str, pages, progress=None) -> list[tuple[str, str, bool]]:
    """Render or reuse ``pages``; returns (file, key, rendered) for each."""
    done = []
    for i, page in enumerate(pages):
        file, key = page_file(page.url), page_key(page, site.info, digest)
        if out.can_reuse(file, key):
            out.reuse(file, key)
            done.append((file, key, False))
        else:
            out.put_page(file, render_page(env, page, site.info), key)
            done.append((file, key, True))
        if progress and i % 200 == 0:
            progress(i, len(pages))
    return done


_FORKED = None


def render_forked(share: int) -> list[tuple[str, str, bool]]:
    site, env, out, digest, shares = _FORKED
    return render_share(site, env, out, digest, shares[share])


def render_all(site, env, out, digest: str, progress=None) -> int:
    """Every page of the site written into the staging folder; returns how many were
    rendered. Large builds render in two forked processes, each writing its own share."""
    pages = list(site.pages)
    if len(pages) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
        results = render_share(site, env, out, digest, pages, progress)
    else:
        import multiprocessing

        global _FORKED
        # The workers inherit the site through fork; only a share's number crosses the pipe.
        shares = [pages[i::SHARES] for i in range(SHARES)]
        _FORKED = (site, env, out, digest, shares)
        results = []
        try:
            with multiprocessing.get_context("fork").Pool(2) as pool:
                for share in pool.imap_unordered(render_forked, range(SHARES)):
                    results += share
                    if progress:
                        progress(len(results), len(pages))
        finally:
            _FORKED = None
    for file, key, _ in results:
        out.written.add(file)
        out.manifest[file] = key
    if progress:
        progress(len(pages), len(pages))
    return sum(1 for _, _, rendered in results if rendered)


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


def index_search(out, site, reuse: bool) -> None:
    """The search bundle: taken from the last site when no page changed (or the caller keeps
    it), else Pagefind indexes the searchable part of every page."""
    if reuse and out.reuse_tree("pagefind"):
        return
    documents = {}
    for page in site.pages:
        file = page_file(page.url)
        document = search_document((out.staging / file).read_text(encoding="utf-8"))
        if document:
            documents[file] = document
    with tempfile.TemporaryDirectory(prefix="readout-search-") as folder:
        write_tree(Path(folder), documents)
        out.index_search(Path(folder))


def export_mkdocs(config: Config, folder: Path) -> Path:
    """Write the record as a MkDocs docs tree and ``mkdocs.yml`` into ``folder`` (replaced
    whole, with the writer's guarantees); returns the folder."""
    from .material import docs_files

    with OutputDir(folder.resolve(), config.root, [config.content_dir, config.templates_dir]) as out:
        site = build_site(load_content(config, ParseCache(config.root)), config)
        out.put_files(docs_files(site, make_environment(config.templates_dir), config, build_time()))
        out.commit()
    return folder.resolve()
