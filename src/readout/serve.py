"""A local preview server for the built site: loopback by default, the output folder only."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path


def make_server(folder: Path, bind: str = "127.0.0.1", port: int = 8000) -> http.server.ThreadingHTTPServer:
    """A server for ``folder`` (not started); ``port`` 0 picks a free one."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    return http.server.ThreadingHTTPServer((bind, port), handler)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to the terminal."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(folder: Path, bind: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``folder`` until interrupted."""
    server = make_server(folder, bind, port)
    host, real_port = server.server_address[:2]
    print(f"Serving {folder} at http://{host}:{real_port}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
