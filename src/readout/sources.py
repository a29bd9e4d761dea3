"""The readouts under ``content/sources/`` as events: each source's key (its bytes, path and
the lexicon), the parse cache and the preview's events of the last build consulted first, the
rest parsed (in two processes when there are many). Every problem is gathered and raised once."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

from .config import Config
from .errors import Diagnostic, Location, ReadoutError, read_input
from .forks import Workers
from .load import Lexicon, decode_source, default_lexicon, parse_source
from .model import Event
from .urls import unsafe_slug


def project_lexicon(config: Config) -> Lexicon:
    """The loader's lexicon with the project's additions from ``site.yml``."""
    return default_lexicon().extended(config.lexicon) if config.lexicon else default_lexicon()


def relative(path: Path, config: Config) -> str:
    return path.relative_to(config.root).as_posix()


def files_in(folder: Path, suffix: str, config: Config) -> list[Path]:
    """The files ending in ``suffix`` directly in ``folder``, sorted by name; a symbolic link
    that leads outside the project is an error: a build reads nothing the project does not
    hold. Hidden files (``.DS_Store``, macOS's ``._x.txt``, an editor's ``.#x.md`` lock) are
    no one's content and are passed over. (One directory read: the archive's thousands of
    sources cost no call each.)"""
    try:
        with os.scandir(folder) as listing:
            entries = sorted((entry for entry in listing if entry.name.endswith(suffix) and not is_hidden(entry.name)),
                             key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    root = config.root.resolve()
    kept, problems = [], []
    for entry in entries:
        path = folder / entry.name
        if entry.is_symlink() and not path.resolve().is_relative_to(root):
            problems.append(Diagnostic(Location(relative(path, config)),
                                       f"symbolic link leads outside the project (to {path.resolve()})",
                                       "copy the file into the project instead of linking to it"))
        elif entry.is_file():
            kept.append(path)
    if problems:
        raise ReadoutError.collect(problems)
    return kept


def is_hidden(name: str) -> bool:
    """Whether a file name is hidden, as the shell and file managers hide it."""
    return name.startswith(".")


def markdown_files(config: Config, folder: str) -> list[Path]:
    return files_in(config.content_dir / folder, ".md", config)


def source_paths(config: Config) -> list[Path]:
    """The readouts under ``content/sources/``, sorted."""
    return files_in(config.content_dir / "sources", ".txt", config)


def model_shape() -> str:
    """The fields of every class of the model, as text: a parse cache written by a readout
    whose model had other fields is parsed again, never unpickled into objects lacking one."""
    from . import model

    return ";".join(f"{name}:{','.join(f.name for f in fields(cls))}"
                    for name, cls in sorted(vars(model).items()) if isinstance(cls, type) and is_dataclass(cls))


CACHE_VERSION = "1:" + hashlib.sha256(model_shape().encode()).hexdigest()[:16]


# Readouts are parsed in two forked processes when at least this many need parsing.
PARALLEL_PARSE_FROM = 200


def parse_bytes(data: bytes, shown: str, lexicon: Lexicon) -> Event:
    return parse_source(decode_source(data, shown), shown, lexicon)


@dataclass(frozen=True)
class ParseJob:
    """One readout to parse: its bytes, the path shown in messages, the lexicon."""

    data: bytes
    shown: str
    lexicon: Lexicon

    def __call__(self) -> bytes | list[Diagnostic]:
        """The event, pickled (it may cross from a worker), or the problems found."""
        import pickle

        try:
            return pickle.dumps(parse_bytes(self.data, self.shown, self.lexicon), protocol=pickle.HIGHEST_PROTOCOL)
        except ReadoutError as error:
            return error.diagnostics


def parse_many(jobs: list[ParseJob]) -> list[bytes | list[Diagnostic]]:
    """Each job's result, in order; many jobs are parsed in two processes."""
    with Workers(jobs, parallel=len(jobs) >= PARALLEL_PARSE_FROM) as workers:
        return list(workers.map(range(len(jobs)), chunksize=32))


def load_events(config: Config, cache=None) -> list[Event]:
    """Every source parsed into an event — taken from ``cache`` (``get(key)``/``put(key,
    bytes)``/``save()``, given by the build) when its bytes and the lexicon are as they were;
    all problems are gathered and raised together."""
    return [event for _, event in keyed_events(config, cache).events]


