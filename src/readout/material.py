"""``theme: material``: the same pages, at the same URLs, in Material for MkDocs.

readout renders each page's body with its own templates; this module turns the site graph into
a MkDocs docs tree (one Markdown file per page holding that body as raw HTML, plus the data
files) and an ``mkdocs.yml``, then has MkDocs build it in strict mode into the writer's staging
folder, so the atomic-swap guarantees hold. MkDocs is imported here only: the default theme
never loads it. ``readout export mkdocs DIR`` writes the same tree for teams to build or merge.
"""

from __future__ import annotations

import html
import logging
import os
import tempfile
from pathlib import Path

import yaml

from . import feeds
from .context import FreePage, NotFoundPage, SearchPage
from .errors import ReadoutError
from .render import render_page
from .urls import ORGANIZATIONS_URL, PEOPLE_URL, PLACES_URL, SEARCH_URL, THEMES_URL, TIMELINE_URL, TOPICS_URL, page_file

REQUIREMENT = "mkdocs>=1.6,<2 and mkdocs-material>=9.5,<10 (pip install 'readout[material]')"
ASSETS = ("content.css", "material.css", "readout.js")
SEARCH_BODY = ("<h1>Search</h1>\n<p>Use the search box at the top of every page: it searches every "
               "event, statement and person of the record.</p>\n")


def text(value: str) -> str:
    """A value MkDocs will put into HTML: escaped here. MkDocs renders its theme without
    autoescape and Material prints titles, descriptions, tags and the site name as they come
    (``<meta name="description" content="{{ page.meta.description }}">``), so every string readout
    hands it is HTML already. (Where Material escapes again, in a few ``title=""`` tooltips, a
    name with ``&`` or ``<`` shows its entity: harmless, and rare.)"""
    return html.escape(value, quote=True)


def page_markdown(site, env, page) -> str:
    """The docs file of one page: front matter (title, description, tags) and the body."""
    body = SEARCH_BODY if isinstance(page, SearchPage) else render_page(env, page, site.info, layout="body.html")
    # Never an empty title: MkDocs would fall back to `page.title | striptags`, which unescapes.
    front: dict[str, str | list[str]] = {"title": text(page.title or site.info.title or "Readouts"),
                                         "description": text(page.description)}
    tags = [text(tag) for tag in page_tags(page)]
    if tags:
        front["tags"] = tags
    # One raw HTML block, left alone by Markdown (md_in_html is off for it).
    return ("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n"
            + '<div class="readout-page" markdown="0">\n' + body.strip() + "\n</div>\n")


def page_tags(page) -> list[str]:
    """Material tags for a page: the themes it carries (event themes and its statements')."""
    labels = [t.label for t in getattr(page, "themes", ())]
    for section in getattr(page, "sections", ()) or ([page.section] if getattr(page, "section", None) else []):
        for statement in section.statements:
            labels += [t.label for t in statement.themes]
    return sorted(set(labels))


def nav(site) -> list:
    """MkDocs navigation from the site graph: the indexes, never one entry per event, so the
    navigation of a large archive stays small (events are reached from the home page,
    the timeline and the indexes)."""
    urls = {p.url: p for p in site.pages}

    def entry(url: str):
        return {text(urls[url].title): page_file(url).removesuffix(".html") + ".md"} if url in urls else None

    def section(title: str, index: str, prefix: str):
        children = [page_file(index)[:-5] + ".md"] + [entry(u) for u in sorted(urls) if u.startswith(prefix) and u != index]
        return {text(title): [c for c in children if c]} if index in urls else None

    items = [{"Home": "index.md"}, entry(TIMELINE_URL), section("Topics", TOPICS_URL, TOPICS_URL),
             entry(PEOPLE_URL), section("Themes", THEMES_URL, THEMES_URL), entry(PLACES_URL), entry(ORGANIZATIONS_URL)]
    free = sorted((p for p in site.pages if isinstance(p, FreePage)), key=lambda p: p.url)
    items += [entry(p.url) for p in free]
    items.append(entry(SEARCH_URL))
    return [i for i in items if i]


