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
