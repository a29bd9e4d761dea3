"""The editors' folder, ``content/``: the source readouts, read and parsed."""

from __future__ import annotations

from pathlib import Path

from .config import Config
from .errors import Diagnostic, Location, ReadoutError
from .load import Lexicon, default_lexicon, read_source
from .model import Event


def source_paths(config: Config) -> list[Path]:
    """The readouts under ``content/sources/``, sorted."""
    folder = config.content_dir / "sources"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def project_lexicon(config: Config) -> Lexicon:
    """The loader's lexicon with the project's additions from ``site.yml``."""
    return default_lexicon().extended(config.lexicon) if config.lexicon else default_lexicon()


def load_events(config: Config) -> list[Event]:
    """Every source parsed into an event; all problems are gathered and raised together."""
    lexicon = project_lexicon(config)
    events, problems = [], []
    paths = source_paths(config)
    if not paths:
        raise ReadoutError("no readouts to build: content/sources/ holds no .txt file",
                           Location("content/sources/"),
                           "add one with `readout new PATH.txt`, or copy a UTF-8 text file there")
    for path in paths:
        try:
            events.append(read_source(path, config.root, lexicon))
        except ReadoutError as error:
            problems += error.diagnostics
    if problems:
        raise ReadoutError.collect(problems)
    return events


def collect_warnings(events: list[Event]) -> list[Diagnostic]:
    """Every event's loader warnings as diagnostics at their place in the source."""
    return [Diagnostic(Location(e.source.path, w.line, w.column), f"warning: {w.message}")
            for e in events for w in e.warnings]
