"""Paths inside the output folder, and what readout keeps beside it about its own build."""

from __future__ import annotations

import json
import os
from pathlib import Path

# What readout keeps about a site it built lives beside the folder, never in it, so that
# nothing of its own is published: ``.<name>.readout.json`` holds the folder's identity
# (device and inode: the folder readout made, not one made again under the same name) and
# the manifest (page file → the key of what it was rendered from).
STATE_SUFFIX = ".readout.json"
STAGED_STATE = "readout-state.json"   # the new state, inside the staging folder until a commit moves it
MARKER = ".readout-site"   # where earlier versions marked a folder as theirs, inside it: still honoured


def state_path(target: Path) -> Path:
    return target.parent / f".{target.name}{STATE_SUFFIX}"


def folder_id(path: Path) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_dev, stat.st_ino]


def read_state(target: Path) -> dict:
    try:
        stored = json.loads(state_path(target).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def write_state(target: Path, record: dict) -> None:
    """Replace the state beside ``target`` whole (a reader sees the old one or the new one)."""
    part = state_path(target).with_name(state_path(target).name + ".part")
    part.write_text(json.dumps(record, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    os.replace(part, state_path(target))


def owned(target: Path, state: dict | None = None) -> bool:
    """Whether ``target`` is a folder readout made (so a build may replace it)."""
    if (target / MARKER).exists():
        return True
    folders = (read_state(target) if state is None else state).get("folders")
    return isinstance(folders, list) and folder_id(target) in folders


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
    it has none, is not readout's, or is a folder made again since."""
    if (target / MARKER).exists():
        return {}  # an earlier version's site, built whole
    stored = read_state(target)
    return stored if owned(target, stored) and isinstance(stored.get("pages"), dict) else {}