def source_key(data: bytes, shown: str, lexicon: Lexicon) -> str:
    """What a source's event is parsed from — its bytes, its path, the lexicon, the cache's
    version — as one hash: the key of the event in the parse cache."""
    return hashlib.sha256(b"\0".join([data, shown.encode(), lexicon.digest.encode(), CACHE_VERSION.encode()])).hexdigest()


def cached_event(key: str, cache, reuse: dict[str, Event] | None) -> Event | None:
    """The event of ``key`` as the preview's last build left it, else from the parse cache
    (a damaged entry is parsed again, not trusted)."""
    import pickle

    if reuse and key in reuse:
        return reuse[key]
    stored = cache.get(key) if cache is not None else None
    if stored is None:
        return None
    try:
        return pickle.loads(stored)
    except (pickle.PickleError, EOFError, AttributeError, ValueError):
        return None


def unchanged_key(seen: tuple[int, int, str] | None, status: os.stat_result, reuse: dict[str, Event]) -> str | None:
    """The key a source had at the last build (``seen``: its modification time, size and key
    then), where its ``status`` is as it was and its event is at hand: the preview does not
    read a thousand readouts to find the one edited."""
    return seen[2] if seen and seen[:2] == (status.st_mtime_ns, status.st_size) and seen[2] in reuse else None


@dataclass
class Keyed:
    """The events of the sources in order, each with its key; and each source's (modification
    time, size, key) for the next build, where the last one's were given."""

    events: list[tuple[str, Event]]
    stats: dict[str, tuple[int, int, str]] | None = None


def keyed_events(config: Config, cache=None, reuse: dict[str, Event] | None = None,
                 stats: dict[str, tuple[int, int, str]] | None = None) -> Keyed:
    """``load_events`` with each event's cache key; an event whose key is in ``reuse`` is
    taken from it as it is (the preview server's finished events of the last build).
    ``stats`` is the last build's size, modification time and key of each source (read, never
    changed: the result holds this build's)."""
    import pickle

    lexicon = project_lexicon(config)
    problems = []
    paths = source_paths(config)
    if not paths:
        raise ReadoutError("no readouts to build: content/sources/ holds no .txt file",
                           Location("content/sources/"),
                           "add one with `readout new PATH.txt`, or copy a UTF-8 text file there")
    found: dict[int, Event] = {}
    keys: dict[int, str] = {}
    missing: list[tuple[int, str, bytes, str]] = []
    fresh: dict[str, tuple[int, int, str]] | None = {} if stats is not None else None
    prefix = relative(config.content_dir / "sources", config)
    for index, path in enumerate(paths):
        shown = f"{prefix}/{path.name}"
        status = path.stat() if fresh is not None else None  # once a source, read or not
        seen = stats.get(shown) if stats else None
        key = unchanged_key(seen, status, reuse) if seen and status and reuse else None
        if key is not None and seen and reuse and fresh is not None:
            keys[index], found[index], fresh[shown] = key, reuse[key], seen
            continue
        try:
            data = read_input(path, shown)
        except ReadoutError as error:
            problems += error.diagnostics
            continue
        keys[index] = key = source_key(data, shown, lexicon)
        if fresh is not None and status is not None:
            fresh[shown] = (status.st_mtime_ns, status.st_size, key)
        event = cached_event(key, cache, reuse)
        if event is not None:
            found[index] = event
        else:
            missing.append((index, key, data, shown))
    results = parse_many([ParseJob(data, shown, lexicon) for _, _, data, shown in missing])
    for (index, key, _, _), result in zip(missing, results):
        if isinstance(result, list):
            problems += result
            continue
        found[index] = pickle.loads(result)
        if cache is not None:
            cache.put(key, result)
    if cache is not None:
        cache.save()
    events = [(keys[index], found[index]) for index in range(len(paths)) if index in found]
    problems += [Diagnostic(Location(relative(paths[index], config)), f"event id {why}",
                            "rename the file: its name is the event's id and URL")
                 for index in sorted(found) if (why := unsafe_slug(found[index].id))]
    if problems:
        raise ReadoutError.collect(problems)
    return Keyed(events, fresh)


def collect_warnings(events: list[Event]) -> list[Diagnostic]:
    """Every event's loader warnings as diagnostics at their place in the source."""
    return [Diagnostic(Location(e.source.path, w.line, w.column), f"warning: {w.message}")
            for e in events for w in e.warnings]
