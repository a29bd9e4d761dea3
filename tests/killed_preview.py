"""A preview killed at a chosen moment, for tests/test_faults_serve.py.

    python killed_preview.py PROJECT N [render|parse]

does what ``readout serve`` does when a template is edited and a readout removed: a first build,
then an in-place rebuild of the same session, parsing and rendering in forked workers as a large
project does. It is killed (SIGKILL) at the N-th change it makes to the file system: a file
opened for writing, a folder made, a file renamed, linked or removed (-1: never). With
``render``, the moment is instead the N-th file a render worker writes in the rebuild; with
``parse``, the N-th readout a parse worker reads in the first build: that worker kills the
preview and lingers, as a worker busy with a long share would (its pid is added to
PROJECT/../worker.pid). Unkilled, it prints the changes it made, in order, as JSON."""

from __future__ import annotations

import builtins
import contextlib
import io
import json
import os
import signal
import sys
import time
from pathlib import Path

from readout import rendering, sources
from readout.build import build
from readout.config import load_config
from readout.incremental import Session

CHANGES = ("replace", "rename", "unlink", "rmdir", "mkdir", "link")


def main(root: Path, n: int, worker: str | None) -> None:
    preview = os.getpid()
    steps: list[str] = []
    counts = {"render": 0, "parse": 0}  # each worker counts its own

    def moment(what: str) -> None:
        if os.getpid() == preview:
            steps.append(what)
            if worker is None and len(steps) == n:
                os.kill(preview, signal.SIGKILL)
            return
        kind = "parse" if what == "parse" else "render" if what.startswith("open ") and phase == "rebuild" else None
        if kind is None:
            return
        counts[kind] += 1
        if kind == worker and counts[kind] == n:
            record = os.open(root.parent / "worker.pid", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            os.write(record, f"{os.getpid()}\n".encode())  # both workers may get here
            os.close(record)
            os.kill(preview, signal.SIGKILL)
            time.sleep(60)

    global MOMENT
    MOMENT = moment
    rendering.PARALLEL_FROM = sources.PARALLEL_PARSE_FROM = 1  # fork workers, however small the project
    sources.ParseJob.__call__ = parse_counted
    session = Session()
    phase = "first build"  # read by the workers, each forked after it is set
    with watched(moment):
        build(load_config(root), search=False, session=session)
    base = root / "templates" / "base.html"  # the editor's saves, not the preview's steps
    base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<!-- edited -->\n</body>"))
    for source in sorted((root / "content" / "sources").glob("*.txt"))[1:2]:
        source.unlink()
    phase = "rebuild"
    with watched(moment):
        build(load_config(root), search=False, session=session)
    print(json.dumps(steps))


MOMENT = None
PARSE = sources.ParseJob.__call__


def parse_counted(job):
    """A parse job (see sources.ParseJob), counted as a moment."""
    MOMENT("parse")
    return PARSE(job)


@contextlib.contextmanager
def watched(moment):
    """Every change to the file system goes through ``moment(what)`` first, meanwhile."""
    saved = {name: getattr(os, name) for name in CHANGES}
    real_open = io.open

    def counted(name, real):
        def change(*args, **kwargs):
            moment(f"{name} {args[0] if args else ''}")
            return real(*args, **kwargs)
        return change

    def opened(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            moment(f"open {file}")
        return real_open(file, mode, *args, **kwargs)

    for name, real in saved.items():
        setattr(os, name, counted(name, real))
    io.open = builtins.open = opened
    try:
        yield
    finally:
        for name, real in saved.items():
            setattr(os, name, real)
        io.open = builtins.open = real_open


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
