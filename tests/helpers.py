"""Helpers shared by the tests: the seed readout, throwaway projects, parsed pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "2023-11-30-yangtze-river-delta-symposium"
SEED_PATH = ROOT / "content" / "sources" / f"{SEED_NAME}.txt"


def make_project(root: Path, files: dict[str, str | bytes] | None = None, seed: bool = True) -> Path:
    """A project folder at ``root`` with the repository's templates and site.yml, the seed
    readout (unless ``seed`` is false) and ``files`` (relative path → contents)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copy(ROOT / "site.yml", root / "site.yml")
    (root / "content" / "sources").mkdir(parents=True)
    if seed:
        shutil.copy(SEED_PATH, root / "content" / "sources" / SEED_PATH.name)
    for relative, data in (files or {}).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


def page(site: Path, url: str) -> BeautifulSoup:
    """The parsed HTML of the page at a site URL like ``events/x/``."""
    path = site / url / "index.html" if url == "" or url.endswith("/") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def check_links(site: Path) -> int:
    """Assert that every link, stylesheet and script of every page of ``site`` is relative,
    stays inside it, and reaches a file and #fragment that exist; returns how many."""
    import posixpath
    from urllib.parse import urldefrag, urlparse

    ids_cache = {}

    def ids(target: Path):
        if target not in ids_cache:
            soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            ids_cache[target] = {tag["id"] for tag in soup.find_all(id=True)}
        return ids_cache[target]

    checked = 0
    for path in sorted(site.rglob("*.html")):
        if "pagefind" in path.relative_to(site).parts:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        base = path.parent  # 404.html too: it is at the root, its links relative to it
        assert soup.find("base") is None, path  # a <base> would send "#main" and "#s5" elsewhere
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, **{attr: True}):
                url = element[attr]
                if url.startswith("data:"):
                    continue  # inline, no request (the empty favicon)
                assert not urlparse(url).scheme and not url.startswith("//"), (path, url)
                assert not url.startswith("/"), f"{path}: absolute path {url}"
                file_part, fragment = urldefrag(url)
                target = path if not file_part else Path(posixpath.normpath(base / file_part))
                assert target.is_file(), f"{path}: broken link {url}"
                assert target.resolve().is_relative_to(site.resolve())
                if fragment and target.suffix == ".html":
                    assert fragment in ids(target), f"{path}: missing #{fragment} in {url}"
                checked += 1
    return checked
