"""``build(config)``: load → site graph → render → write, timing each stage."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from datetime import datetime, timezone

from . import feeds
from .config import Config
from .content import collect_warnings, load_content
from .errors import Diagnostic, ReadoutError
from .render import make_environment, render_page
from .site import build_site
from .urls import page_file
from .write import OutputDir


@dataclass
class BuildReport:
    """What a build did: pages written, where, how long each stage took, and warnings."""

    output: Path
    pages: int = 0
    files: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def entry(self) -> Path:
        return self.output / "index.html"


def build_time() -> datetime:
    """When the site was built: SOURCE_DATE_EPOCH if set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc)


def build(config: Config, output: Path | None = None, strict: bool = False, search: bool = True,
          theme: str | None = None) -> BuildReport:
    """Build the site for ``config`` into ``output`` (default: the configured output folder),
    with its search index unless ``search`` is false, in ``theme`` (default: the configured
    one; "material" builds through MkDocs). The folder is replaced only when the whole build
    succeeded."""
    started = time.perf_counter()
    target = (output or config.output_path).resolve()
    report = BuildReport(output=target)

    def stage(name: str, since: float) -> float:
        now = time.perf_counter()
        report.stages[name] = now - since
        return now

    with OutputDir(target, config.root, [config.content_dir, config.templates_dir]) as out:
        mark = time.perf_counter()
        content = load_content(config)
        report.warnings = collect_warnings(content.events)
        if strict and report.warnings:
            raise ReadoutError.collect(report.warnings)
        mark = stage("load", mark)
        site = build_site(content, config)
        mark = stage("site", mark)
        env = make_environment(config.templates_dir)
        if (theme or config.theme) == "material":
            from .material import build_material

            build_material(site, env, config, out, build_time())
            report.pages = len(site.pages)
            mark = stage("mkdocs", mark)
            report.files = len(out.written)
            out.commit()
            report.seconds = time.perf_counter() - started
            return report
        for page in site.pages:
            out.put_text(page_file(page.url), render_page(env, page, site.info))
        report.pages = len(site.pages)
        mark = stage("render", mark)
        static = config.templates_dir / "static"
        if static.is_dir():
            out.put_tree(static, "static")
        built = build_time()
        out.put_text("data/events.json", feeds.events_json(site))
        out.put_text("data/people.json", feeds.people_json(site))
        out.put_text("feed.xml", feeds.atom_feed(site, built))
        out.put_text("robots.txt", feeds.robots(site))
        map_text = feeds.sitemap(site)
        if map_text:
            out.put_text("sitemap.xml", map_text)
        mark = stage("write", mark)
        if search:
            out.index_search()
            mark = stage("search index", mark)
        report.files = len(out.written)
        out.commit()
    report.seconds = time.perf_counter() - started
    return report


def export_mkdocs(config: Config, folder: Path) -> Path:
    """Write the record as a MkDocs docs tree and ``mkdocs.yml`` into ``folder`` (replaced
    whole, with the writer's guarantees); returns the folder."""
    from .material import docs_files

    with OutputDir(folder.resolve(), config.root, [config.content_dir, config.templates_dir]) as out:
        content = load_content(config)
        site = build_site(content, config)
        env = make_environment(config.templates_dir)
        for path, data in sorted(docs_files(site, env, config, build_time()).items()):
            if isinstance(data, bytes):
                out.put_bytes(path, data)
            else:
                out.put_text(path, data)
        out.commit()
    return folder.resolve()
