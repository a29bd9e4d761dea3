"""Errors a user can fix, with the place they are at and a hint.

A user's mistake is a ``ReadoutError``; the CLI prints it as ``path:line:column: message`` plus a
hint and exits 1. Anything else escaping the library is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """Where a problem is: a path as the user wrote it, and 1-based line and column."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Diagnostic:
    """One problem: where, what, and what to do about it."""

    location: Location | None
    message: str
    hint: str | None = None

    def format(self) -> str:
        head = f"{self.location}: {self.message}" if self.location else self.message
        return f"{head}\n  hint: {self.hint}" if self.hint else head


class ReadoutError(Exception):
    """One or more problems in the user's project; the build stops and nothing is lost."""

    def __init__(self, message: str, location: Location | None = None, hint: str | None = None):
        self.diagnostics: list[Diagnostic] = [Diagnostic(location, message, hint)]
        super().__init__(self.format())

    @classmethod
    def collect(cls, diagnostics: list[Diagnostic]) -> ReadoutError:
        """One error that reports every diagnostic gathered in a run."""
        error = cls(diagnostics[0].message, diagnostics[0].location, diagnostics[0].hint)
        error.diagnostics = list(diagnostics)
        error.args = (error.format(),)
        return error

    def format(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset into ``text``. A line ends at LF,
    CRLF or a lone CR (old Mac files), as editors count lines."""
    line = text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset) + 1
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return line, offset - line_start + 1


def read_input(path: Path, shown: str) -> bytes:
    """The bytes of an input file the project holds; a file that cannot be read (a folder, a
    file without read permission, a link to nothing) is an error naming it."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise ReadoutError("a folder where a file should be", Location(shown),
                           "move the folder away, or put the file in its place") from None
    except OSError as error:
        raise ReadoutError(f"cannot read the file: {error.strerror or error}", Location(shown),
                           "check that the file exists and that you may read it") from None


def decode_utf8(data: bytes, path: str, hint: str) -> str:
    """``data`` as UTF-8 text; a byte that is not UTF-8 is an error at its line and column,
    naming the byte and its offset (what a hex editor shows)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[:error.start].decode("utf-8")
        raise ReadoutError(f"not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start}",
                           Location(path, *line_column(prefix, len(prefix))), hint) from None
