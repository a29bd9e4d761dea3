"""The golden site: the repository's own site (``content/``, ``site.yml``, ``templates/``) as
``make site`` builds it, kept in ``tests/golden/`` so that every change to what readers get is
reviewed as a diff. ``tests/test_golden.py`` fails on any difference; after a deliberate change,

    make golden

rebuilds the site and rewrites ``tests/golden/`` to match (then read ``git diff tests/golden``).

Left out: ``pagefind/`` (the search index, a binary whose file names change from build to build).
Each file is kept as
``NAME.golden`` (``events/x/index.html.golden``): a snapshot, not a page or a stylesheet of the
project's own, which tools that read the source (linters, the duplicate finder) leave alone.
"""

from __future__ import annotations

import difflib
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
LEFT_OUT = ("pagefind",)
SUFFIX = ".golden"


def build_site(workdir: Path) -> Path:
    """Build a copy of the repository's project inside ``workdir``; the output folder."""
    from readout.build import build
    from readout.config import load_config

    project = workdir / "project"
    project.mkdir()
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copy(ROOT / "site.yml", project / "site.yml")
    return build(load_config(project)).output


def files(site: Path) -> dict[str, bytes]:
    """Each file of a built site (path relative to it → bytes), without what is left out."""
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*"))
            if path.is_file() and path.relative_to(site).parts[0] not in LEFT_OUT}


def golden_files() -> dict[str, bytes]:
    """The golden site's files, named as in the site (without ``.golden``)."""
    if not GOLDEN.is_dir():
        return {}
    return {path.relative_to(GOLDEN).as_posix().removesuffix(SUFFIX): path.read_bytes()
            for path in sorted(GOLDEN.rglob(f"*{SUFFIX}"))}


def changes(built: dict[str, bytes], golden: dict[str, bytes]) -> tuple[list[str], list[str], list[str]]:
    """The files only in the build, only in the golden site, and in both but different."""
    return (sorted(built.keys() - golden.keys()), sorted(golden.keys() - built.keys()),
            [name for name in sorted(built.keys() & golden.keys()) if built[name] != golden[name]])


def differences(built: dict[str, bytes], golden: dict[str, bytes], shown: int = 3) -> list[str]:
    """What differs between two sites, as readable lines: files only in one, then a unified
    diff of the first ``shown`` files that differ."""
    added, removed, changed = changes(built, golden)
    lines = [f"only in the build: {name}" for name in added] + [f"only in tests/golden: {name}" for name in removed]
    for name in changed[:shown]:
        before = golden[name].decode("utf-8", "replace").splitlines()
        after = built[name].decode("utf-8", "replace").splitlines()
        lines += list(difflib.unified_diff(before, after, f"tests/golden/{name}", f"build/{name}", n=2, lineterm=""))[:60]
    if len(changed) > shown:
        lines.append(f"… and {len(changed) - shown} more changed files: {', '.join(changed[shown:])}")
    return lines


def write(site: Path) -> int:
    """Replace ``tests/golden/`` with the files of ``site``; how many were written."""
    shutil.rmtree(GOLDEN, ignore_errors=True)
    written = files(site)
    for name, data in written.items():
        target = GOLDEN / (name + SUFFIX)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(written)


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        site = build_site(Path(work))
        added, removed, changed = changes(files(site), golden_files())
        count = write(site)
    print(f"tests/golden: {count} files written; since the last golden site {len(added)} added, "
          f"{len(removed)} removed, {len(changed)} changed")
    print("review them with: git diff --stat tests/golden && git diff tests/golden")
    return 0


if __name__ == "__main__":
    sys.exit(main())
