"""Site paths and the relative links between them."""

from __future__ import annotations

import posixpath

from .load.people import slugify as slug_of  # noqa: F401 - one slug rule for every URL


def relative_url(target: str, current: str) -> str:
    """A link from the page at ``current`` to ``target`` (both site paths like ``events/x/``,
    ``target`` may end in ``#fragment``). Directory pages link to their ``index.html`` so the
    site works opened from disk as well as from any sub-path of a server."""
    if target.startswith("#"):
        return target
    path, _, fragment = target.partition("#")
    if path == "" or path.endswith("/"):
        path += "index.html"
    base = current if current.endswith("/") else posixpath.dirname(current)
    link = posixpath.relpath(path, base or ".")
    return link + (f"#{fragment}" if fragment else "")


def page_file(url: str) -> str:
    """The file a page URL is written to: ``events/x/`` → ``events/x/index.html``."""
    return f"{url}index.html" if url == "" or url.endswith("/") else url

