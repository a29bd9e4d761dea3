"""Slugs: the ids of events, people and places in URLs. Shared by the loader (which makes
event and person ids) and the site's URLs, so that rendering needs nothing of the loader."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slugify"]


def slugify(text: str) -> str:
    """A URL-safe id: lower-case ASCII words joined by hyphens; an apostrophe, straight or
    curly, parts words ("Xi’an" and "Xi'an" are both xi-an)."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
