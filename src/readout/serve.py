"""``readout serve``: build, serve the site on loopback, rebuild when an editor saves, and reload
the open page. A broken edit is shown in the terminal and as an overlay in the page, while the
last good site goes on being served."""

from __future__ import annotations

import errno
import functools
import http.server
import io
import json
import os
import socket
import sys
import threading
import time
import traceback
from importlib import resources
from pathlib import Path

from .errors import Diagnostic, Location, ReadoutError

LIVE_PATH = "/__readout/"
LIVE_SCRIPT = '<script src="/__readout/live.js" defer></script>'
HEARTBEAT = 10.0  # seconds between keep-alive comments on an idle event stream


class Preview:
    """The state a preview server shares between its build thread and its request threads:
    the number of good builds so far, and the error of the last build if it failed.
    ``root`` (the project) is where paths in messages are shown from; ``debug`` prints the
    traceback of a failure that is not the project's."""

    def __init__(self, build, debounce: float = 0.01, root: Path | None = None, debug: bool = False,
                 fingerprint=None):
        self.build = build
        self.debounce = debounce
        # What the inputs looked like when the last good build began (``fingerprint()``, the
        # time and size of every watched file): one save is often two events (written, then
        # closed), and the second must not cost a rebuild that renders nothing.
        self.fingerprint, self.built = fingerprint, None
        self.root, self.debug = root, debug
        self.version = 0
        self.error: str | None = None
        self.changed = threading.Condition()
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.closed = False

    def rebuild(self, saved: bool = False) -> None:
        """Build now. On any failure the last good site stays served, and the error is
        printed once and shown over the page (whatever raised it: a build that fails in a
        timer thread must never end in a traceback nobody sees). A rebuild for a ``saved``
        file is skipped when no watched file changed since the last good build began."""
        with self.lock:
            if self.closed:
                return  # a save that arrived as the server stopped
            seen = self.fingerprint() if self.fingerprint else None
            if saved and seen is not None and seen == self.built and self.error is None:
                return  # the second event of a save already built
            started = time.perf_counter()
            try:
                report = self.build()
            except Exception as error:
                message = error.format() if isinstance(error, ReadoutError) else unexpected(error, self.root)
                if self.debug and not isinstance(error, ReadoutError):
                    traceback.print_exception(error, file=sys.stderr)
                print(message, file=sys.stderr, flush=True)
                with self.changed:
                    self.error = message
                    self.changed.notify_all()
                return
            with self.changed:
                self.version += 1
                self.error = None
                self.built = seen
                self.changed.notify_all()
            for warning in getattr(report, "output_warnings", ()):
                print(warning.format(), file=sys.stderr, flush=True)
            print(f"Rebuilt in {time.perf_counter() - started:.2f} s: {report.rendered} of {report.pages} pages "
                  "rendered", flush=True)

    def schedule(self, finished: bool = False) -> None:
        """Rebuild shortly: a save often touches a file several times at once. A save known
        to be finished (the file was closed after writing, or moved into place) rebuilds at
        once."""
        if self.timer is not None:
            self.timer.cancel()
        self.timer = threading.Timer(0 if finished else self.debounce, self.rebuild, kwargs={"saved": True})
        self.timer.daemon = True
        self.timer.start()

    def state(self) -> dict:
        return {"version": self.version, "error": self.error}

    def close(self) -> None:
        """Stop: no rebuild starts after this, and one under way is waited for, so the site
        (and the project, if the caller removes it) is left alone once this returns."""
        with self.changed:
            self.closed = True
            self.changed.notify_all()
        if self.timer is not None:
            self.timer.cancel()
        with self.lock:
            pass


