"""The only code that writes the output folder.

A build writes into a fresh folder beside the target and swaps it in when complete, so a failed
build leaves the last good site. The target must be a folder readout made (it holds a marker
file) or a new or empty one, and never the project, an ancestor of it, or an editor's folder.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from .errors import Location, ReadoutError

MARKER = ".readout-site"
MANIFEST = ".readout-manifest.json"   # page file → the key of what it was rendered from
MARKER_TEXT = "This folder is built by readout and replaced on every build. Do not edit it.\n"


def check_target(target: Path, root: Path, protected: list[Path]) -> None:
    """Refuse an output folder that a build could not safely replace."""
    target, root = target.resolve(), root.resolve()
    shown = str(target)
    if target == root or root.is_relative_to(target):
        raise ReadoutError(f"refusing to build into {shown}: it holds the project itself",
                           Location("site.yml"), "set output_dir to a folder of its own, e.g. 'site'")
    for folder in protected:
        folder = folder.resolve()
        if target.is_relative_to(folder) or folder.is_relative_to(target):
            raise ReadoutError(f"refusing to build into {shown}: it would overwrite {folder.name}/",
                               Location("site.yml"),
                               f"{folder.name}/ belongs to the editors; choose another output_dir")
    if target.exists() and not target.is_dir():
        raise ReadoutError(f"refusing to build into {shown}: it is a file", Location("site.yml"),
                           "choose a folder name for output_dir")
    if target.is_dir() and not (target / MARKER).exists() and any(target.iterdir()):
        raise ReadoutError(
            f"refusing to build into {shown}: it holds files readout did not write",
            Location("site.yml"),
            "choose an empty or new folder, or move those files away (readout replaces the whole folder)")


class OutputDir:
    """A site being written aside. Use as a context manager; ``commit()`` swaps it in.
    One build at a time holds the folder's lock; the second is told so and stops."""

    def __init__(self, target: Path, root: Path, protected: list[Path]):
        check_target(target, root, protected)
        self.target = target.resolve()
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReadoutError(f"cannot create the output folder's parent: {error.strerror}",
                               Location(str(self.target.parent)), "choose an output folder you can write to") from None
        self.lock = take_lock(self.target)
        restore_interrupted_swap(self.target)
        remove_stale_staging(self.target)
        try:
            self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-build-", dir=self.target.parent))
        except OSError as error:
            release_lock(self.lock)
            raise ReadoutError(f"cannot write beside the output folder: {error.strerror or error}",
                               Location(str(self.target.parent)),
                               "choose an output folder you can write to; the last good site was kept") from None
        self.written: set[str] = set()
        self.manifest: dict[str, str] = {}
        self.previous = read_manifest(self.target)

    def __enter__(self) -> "OutputDir":
        return self

    def __exit__(self, kind, error, tb) -> None:
        if self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
        release_lock(self.lock)
        if isinstance(error, OSError) and writing_error(error, self.target):
            # A full disk or a folder that cannot be written: say so; the last site stays.
            raise ReadoutError(f"could not write the site: {error.strerror or error}", Location(str(self.target)),
                               "free some disk space or choose an output folder you can write to; "
                               "the last good site was kept") from None

    def path_for(self, relative: str) -> Path:
        """The staging path for a site path, refusing anything that leaves the folder."""
        if relative in self.written:
            raise ValueError(f"output path written twice: {relative!r}")
        path = inside(self.staging, relative)
        self.written.add(relative)
        return path

    def put_text(self, relative: str, text: str) -> None:
        self.path_for(relative).write_text(text, encoding="utf-8", newline="\n")

    def put_page(self, relative: str, text: str, key: str) -> None:
        """A rendered page, remembered with the key of what it was rendered from."""
        self.put_text(relative, text)
        self.manifest[relative] = key

    def can_reuse(self, relative: str, key: str) -> bool:
        """Whether the last good site holds this page rendered from exactly the same inputs."""
        return self.previous.get(relative) == key and (self.target / relative).is_file()

    def reuse(self, relative: str, key: str) -> None:
        """Take the page from the last good site instead of rendering it again: a hard link,
        so its bytes and modification time stay as they were."""
        path = self.path_for(relative)
        try:
            os.link(self.target / relative, path)
        except OSError:
            shutil.copy2(self.target / relative, path)
        self.manifest[relative] = key

    def reuse_tree(self, relative: str) -> bool:
        """Take a whole folder (the search bundle) from the last good site; False if it has none."""
        source = self.target / relative
        if not source.is_dir():
            return False
        shutil.copytree(source, self.staging / relative, copy_function=os.link)
        self.written.add(relative + "/")
        return True

    def put_bytes(self, relative: str, data: bytes) -> None:
        self.path_for(relative).write_bytes(data)

    def put_files(self, files: dict[str, str | bytes]) -> None:
        """Several files at once (relative path → text or bytes)."""
        for relative, data in sorted(files.items()):
            write_file(self.path_for(relative), data)

    def put_tree(self, source: Path, prefix: str) -> int:
        """Copy every file under ``source`` to ``prefix/…`` (sorted, links not followed)."""
        count = 0
        for path in sorted(source.rglob("*")):
            if path.is_file() and not path.is_symlink():
                relative = path.relative_to(source).as_posix()
                shutil.copyfile(path, self.path_for(f"{prefix}/{relative}"))
                count += 1
        return count

    def index_search(self, documents: Path) -> None:
        """Index ``documents`` (the searchable part of each page, at the page's own path) with
        Pagefind's extended binary, which segments Chinese, into ``pagefind/``."""
        import subprocess

        binary = pagefind_binary()
        result = subprocess.run([str(binary), "--site", str(documents), "--output-path", str(self.staging / "pagefind"),
                                 "--silent"], capture_output=True, text=True)
        if result.returncode != 0:
            raise ReadoutError(f"the search index could not be built: {result.stderr.strip() or result.stdout.strip()}",
                               None, "reinstall with `make distclean site`; `readout build --no-search` skips it")
        self.written.add("pagefind/")

    def commit(self) -> None:
        """Mark the staged site as readout's and put it in place of the old one."""
        (self.staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        (self.staging / MANIFEST).write_text(json.dumps(self.manifest, sort_keys=True), encoding="utf-8")
        self.staging.chmod(0o755)
        old = None
        if self.target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-old-", dir=self.target.parent))
            os.rename(self.target, old / "site")
        os.rename(self.staging, self.target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def restore_interrupted_swap(target: Path) -> None:
    """If a build died between moving the old site aside and moving the new one in, put the
    old one back, so the last good site is never lost."""
    if target.exists():
        return
    for old in sorted(target.parent.glob(f".{target.name}-old-*"), reverse=True):
        if (old / "site" / MARKER).exists():
            os.rename(old / "site", target)
            shutil.rmtree(old, ignore_errors=True)
            return


def create_file(path: Path, data: bytes) -> None:
    """Write a new file for an editor (``readout new``); never replace one that exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "xb") as handle:
            handle.write(data)
    except FileExistsError:
        raise ReadoutError(f"{path.name} already exists", Location(str(path)),
                           "readout never overwrites an editor's file; move or rename it first") from None


def pagefind_binary() -> Path:
    """Pagefind's binary, from the pagefind-bin-extended package (or pagefind-bin)."""
    for module in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            package = __import__(module)
        except ImportError:
            continue
        return Path(package.get_executable())
    raise ReadoutError("Pagefind is not installed, so the search index cannot be built", None,
                       "install readout with its dependencies (`make site`), or build with --no-search")


def inside(folder: Path, relative: str) -> Path:
    """``folder``/``relative`` with its parent folders made, refusing a path that would leave
    ``folder`` (absolute, "..", a backslash, or empty)."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or "\\" in relative or not pure.parts:
        raise ValueError(f"unsafe output path: {relative!r}")
    path = folder.joinpath(*pure.parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def write_file(path: Path, data: str | bytes) -> None:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="\n")


def write_tree(folder: Path, files: dict[str, str | bytes]) -> None:
    """Write ``files`` (relative path → text or bytes) under a folder readout owns (a temporary
    docs tree or search documents); paths may not leave it."""
    for relative, data in sorted(files.items()):
        write_file(inside(folder, relative), data)


def read_manifest(target: Path) -> dict[str, str]:
    """The page keys of the site at ``target`` (empty if it has none or is not readout's)."""
    try:
        if (target / MARKER).exists():
            return json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    return {}


class ParseCache:
    """Parsed readouts kept between builds in ``.readout-cache/`` of the project, by the hash
    of their bytes and of the lexicon. It only saves time: delete it at will."""

    def __init__(self, root: Path):
        self.folder = root / ".readout-cache" / "events"

    def get(self, key: str) -> bytes | None:
        try:
            return (self.folder / f"{key}.pickle").read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        """Store an entry atomically (a reader sees all of it or none); a project that cannot
        be written to still builds, only slower."""
        path = self.folder / f"{key}.pickle"
        temporary = path.with_name(f".{key}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, path)
        except OSError:
            pass


def take_lock(target: Path):
    """An exclusive lock on the output folder (a ``.<name>.lock`` file beside it), so two
    builds never write the same site; the second one is refused with a clear message."""
    import fcntl

    path = target.parent / f".{target.name}.lock"
    try:
        handle = open(path, "a+")
    except OSError as error:
        raise ReadoutError(f"cannot write beside the output folder: {error.strerror}", Location(str(path)),
                           "choose an output folder you can write to") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise ReadoutError(f"another build is writing {target} ({holder})", Location(str(target)),
                           "wait for it to finish, then build again") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}")
    handle.flush()
    return handle


def release_lock(handle) -> None:
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()


def remove_stale_staging(target: Path) -> None:
    """Folders left by builds that were killed (we hold the lock, so no build is using them)."""
    for pattern in (f".{target.name}-build-*", f".{target.name}-old-*"):
        for stale in target.parent.glob(pattern):
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)


def writing_error(error: OSError, target: Path) -> bool:
    """Whether an OSError came from writing beside the output folder (not from reading input)."""
    import errno

    name = str(getattr(error, "filename", "") or "")
    return error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM) and (
        not name or name.startswith(str(target.parent)))
