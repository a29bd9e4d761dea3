"""``build(config)``: load → site graph → render → write, timing each stage."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import feeds
from .config import Config
from .content import load_content
from .errors import Diagnostic, ReadoutError
from .gcpause import fewer_collections
from .incremental import Session
from .render import make_environment
from .rendering import SearchJob, render_all, templates_digest
from .site import build_site
from .sources import collect_warnings
from .write import OutputDir, ParseCache

# The Material theme's own stylesheet (see material.ASSETS): readout's site never loads it.
MATERIAL_ONLY = ("material.css",)


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
    readouts: int = 0    # events read
    output_warnings: list[Diagnostic] = field(default_factory=list)  # what the writer refused beside the site

    @property
    def entry(self) -> Path:
        return self.output / "index.html"


def build_time() -> datetime:
    """When the site was built: SOURCE_DATE_EPOCH if set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc)


def session_environment(session: Session, templates_dir: Path):
    """The session's Jinja environment, made once (it reloads a template that changed); its
    templates are compiled during the first build, not on the first edit."""
    if session.env is None:
        session.env = make_environment(templates_dir, auto_reload=True)
        for name in session.env.list_templates(extensions=["html"]):
            try:
                session.env.get_template(name)
            except Exception:  # a broken template is reported when a page uses it
                pass
    return session.env


def build(config: Config, output: Path | None = None, strict: bool = False, search: bool | str = True,
          theme: str | None = None, progress=None, session: Session | None = None) -> BuildReport:
    """Build the site for ``config`` into ``output`` (default: the configured output folder),
    with its search index unless ``search`` is false ("keep": keep the last one, as the
    preview server does), in ``theme`` (default: the configured one; "material" builds
    through MkDocs). ``progress(done, total)`` is told how rendering goes. The folder is
    replaced only when the whole build succeeded; pages whose inputs did not change are taken
    from the last site, not rendered again. ``session`` carries what a preview server keeps
    between builds (see ``Session``)."""
    with fewer_collections():
        return build_into(config, output, strict, search, theme, progress, session)


def build_into(config: Config, output: Path | None, strict: bool, search: bool | str, theme: str | None,
               progress, session: Session | None) -> BuildReport:
    started = time.perf_counter()
    target = (output or config.output_path).resolve()
    report = BuildReport(output=target)

    def stage(name: str, since: float) -> float:
        now = time.perf_counter()
        report.stages[name] = now - since
        return now

    material = (theme or config.theme) == "material"
    keeping = session is not None
    session = session or Session()  # a build of its own keeps nothing afterwards
    # The preview updates the site in place once it has written it, as long as nobody else
    # built it since; `readout build` (and the preview's first build) replace the whole folder,
    # so the result never depends on what else was in it.
    with OutputDir(target, config.root, [config.content_dir, config.templates_dir],
                   in_place=keeping and session.build is not None and not material) as out:
        report.output_warnings = out.warnings
        trusted = out.in_place and out.previous_build == session.build
        out.in_place = trusted
        mark = time.perf_counter()
        session.cache = session.cache or ParseCache(config.root)
        content = load_content(config, session.cache, session.content if keeping else None)
        session.content = content.memo or session.content  # each stage hands back what the next build may reuse
        report.warnings = collect_warnings(content.events)
        report.readouts = len(content.events)
        if strict and report.warnings:
            raise ReadoutError.collect(report.warnings)
        mark = stage("load", mark)
        site = build_site(content, config, session.site if keeping else None)
        session.site = site.memo or session.site
        mark = stage("site", mark)
        env = session_environment(session, config.templates_dir) if keeping else make_environment(config.templates_dir)
        report.pages = len(site.pages)
        if material:
            from .material import build_material  # MkDocs is loaded only for this theme

            build_material(site, env, config, out, build_time())
            report.rendered = report.pages
            stage("mkdocs", mark)
        else:
            digest = templates_digest(config.templates_dir)
            previous = session.pages if trusted and (session.digest, session.info) == (digest, site.info) else {}
            search_job = SearchJob(out, search) if search else None
            try:
                report.rendered = render_all(site, env, out, digest, progress, previous, search_job)
                mark = stage("render", mark)
                static = config.templates_dir / "static"
                if static.is_dir():
                    out.put_tree(static, "static", leave_out=MATERIAL_ONLY)
                files, session.feeds = feeds.site_files(site, build_time(), session.feeds)
                out.put_files(files)
                mark = stage("write", mark)
                if search_job is not None:
                    search_job.finish()
                    stage("search index", mark)
            finally:
                if search_job is not None:
                    search_job.cancel()
        report.files = len(out.written)
        out.commit()
        session.remember(out.build_id, site.pages, site.info, None if material else digest)
    report.seconds = time.perf_counter() - started
    return report


def export_mkdocs(config: Config, folder: Path) -> Path:
    """Write the record as a MkDocs docs tree and ``mkdocs.yml`` into ``folder`` (replaced
    whole, with the writer's guarantees); returns the folder."""
    from .material import docs_files

    with OutputDir(folder.resolve(), config.root, [config.content_dir, config.templates_dir]) as out:
        site = build_site(load_content(config, ParseCache(config.root)), config)
        out.put_files(docs_files(site, make_environment(config.templates_dir), config, build_time()))
        out.commit()
    return folder.resolve()
