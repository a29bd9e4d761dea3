"""Paths inside the output folder, and what readout keeps there about its own build."""

from __future__ import annotations

import json
from pathlib import Path

MARKER = ".readout-site"
MANIFEST = ".readout-manifest.json"   # page file → the key of what it was rendered from


def checked(relative: str) -> str:
    """``relative`` if it is a safe site path (see ``inside``), else ValueError."""
    parts = relative.split("/")
    if not relative or relative.startswith("/") or "\\" in relative or ".." in parts or not any(
            part not in ("", ".") for part in parts):
        raise ValueError(f"unsafe output path: {relative!r}")
    return relative


def inside(folder: Path, relative: str) -> Path:
    """``folder``/``relative`` with its parent folders made, refusing a path that would leave
    ``folder`` (absolute, "..", a backslash, or empty)."""
    path = folder.joinpath(*(part for part in checked(relative).split("/") if part not in ("", ".")))
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def read_manifest(target: Path) -> dict:
    """What the site at ``target`` was built as: ``build`` (an id), ``pages`` (page file → the
    key of what it was rendered from) and ``files`` (every file and folder written); empty if
    it has none or is not readout's."""
    try:
        if (target / MARKER).exists():
            stored = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
            if isinstance(stored, dict) and isinstance(stored.get("pages"), dict):
                return stored
    except (OSError, ValueError):
        pass
    return {}
