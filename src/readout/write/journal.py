"""Committing a build in place (the preview's way, for large sites): the journal of the steps
from the staging folder into the output folder, written before the first step and checked
whole before any is taken, so that a commit interrupted at any moment (even SIGKILL) is
finished by the next build, and a journal that would lead outside the site is refused."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from ..errors import Diagnostic, Location, line_column
from .files import STAGED_STATE, checked, inside, read_manifest, state_path

JOURNAL = ".readout-commit.json"


def flat_name(relative: str) -> str:
    """The name a file staged in place is written under (see ``OutputDir.path_for``)."""
    return hashlib.sha256(relative.encode()).hexdigest()[:32]


def apply_journal(staging: Path, target: Path, journal: dict) -> None:
    """Finish an in-place commit: every step may already have been done (it is idempotent)."""
    for name, relative in journal["moved"]:
        source = staging / name
        if source.is_file():
            os.replace(source, inside(target, relative))
    for tree in journal["trees"]:
        source = staging / tree
        if source.is_dir():
            aside = staging / f"{tree}.old"
            if (target / tree).exists():
                shutil.rmtree(aside, ignore_errors=True)
                os.rename(target / tree, aside)
            os.rename(source, inside(target, tree))
            shutil.rmtree(aside, ignore_errors=True)
    for relative in journal["gone"]:
        if relative.endswith("/"):
            shutil.rmtree(target / relative, ignore_errors=True)
            continue
        path = target / checked(relative)
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        parent = path.parent
        while parent != target and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    # Last, the state beside the site: its manifest now describes the site as it is.
    if (staging / STAGED_STATE).is_file() and not (staging / STAGED_STATE).is_symlink():
        os.replace(staging / STAGED_STATE, state_path(target))


def finish_interrupted_commits(target: Path, root: Path) -> list[Diagnostic]:
    """In-place commits that were cut short (the process was killed) are finished, so the
    site is the new one whole. A journal that is damaged, was not written for this site, or
    names anything outside it (absolute, "..", a symbolic link leading out, a staged file
    under another name) is not followed at all: returns a warning for each one discarded."""
    warnings = []
    for staging in sorted(target.parent.glob(f".{target.name}-build-*")):
        journal = staging / JOURNAL
        if staging.is_symlink() or not staging.is_dir() or not (journal.exists() or journal.is_symlink()):
            continue
        text = ""
        try:
            if journal.is_symlink() or not journal.is_file():
                raise JournalError("it is not a file")
            text = journal.read_text(encoding="utf-8")
            entries = read_journal(text, staging, target)
        except (JournalError, OSError, ValueError) as error:
            offset = error.offset if isinstance(error, JournalError) else 0
            line, column = line_column(text, offset)
            where = journal.relative_to(root) if journal.is_relative_to(root) else journal
            message = error.message if isinstance(error, JournalError) else f"it cannot be read: {error}"
            warnings.append(Diagnostic(
                Location(where.as_posix(), line, column),
                f"warning: discarded the journal of an interrupted update of {target.name}/: {message}",
                "readout writes this file while the preview updates the site in place; nothing it named "
                "was touched, and this build writes the whole site afresh"))
            continue
        if target.is_dir():
            apply_journal(staging, target, entries)
        journal.unlink()
    return warnings


class JournalError(ValueError):
    """Why a commit journal is not followed, and where in its text (a character offset)."""

    def __init__(self, message: str, offset: int = 0):
        super().__init__(message)
        self.message, self.offset = message, max(offset, 0)


JOURNAL_KEYS = ("from", "gone", "moved", "to", "trees")


def read_journal(text: str, staging: Path, target: Path) -> dict:
    """The journal ``text`` of an in-place commit from ``staging`` into ``target``, checked
    whole before any step of it is taken: JournalError if anything is wrong."""
    try:
        journal = json.loads(text)
    except json.JSONDecodeError as error:
        raise JournalError(f"it is not JSON ({error.msg})", error.pos) from None
    if not isinstance(journal, dict):
        raise JournalError(f"it must be an object with the keys {', '.join(JOURNAL_KEYS)}")
    for key in ("moved", "trees", "gone"):
        if not isinstance(journal.get(key, []), list):
            raise JournalError(f"{key!r} must be a list", text.find(f'"{key}"'))
    JournalSteps(text, staging, target).check(journal)
    # Only then the rest, so that a path leading out is what the warning names.
    if set(journal) != set(JOURNAL_KEYS) or not all(isinstance(journal[key], str) for key in ("from", "to")):
        raise JournalError(f"it must be an object with the keys {', '.join(JOURNAL_KEYS)}")
    if read_manifest(target).get("build") not in (journal["from"], journal["to"]):
        raise JournalError("it was not written for this site (its build is neither the one it "
                           "started from nor the one it leads to)", text.find('"from"'))
    return journal


class JournalSteps:
    """The checks of a journal's steps: every path stays inside the output folder, every
    staged file and folder is the one readout writes."""

    def __init__(self, text: str, staging: Path, target: Path):
        self.text, self.staging, self.target = text, staging, target
        self.root = os.path.realpath(target)

    def refuse(self, entry, message: str) -> JournalError:
        return JournalError(message, self.text.find(json.dumps(entry)))  # found only when it fails

    def site_path(self, entry, folder: bool = False) -> str:
        """``entry`` if it is a path inside the site that leads nowhere else."""
        if not isinstance(entry, str):
            raise self.refuse(entry, f"{json.dumps(entry)} is not a path")
        relative = entry[:-1] if folder and entry.endswith("/") else entry
        reason = ("it is absolute" if relative.startswith("/") else "it holds '..'" if ".." in relative.split("/")
                  else "it holds a backslash" if "\\" in relative else None)
        if reason or not relative:
            raise self.refuse(entry, f"{entry!r} leaves the output folder ({reason or 'it is empty'})")
        if not Path(os.path.realpath(self.target / relative)).is_relative_to(self.root):
            raise self.refuse(entry, f"{entry!r} leaves the output folder (through a symbolic link)")
        return checked(relative)

    def check(self, journal: dict) -> None:
        for entry in journal.get("moved", []):
            if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)):
                raise self.refuse(entry, f"a moved file must be [staged name, site path], not {json.dumps(entry)}")
            name, relative = entry[0], self.site_path(entry[1])
            if name != flat_name(relative) or (self.staging / name).is_symlink():
                raise self.refuse(entry, f"the staged file {name!r} is not the one readout writes for {relative!r}")
        for tree in journal.get("trees", []):
            self.site_path(tree)
            if (self.staging / tree).is_symlink():
                raise self.refuse(tree, f"the staged folder {tree!r} is a symbolic link")
        for entry in journal.get("gone", []):
            self.site_path(entry, folder=True)
