"""Run the cyclic garbage collector less often while a large piece of work runs.

Parsing and building make many small objects and almost no reference cycles; with the default
thresholds the collector walks the growing heap again and again, which costs a third of the
time of a large parse and makes its cost grow faster than the text."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def fewer_collections():
    """Raise the collector's thresholds for the duration of the block (a build: long, with a
    few cycles from templates that should still be collected), then restore them."""
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


@contextmanager
def no_collections():
    """Pause the collector for the block (one parse: seconds at most, and it makes no cycles,
    so nothing waits to be collected), then let it run again if it was running."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
