"""The only code that writes the output folder.

A build writes into a fresh folder beside the target and swaps it in when complete, so a failed
build leaves the last good site. The target must be a folder readout made (named by the record
beside it, see files.py) or a new or empty one, and never the project, an ancestor of it, or an
editor's folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..errors import Diagnostic, Location, ReadoutError
from ..forks import HELD_LOCKS
from .files import MARKER, STAGED_STATE, checked, folder_id, inside, owned, read_manifest, read_state, state_path, write_state
from .journal import JOURNAL, JournalError, apply_journal, finish_interrupted_commits, flat_name, read_journal
from .parsecache import ParseCache

# What other modules and the tests take from the writer, wherever it lives in it.
__all__ = ["JOURNAL", "MARKER", "JournalError", "OutputDir", "ParseCache", "apply_journal",
           "check_target", "finish_interrupted_commits", "flat_name", "read_journal", "read_manifest",
           "release_lock", "state_path", "take_lock", "write_tree"]


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
    if target.is_dir() and not owned(target) and any(target.iterdir()):
        raise ReadoutError(
            f"refusing to build into {shown}: it holds files readout did not write",
            Location("site.yml"),
            "choose an empty or new folder, or move those files away (readout replaces the whole folder)")


class OutputDir:
    """A site being written aside. Use as a context manager; ``commit()`` swaps it in.
    One build at a time holds the folder's lock; the second is told so and stops.

    ``in_place`` (the preview server's rebuilds): when the target is already a site readout
    wrote, only the files whose bytes change are written aside, and ``commit()`` moves just
    those into the site and removes the files the new site no longer has, keeping a journal so
    that a commit cut short is finished by the next build. A failed build still changes
    nothing."""

    def __init__(self, target: Path, root: Path, protected: list[Path], in_place: bool = False):
        check_target(target, root, protected)
        self.target = target.resolve()
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReadoutError(f"cannot create the output folder's parent: {error.strerror}",
                               Location(str(self.target.parent)), "choose an output folder you can write to") from None
        self.lock = take_lock(self.target)
        # Journals that cannot be trusted are discarded, with a warning each; the last site
        # is then not trusted either (it may be half updated), so this build writes it whole.
        self.warnings: list[Diagnostic] = finish_interrupted_commits(self.target, root)
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
        stored = {} if self.warnings else read_manifest(self.target)
        self.previous: dict[str, str] = stored.get("pages", {})
        self.previous_build: str | None = stored.get("build")
        # Every file and folder of the last site: its pages, and the other files it lists.
        self.previous_files: list[str] | None = (
            [*self.previous, *stored["files"]] if isinstance(stored.get("files"), list) else None)
        self.previous_searched: list[str] | None = stored.get("searched")
        self.searched: list[str] = []   # the pages that are search documents
        self.in_place = in_place and self.previous_files is not None
        self.build_id: str | None = None   # set by commit(): a hash of what was built
        self.unlisted = False

    def __enter__(self) -> OutputDir:
        return self

    def __exit__(self, kind, error, tb) -> None:
        # A commit that was under way when it was cut short keeps its journal and files: the
        # next build finishes it (see finish_interrupted_commits).
        if self.staging.exists() and not (self.staging / JOURNAL).exists():
            shutil.rmtree(self.staging, ignore_errors=True)
        release_lock(self.lock)
        if isinstance(error, OSError) and writing_error(error, self.target):
            # A full disk or a folder that cannot be written: say so; the last site stays.
            raise ReadoutError(f"could not write the site: {error.strerror or error}", Location(str(self.target)),
                               "free some disk space or choose an output folder you can write to; "
                               "the last good site was kept") from None

    def path_for(self, relative: str) -> Path:
        """The staging path for a site path, refusing anything that leaves the folder. In
        place, staged files lie flat, named by the hash of their path: no folders to create
        (making folders is what costs most on some disks), and ``commit()`` knows where
        each goes."""
        self.claim(relative)
        return self.staging / flat_name(relative) if self.in_place else inside(self.staging, relative)

    def claim(self, relative: str, check: bool = True) -> None:
        """Record ``relative`` as part of the new site: once only, and (unless it comes from
        the last site's own manifest) a safe path."""
        if relative in self.written:
            raise ValueError(f"output path written twice: {relative!r}")
        self.written.add(checked(relative) if check else relative)

    def unchanged(self, relative: str, data: bytes) -> bool:
        """In place, whether the site already holds exactly these bytes at ``relative`` (then
        the file is kept as it is)."""
        if not self.in_place:
            return False
        try:
            with open(self.target / relative, "rb") as handle:
                return handle.read(len(data) + 1) == data
        except OSError:
            return False

    def put_data(self, relative: str, data: bytes) -> None:
        if self.unchanged(relative, data):
            self.claim(relative)
        else:
            self.path_for(relative).write_bytes(data)

    def put_text(self, relative: str, text: str) -> None:
        self.put_data(relative, text.encode("utf-8"))

    def put_page(self, relative: str, text: str, key: str) -> None:
        """A rendered page, remembered with the key of what it was rendered from."""
        self.put_text(relative, text)
        self.manifest[relative] = key

    def can_reuse(self, relative: str, key: str) -> bool:
        """Whether the last good site holds this page rendered from exactly the same inputs."""
        return self.previous.get(relative) == key and (self.target / relative).is_file()

    def reuse(self, relative: str, key: str) -> None:
        """Take the page from the last good site instead of rendering it again: a hard link
        (or, in place, the file itself), so its bytes and modification time stay as they were."""
        if self.in_place:
            self.claim(relative)
        else:
            path = self.path_for(relative)
            try:
                os.link(self.target / relative, path)
            except OSError:
                shutil.copy2(self.target / relative, path)
        self.manifest[relative] = key

    def written_by_others(self, what: str) -> None:
        """The staging folder was filled by another program (MkDocs): its files are not
        listed, so the next build replaces the whole site rather than updating it in place."""
        self.written.add(what)
        self.unlisted = True

    def keep(self, files: list[str]) -> None:
        """Pages of the last good site kept as they are (see ``reuse``), many at once."""
        if not self.in_place:
            for relative in files:
                self.reuse(relative, self.previous[relative])
            return
        for relative in files:
            self.claim(relative, check=False)
            self.manifest[relative] = self.previous[relative]

    def reuse_tree(self, relative: str) -> bool:
        """Take a whole folder (the search bundle) from the last good site; False if it has none."""
        source = self.target / relative
        if not source.is_dir():
            return False
        if not self.in_place:
            shutil.copytree(source, self.staging / relative, copy_function=os.link)
        self.written.add(relative + "/")
        return True

    def drop_tree(self, relative: str) -> None:
        """Forget a folder staged so far (a search bundle about to be made again)."""
        shutil.rmtree(self.staging / checked(relative), ignore_errors=True)
        self.written.discard(relative + "/")

    def put_files(self, files: Mapping[str, str | bytes]) -> None:
        """Several files at once (relative path → text or bytes)."""
        for relative, data in sorted(files.items()):
            self.put_data(relative, data.encode("utf-8") if isinstance(data, str) else data)

    def put_tree(self, source: Path, prefix: str, leave_out: tuple[str, ...] = ()) -> int:
        """Copy every file under ``source`` to ``prefix/…`` (sorted, links not followed), but
        those ``leave_out`` names (paths relative to ``source``)."""
        count = 0
        for path in sorted(source.rglob("*")):
            relative = path.relative_to(source).as_posix()
            if path.is_file() and not path.is_symlink() and relative not in leave_out:
                self.put_data(f"{prefix}/{relative}", path.read_bytes())
                count += 1
        return count

    def start_search_index(self, documents: dict[str, str]):
        """Start Pagefind's extended binary (it segments Chinese) on ``documents`` (the
        searchable part of each page, by the page's own path) in the background, writing
        ``pagefind/``; ``finish_search_index`` waits for it. The documents are written to a
        temporary folder in memory where the system has one."""
        import subprocess

        binary = pagefind_binary()
        folder = tempfile.TemporaryDirectory(prefix="readout-search-", dir=memory_folder())
        write_tree(Path(folder.name), documents)
        process = subprocess.Popen([str(binary), "--site", folder.name, "--output-path", str(self.staging / "pagefind"),
                                    "--silent"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.written.add("pagefind/")
        return process, folder

    def finish_search_index(self, started) -> None:
        process, folder = started
        try:
            out, err = process.communicate()
        finally:
            folder.cleanup()
        if process.returncode != 0:
            raise ReadoutError(f"the search index could not be built: {err.strip() or out.strip()}",
                               None, "reinstall with `make distclean site`; `readout build --no-search` skips it")
        for name in UNUSED_SEARCH_FILES:  # Pagefind's own search interfaces: the site has its own
            (self.staging / "pagefind" / name).unlink(missing_ok=True)
        unused_wasm(self.staging / "pagefind")

    def cancel_search_index(self, started) -> None:
        """Stop an indexer whose build failed, and remove its documents."""
        process, folder = started
        if process.poll() is None:
            process.kill()
        process.communicate()
        folder.cleanup()

    def index_search(self, documents: dict[str, str]) -> None:
        """Index ``documents`` now (see ``start_search_index``)."""
        self.finish_search_index(self.start_search_index(documents))

    def commit(self) -> None:
        """Put the staged site in place of the old one: swapped whole, or in place (see the
        class)."""
        record: dict[str, object] = {"pages": self.manifest, "searched": self.searched,
                                     "files": None if self.unlisted else sorted(self.written.difference(self.manifest))}
        text = json.dumps(record, sort_keys=True, separators=(",", ":"))
        self.build_id = hashlib.sha256(text.encode()).hexdigest()[:32]
        record["build"] = self.build_id
        if self.in_place:
            return self.commit_in_place(record)
        # First the state owns both the last site and the new one, without a manifest: a
        # build killed during the swap finds its folder readout's, and builds it whole.
        staged = folder_id(self.staging)
        write_state(self.target, {"folders": [folder for folder in (staged, folder_id(self.target)) if folder]})
        self.staging.chmod(0o755)
        old = None
        if self.target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-old-", dir=self.target.parent))
            os.rename(self.target, old / "site")
        os.rename(self.staging, self.target)
        write_state(self.target, {**record, "folders": [staged]})
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def commit_in_place(self, record: dict[str, object]) -> None:
        """Move the staged files into the site, then remove what it no longer has; the
        journal written first lets the next build finish a commit that was cut short. The new
        state, staged too, is put beside the site last (see ``apply_journal``)."""
        trees = sorted(name[:-1] for name in self.written if name.endswith("/") and (self.staging / name).is_dir())
        places = {flat_name(name): name for name in self.written if not name.endswith("/")}
        moved = sorted([name, places[name]] for name in os.listdir(self.staging) if name in places)
        gone = sorted(set(self.previous_files or ()) - self.written)
        (self.staging / STAGED_STATE).write_text(
            json.dumps({**record, "folders": [folder_id(self.target)]}, sort_keys=True, separators=(",", ":")),
            encoding="utf-8")
        # "from" and "to" name the site before and after: a journal is finished only on the
        # site it was written for. It appears whole (renamed in) or not at all.
        journal = {"moved": moved, "trees": trees, "gone": gone, "from": self.previous_build, "to": self.build_id}
        (self.staging / f"{JOURNAL}.part").write_text(json.dumps(journal), encoding="utf-8")
        os.replace(self.staging / f"{JOURNAL}.part", self.staging / JOURNAL)
        apply_journal(self.staging, self.target, journal)
        (self.staging / JOURNAL).unlink()
        shutil.rmtree(self.staging, ignore_errors=True)


def memory_folder() -> str | None:
    """A folder in memory for short-lived files (Linux's /dev/shm), else the system's default."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def restore_interrupted_swap(target: Path) -> None:
    """If a build died between moving the old site aside and moving the new one in, put the
    old one back, so the last good site is never lost."""
    if target.exists():
        return
    for old in sorted(target.parent.glob(f".{target.name}-old-*"), reverse=True):
        site = old / "site"
        if site.is_dir() and not site.is_symlink() and owned(site, read_state(target)):
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


# What Pagefind writes besides its index that the site never loads (its ready-made search
# interfaces and highlighter, about 420 KB): not published.
UNUSED_SEARCH_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                       "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def unused_wasm(folder: Path) -> None:
    """Remove the search engine builds for languages no page is in: Pagefind writes one for
    pages without a language ("unknown", about 70 KB) even where every page has one, and the
    browser only loads those its entry file names (a language named without one loads
    "unknown")."""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        used = {f"wasm.{language.get('wasm') or 'unknown'}.pagefind" for language in entry["languages"].values()}
    except (OSError, ValueError, KeyError, TypeError):
        return  # a format this does not know: keep everything
    for path in folder.glob("wasm.*.pagefind"):
        if path.name not in used:
            path.unlink()


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


def write_file(path: Path, data: str | bytes) -> None:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="\n")


def write_tree(folder: Path, files: Mapping[str, str | bytes]) -> None:
    """Write ``files`` (relative path → text or bytes) under a folder readout owns (a temporary
    docs tree or search documents); paths may not leave it."""
    for relative, data in sorted(files.items()):
        write_file(inside(folder, relative), data)


def take_lock(target: Path):
    """An exclusive lock on the output folder (a ``.<name>.lock`` file beside it), so two
    builds never write the same site; the second one is refused with a clear message."""
    import fcntl

    path = target.parent / f".{target.name}.lock"
    try:
        handle = open(path, "a+")  # noqa: SIM115 - held open for as long as the lock is: closed by the caller
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
    HELD_LOCKS.add(handle.fileno())  # workers the build forks let go of it (see forks.py)
    return handle


def release_lock(handle) -> None:
    import fcntl

    HELD_LOCKS.discard(handle.fileno())
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


def discard_stdout() -> None:
    """Point standard output at the null device (after its reader went away, so the
    interpreter's last flush has nowhere to fail). Here because only the writer opens files
    for writing."""
    import sys

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
