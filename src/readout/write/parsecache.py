"""The parse cache: events parsed by earlier builds, kept on disk by the key of what they were
parsed from (see ``content.source_key``)."""

from __future__ import annotations

import os
from pathlib import Path


class ParseCache:
    """Parsed readouts kept between builds in ``.readout-cache/events.pickle``, by the hash of
    their bytes and of the lexicon: one file, so a thousand readouts cost one read and one
    write, not a thousand files. It only saves time: delete it at will; a damaged one is
    ignored. Entries no build asked for are dropped when it is saved."""

    def __init__(self, root: Path):
        self.path = root / ".readout-cache" / "events.pickle"
        self.entries: dict[str, bytes] | None = None
        self.used: set[str] = set()
        self.dirty = False

    def _entries(self) -> dict[str, bytes]:
        if self.entries is None:
            import pickle

            try:
                stored = pickle.loads(self.path.read_bytes())
            except Exception:  # missing, unreadable or damaged: start afresh
                stored = None
            self.entries = stored if isinstance(stored, dict) else {}
        return self.entries

    def get(self, key: str) -> bytes | None:
        self.used.add(key)
        value = self._entries().get(key)
        return value if isinstance(value, bytes) else None

    def put(self, key: str, data: bytes) -> None:
        self._entries()[key] = data
        self.used.add(key)
        self.dirty = True

    def save(self) -> None:
        """Write the cache if it changed (atomically: a reader sees all of it or none); a
        project that cannot be written to still builds, only slower. The next build starts
        counting what it uses afresh."""
        import pickle

        entries = self._entries()
        unused = set(entries) - self.used
        self.used = set()
        if not (unused or self.dirty):
            return
        for key in unused:
            del entries[key]
        self.dirty = False
        temporary = self.path.with_name(f".events.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, self.path)
        except OSError:
            pass