def material_language(tag: str) -> str:
    """The Material language nearest the site's BCP 47 tag (``zh-Hans-CN`` → ``zh``; one
    Material has no translation for → ``en``): Material fails on a language it does not have."""
    try:
        import material  # type: ignore[import-untyped]  # MkDocs Material ships no type information

        folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    except ImportError:
        return "en"
    have = {p.stem for p in folder.glob("*.html")}
    parts = tag.split("-")
    for n in range(len(parts), 0, -1):
        candidate = "-".join(parts[:n])
        for name in have:
            if name.lower() == candidate.lower():
                return name
    return "en"


def mkdocs_config(site, config) -> dict:
    """The ``mkdocs.yml`` of the record. Every text value is escaped HTML (see ``text``); the
    URL and the language were checked when site.yml was read."""
    data = {
        "site_name": text(config.title),
        "site_description": text(config.description),
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "language": material_language(config.language),
            "font": False,  # system fonts: no request to another host
            "features": ["navigation.instant", "navigation.tracking", "navigation.indexes",
                         "navigation.top", "search.highlight", "search.suggest"],
            "palette": [
                {"media": "(prefers-color-scheme: light)", "scheme": "default",
                 "toggle": {"icon": "material/brightness-7", "name": "Switch to dark mode"}},
                {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
                 "toggle": {"icon": "material/brightness-4", "name": "Switch to light mode"}},
            ],
        },
        "plugins": ["search", "tags"],
        "markdown_extensions": ["md_in_html", "attr_list"],
        "extra_css": ["assets/readout/content.css", "assets/readout/material.css"],
        "extra_javascript": ["assets/readout/readout.js"],
        "validation": {"links": {"anchors": "warn"}},
        "nav": nav(site),
    }
    if config.base_url:
        data["site_url"] = config.base_url
    return data


def docs_files(site, env, config, built) -> dict[str, str | bytes]:
    """Every file of the docs tree, by path relative to the export folder."""
    files: dict[str, str | bytes] = {"mkdocs.yml": "# Generated by readout: `mkdocs build --strict` builds the record.\n"
                                     + yaml.safe_dump(mkdocs_config(site, config), allow_unicode=True, sort_keys=False)}
    for page in site.pages:
        if isinstance(page, NotFoundPage):
            continue  # Material writes its own 404.html
        files["docs/" + page_file(page.url)[:-5] + ".md"] = page_markdown(site, env, page)
    static = config.templates_dir / "static"
    for name in ASSETS:
        if (static / name).is_file():
            files[f"docs/assets/readout/{name}"] = (static / name).read_bytes()
    # MkDocs writes its own sitemap.xml.
    for path, data in feeds.site_files(site, built)[0].items():
        if path != "sitemap.xml":
            files[f"docs/{path}"] = data
    return files


def mkdocs_build(config_file: Path, site_dir: Path) -> None:
    """Run MkDocs in strict mode; its warnings become one ReadoutError."""
    try:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException
    except ImportError:
        raise ReadoutError("theme 'material' needs MkDocs and Material for MkDocs", None, f"install {REQUIREMENT}") from None
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.WARNING:
                warnings.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    handler, level = Collect(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    old = os.environ.get("NO_MKDOCS_2_WARNING")
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    try:
        mk_config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        build(mk_config)
    except (MkDocsException, SystemExit) as error:
        raise ReadoutError("MkDocs could not build the record in strict mode: "
                           + ("; ".join(warnings) or str(error)), None,
                           "run `readout export mkdocs DIR` and `mkdocs build --strict -f DIR/mkdocs.yml` to see it") from None
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        if old is None:
            os.environ.pop("NO_MKDOCS_2_WARNING", None)
        else:
            os.environ["NO_MKDOCS_2_WARNING"] = old
    if warnings:
        raise ReadoutError("MkDocs warned: " + "; ".join(warnings), None, "the material build must pass strict mode")


def build_material(site, env, config, out, built) -> None:
    """Build the site through MkDocs + Material into the writer's staging folder."""
    from .write import write_tree

    with tempfile.TemporaryDirectory(prefix="readout-mkdocs-") as folder:
        write_tree(Path(folder), docs_files(site, env, config, built))
        mkdocs_build(Path(folder) / "mkdocs.yml", out.staging)
    out.written_by_others("(mkdocs)")
