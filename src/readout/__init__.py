"""readout: official readouts of meetings → a browsable documentary website.

The public API: ``parse_source`` (text → Event), ``read_source`` (file → Event),
``load_project`` (folder → Config) and ``build`` (Config → site on disk).

Names are imported on first use, so that ``import readout.load`` stays free of the renderer
(and of Jinja2): each stage can be imported and tested alone.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import Config

__version__ = "0.1.0"

_EXPORTS = {
    "parse_source": "readout.load",
    "read_source": "readout.load",
    "build": "readout.build",
    "BuildReport": "readout.build",
    "Config": "readout.config",
    "Event": "readout.model",
    "ReadoutError": "readout.errors",
}

__all__ = ["BuildReport", "Config", "Event", "ReadoutError", "build", "load_project", "parse_source", "read_source"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'readout' has no attribute {name!r}")


def load_project(root: Path | str = ".") -> Config:
    """The configuration of the project at ``root`` (its ``site.yml``, or defaults)."""
    from .config import load_config

    return load_config(Path(root).resolve())