def unexpected(error: Exception, root: Path | None) -> str:
    """A failure that is not a ``ReadoutError``, as one message: what was raised, where (the
    template line, if a template raised it, else readout's own line), and what to do."""
    where, in_template = None, False
    package = Path(__file__).parent
    tb = error.__traceback__
    while tb is not None:
        name = Path(tb.tb_frame.f_code.co_filename)
        if name.suffix == ".html":
            where, in_template = (name, tb.tb_lineno), True
        elif not in_template and name.is_relative_to(package):
            where = (name, tb.tb_lineno)
        tb = tb.tb_next
    location = None
    if where is not None:
        name, line = where
        for base in (root, package.parent):
            if base is not None and name.is_relative_to(base):
                name = name.relative_to(base)  # a template of the project, or readout's own file
                break
        location = Location(name.as_posix(), line)
    hint = ("fix the template; the last good site is still served" if in_template else
            "this is a fault in readout, not in your project; the last good site is still served "
            "(`readout --debug serve` prints the traceback)")
    text = str(error).strip().splitlines()
    return Diagnostic(location, f"the rebuild failed: {type(error).__name__}{': ' + text[0] if text else ''}",
                      hint).format()


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder, adds the live-reload script to HTML pages, and streams build
    states at ``/__readout/events``."""

    preview: Preview | None = None

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        try:
            if self.path.startswith(LIVE_PATH) and self.preview is not None:
                return self.live(self.preview)
            return super().do_GET()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def live(self, preview: Preview):
        name = self.path[len(LIVE_PATH):].split("?")[0]
        if name == "live.js":
            body = resources.files("readout").joinpath("preview/live.js").read_bytes()
            return self.reply(200, "text/javascript; charset=utf-8", body)
        if name == "status":
            return self.reply(200, "application/json", json.dumps(preview.state()).encode())
        if name == "events":
            return self.stream(preview)
        return self.reply(404, "text/plain; charset=utf-8", b"not found")

    def reply(self, code: int, kind: str, body: bytes):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def stream(self, preview: Preview):
        """Server-sent events: the state now, then each time it changes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.close_connection = True
        sent = None
        while True:
            with preview.changed:
                if preview.closed:
                    return
                state = preview.state()
                if state == sent:
                    preview.changed.wait(HEARTBEAT)
                    state = preview.state()
            if state != sent:
                self.wfile.write(f"event: state\ndata: {json.dumps(state)}\n\n".encode())
                sent = state
            else:
                self.wfile.write(b": still here\n\n")
            self.wfile.flush()

    def send_error(self, code, message=None, explain=None):
        """A missing page gets the site's own 404.html, as static hosts serve it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        if self.preview is not None:
            body = body.replace(b"</body>", LIVE_SCRIPT.encode() + b"\n</body>", 1)
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_head(self):
        """As the base class, but nothing outside the served folder is ever served (a symbolic
        link that leads out is a 404), and HTML pages get the live-reload script. A path no
        file can have (a NUL byte, bytes that are no file name) is a 400, and one the file
        system refuses (too long) a 404: every request is answered."""
        try:
            return self.head_of_file()
        except ValueError:
            self.send_error(400, "Bad request", "the path cannot name a file")
        except OSError:
            self.send_error(404, "Not found")
        return None

    def head_of_file(self):
        path = self.translate_path(self.path)
        root = os.path.realpath(self.directory)
        if os.path.commonpath([os.path.realpath(path), root]) != root:
            self.send_error(404, "Not found")
            return None
        if self.preview is None or not (path.endswith(".html") or Path(path).is_dir()):
            return super().send_head()
        if Path(path).is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = str(Path(path) / "index.html")
        try:
            page = Path(path).read_bytes()
        except OSError:
            return super().send_head()
        page = page.replace(b"</body>", LIVE_SCRIPT.encode() + b"\n</body>", 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(page)


class PreviewServer(http.server.ThreadingHTTPServer):
    """A thread per connection, and a deep queue of connections waiting to be accepted (the
    default five made a page's parallel requests wait seconds for the system to retry)."""

    request_queue_size = 1024
    daemon_threads = True


def make_server(folder: Path, bind: str = "127.0.0.1", port: int = 8000,
                preview: Preview | None = None) -> PreviewServer:
    """A server for ``folder``, listening on ``bind`` (IPv4 or IPv6) and ``port`` but not yet
    answering (see ``serve_forever``); ``port`` 0 picks a free one. With ``preview``, pages
    reload when it rebuilds. An address or port it cannot listen on is a ``ReadoutError``."""
    handler = type("Handler", (PreviewHandler,), {"preview": preview})
    shown = f"[{bind}]" if ":" in bind else bind
    if not 0 <= port <= 65535:
        raise ReadoutError(f"{port} is not a port number", None, "choose one from 1 to 65535, or 0 for any free port")
    try:
        family = socket.getaddrinfo(bind, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0][0]
    except (socket.gaierror, UnicodeError) as error:
        raise ReadoutError(f"cannot serve on {bind!r}: {getattr(error, 'strerror', None) or error}", None,
                           BIND_HINT) from None
    server_class = type("Server", (PreviewServer,), {"address_family": family})
    try:
        return server_class((bind, port), functools.partial(handler, directory=str(folder)))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            other = port + 1 if port < 65535 else 8000
            raise ReadoutError(f"port {port} is already in use on {shown}", None,
                               f"stop the program that uses it, or choose another port: --port {other}, "
                               "or --port 0 for any free one") from None
        if error.errno == errno.EACCES:
            raise ReadoutError(f"port {port} on {shown} needs privileges this user does not have", None,
                               "choose a port above 1023 (--port 8000), or --port 0 for any free one") from None
        raise ReadoutError(f"cannot serve on {shown} port {port}: {error.strerror or error}", None, BIND_HINT) from None


BIND_HINT = ("give --bind an address of this machine: 127.0.0.1 or ::1 (this machine only), "
             "or 0.0.0.0 or :: (every network)")


def watch(preview: Preview, root: Path, folders: list[Path], files: list[Path]):
    """Start watching; every change under ``folders`` or to ``files`` schedules a rebuild.
    Returns the observer (call ``stop()`` on it)."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    watched_files = {str(f.resolve()) for f in files}

    class Changes(FileSystemEventHandler):
        def on_any_event(self, event):
            if event.event_type in ("opened", "closed_no_write"):
                return
            paths = {str(Path(p).resolve()) for p in (event.src_path, getattr(event, "dest_path", "")) if p}
            inside = any(p.startswith(str(f.resolve()) + "/") or p == str(f.resolve())
                         for p in paths for f in folders)
            if inside or paths & watched_files:
                preview.schedule(finished=event.event_type in ("closed", "moved"))

    observer = Observer()
    handler = Changes()
    for folder in folders:
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.schedule(handler, str(root), recursive=False)
    observer.daemon = True
    observer.start()
    return observer


def preview_of(config, output: Path | None = None, debug: bool = False) -> Preview:
    """The preview of a project: builds that keep a session (so an edit costs what it changes,
    and the site is updated in place) and keep the search index once there is one (Pagefind
    cannot update an index, and a preview must follow an edit at once; `readout build`
    refreshes it)."""
    from .build import build
    from .incremental import Session

    target = (output or config.output_path).resolve()
    session = Session()
    watched = [config.content_dir, config.templates_dir, config.root / "site.yml"]
    return Preview(lambda: build(config, target, search="keep" if (target / "pagefind").is_dir() else True,
                                 session=session), root=config.root, debug=debug,
                   fingerprint=lambda: snapshot(watched))


def snapshot(paths: list[Path]) -> frozenset:
    """The modification time and size of every file at or under ``paths``: what a change to
    any of them changes."""
    seen = set()
    for path in paths:
        for folder, _, names in os.walk(path) if path.is_dir() else [(str(path.parent), [], [path.name])]:
            for name in names:
                try:
                    info = os.stat(os.path.join(folder, name))
                except OSError:
                    continue  # removed while looked at: the next event says so
                seen.add((folder, name, info.st_mtime_ns, info.st_size))
    return frozenset(seen)


def serve(config, output: Path | None, bind: str = "127.0.0.1", port: int = 8000, debug: bool = False) -> None:
    """Build, serve and rebuild on every change until interrupted. The address is taken
    first, so one that cannot be served is said before any build."""
    preview = preview_of(config, output, debug)
    target = (output or config.output_path).resolve()
    server = make_server(target, bind, port, preview)
    try:
        preview.rebuild()
    except BaseException:
        server.server_close()
        raise
    observer = watch(preview, config.root, [config.content_dir, config.templates_dir], [config.root / "site.yml"])
    address, real_port = server.server_address[:2]
    host = address.decode() if isinstance(address, bytes) else str(address)
    host = f"[{host}]" if ":" in host else host
    print(f"Serving {target} at http://{host}:{real_port}/ — rebuilding on every save (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        preview.close()
        observer.stop()
        observer.join()
        server.server_close()
